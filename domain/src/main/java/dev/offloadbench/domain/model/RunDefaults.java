package dev.offloadbench.domain.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How a profile's project is benchmarked unless the configuration says otherwise: the just
 * recipe of the local runs, the recipe of the Offload run, the environment variable through
 * which the project lets a run choose its xdist workers (when the project has one), the
 * high-run rule, and environment added to every run.
 */
public record RunDefaults(String localRecipe, String offloadRecipe, Optional<String> workersEnv, HighWorkers high,
        Map<String, String> env) {
    /** What the procedure does for a project it knows nothing special about. */
    public static final RunDefaults PROCEDURE = new RunDefaults("test-integration", "test-offload", Optional.empty(),
            HighWorkers.doubledCappedAt(8), Map.of());

    public RunDefaults {
        Objects.requireNonNull(localRecipe, "localRecipe");
        Objects.requireNonNull(offloadRecipe, "offloadRecipe");
        Objects.requireNonNull(workersEnv, "workersEnv");
        Objects.requireNonNull(high, "high");
        env = Map.copyOf(new TreeMap<>(Objects.requireNonNull(env, "env")));
    }

    public RunDefaults withLocalRecipe(String recipe) {
        return new RunDefaults(recipe, offloadRecipe, workersEnv, high, env);
    }

    public RunDefaults withOffloadRecipe(String recipe) {
        return new RunDefaults(localRecipe, recipe, workersEnv, high, env);
    }

    public RunDefaults withWorkersEnv(String variable) {
        return new RunDefaults(localRecipe, offloadRecipe, Optional.of(variable), high, env);
    }

    public RunDefaults withHigh(HighWorkers rule) {
        return new RunDefaults(localRecipe, offloadRecipe, workersEnv, rule, env);
    }

    /** This environment with {@code more} added (its values win). */
    public RunDefaults withEnv(Map<String, String> more) {
        Map<String, String> merged = new TreeMap<>(env);
        merged.putAll(more);
        return new RunDefaults(localRecipe, offloadRecipe, workersEnv, high, merged);
    }
}
