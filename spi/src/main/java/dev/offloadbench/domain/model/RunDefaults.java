package dev.offloadbench.domain.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How a profile's project is benchmarked unless the configuration says otherwise: the just
 * recipe of the local runs, the recipe of the Offload run, the environment variable through
 * which the project lets a run choose its worker count (when the project has one), the
 * high-run rule, environment added to every run, and the output parser of its local runs.
 *
 * <p>Without an {@code outputParser} the local runs are pytest-xdist runs: their worker count is
 * found in the recipe (or pytest's configuration) and their output is pytest's. With one (the
 * name of an installed {@link dev.offloadbench.domain.spi.TestOutputParser}, e.g.
 * {@code cargo-nextest}) the local runs use another runner: it reads its worker count from
 * {@code workersEnv} (required then) and starts one worker per logical CPU when that is not set,
 * and its output is read by that parser.
 */
public record RunDefaults(String localRecipe, String offloadRecipe, Optional<String> workersEnv, HighWorkers high,
        Map<String, String> env, Optional<String> outputParser) {
    /** What the procedure does for a project it knows nothing special about. */
    public static final RunDefaults PROCEDURE = new RunDefaults("test-integration", "test-offload", Optional.empty(),
            HighWorkers.doubledCappedAt(8), Map.of());

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    public RunDefaults {
        Objects.requireNonNull(localRecipe, "localRecipe");
        Objects.requireNonNull(offloadRecipe, "offloadRecipe");
        Objects.requireNonNull(workersEnv, "workersEnv");
        Objects.requireNonNull(high, "high");
        env = Map.copyOf(new TreeMap<>(Objects.requireNonNull(env, "env")));
        Objects.requireNonNull(outputParser, "outputParser");
        if (outputParser.isPresent() && !NAME.matcher(outputParser.get()).matches()) {
            throw new IllegalArgumentException("output parser name \"" + outputParser.get()
                    + "\" must be lower-case letters, digits, '-' or '_', starting with a letter");
        }
        if (outputParser.isPresent() && workersEnv.isEmpty()) {
            throw new IllegalArgumentException("a profile whose runs are read by output parser " + outputParser.get()
                    + " must name the environment variable its runner reads for the worker count (workersEnv)");
        }
    }

    /** Runs of pytest-xdist. */
    public RunDefaults(String localRecipe, String offloadRecipe, Optional<String> workersEnv, HighWorkers high,
            Map<String, String> env) {
        this(localRecipe, offloadRecipe, workersEnv, high, env, Optional.empty());
    }

    public RunDefaults withLocalRecipe(String recipe) {
        return new RunDefaults(recipe, offloadRecipe, workersEnv, high, env, outputParser);
    }

    public RunDefaults withOffloadRecipe(String recipe) {
        return new RunDefaults(localRecipe, recipe, workersEnv, high, env, outputParser);
    }

    public RunDefaults withWorkersEnv(String variable) {
        return new RunDefaults(localRecipe, offloadRecipe, Optional.of(variable), high, env, outputParser);
    }

    public RunDefaults withHigh(HighWorkers rule) {
        return new RunDefaults(localRecipe, offloadRecipe, workersEnv, rule, env, outputParser);
    }

    /** Local runs of another runner than pytest, read by the output parser of that name. */
    public RunDefaults withOutputParser(String parser) {
        return new RunDefaults(localRecipe, offloadRecipe, workersEnv, high, env, Optional.of(parser));
    }

    /** This environment with {@code more} added (its values win). */
    public RunDefaults withEnv(Map<String, String> more) {
        Map<String, String> merged = new TreeMap<>(env);
        merged.putAll(more);
        return new RunDefaults(localRecipe, offloadRecipe, workersEnv, high, merged, outputParser);
    }
}
