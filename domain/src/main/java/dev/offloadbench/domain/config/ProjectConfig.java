package dev.offloadbench.domain.config;

import dev.offloadbench.domain.model.HighWorkers;
import dev.offloadbench.domain.model.ProfileId;
import dev.offloadbench.domain.model.RunDefaults;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code [projects.<profile>]} table: where the project is, what overrides its profile's
 * defaults, and how its part of the report reads when the table says so ({@code text}).
 */
public record ProjectConfig(String profile, Path path, Optional<String> baselineRecipe,
        Optional<String> offloadRecipe, OptionalInt highWorkers, Optional<String> workersEnv,
        Map<String, String> env, ProfileText text) {
    public ProjectConfig {
        ProfileId.check(profile);
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(baselineRecipe, "baselineRecipe");
        Objects.requireNonNull(offloadRecipe, "offloadRecipe");
        Objects.requireNonNull(highWorkers, "highWorkers");
        Objects.requireNonNull(workersEnv, "workersEnv");
        env = Map.copyOf(env);
        Objects.requireNonNull(text, "text");
    }

    /** A table that says nothing about the report. */
    public ProjectConfig(String profile, Path path, Optional<String> baselineRecipe, Optional<String> offloadRecipe,
            OptionalInt highWorkers, Optional<String> workersEnv, Map<String, String> env) {
        this(profile, path, baselineRecipe, offloadRecipe, highWorkers, workersEnv, env, ProfileText.NONE);
    }

    /** A project configured by its path alone. */
    public static ProjectConfig at(String profile, Path path) {
        return new ProjectConfig(profile, path, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                Optional.empty(), Map.of());
    }

    /** The profile's defaults with this table's overrides applied. */
    public RunDefaults applyTo(RunDefaults defaults) {
        RunDefaults runs = defaults.withEnv(env);
        if (baselineRecipe.isPresent()) {
            runs = runs.withLocalRecipe(baselineRecipe.get());
        }
        if (offloadRecipe.isPresent()) {
            runs = runs.withOffloadRecipe(offloadRecipe.get());
        }
        if (workersEnv.isPresent()) {
            runs = runs.withWorkersEnv(workersEnv.get());
        }
        if (highWorkers.isPresent()) {
            runs = runs.withHigh(HighWorkers.fixed(highWorkers.getAsInt()));
        }
        return runs;
    }
}
