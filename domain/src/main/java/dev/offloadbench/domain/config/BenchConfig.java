package dev.offloadbench.domain.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user configured (or the procedure's defaults when there is no configuration file),
 * read once, before anything is wired. Paths are absolute.
 *
 * @param source the file it was read from; empty when the defaults apply
 * @param machine the machine description to publish, when configured
 * @param offloadRepo the Offload repository (its {@code just install} keeps the binary current)
 * @param readme the README whose Benchmarks section is updated
 * @param offloadOptional without offload (or its credentials) a session runs and publishes the local runs
 *     alone, saying so, instead of stopping (the bundled demo's choice)
 * @param projects the projects to benchmark, in execution order
 * @param probe {@code bench run} probes every run before the first timed one ({@code probe = false}
 *     turns that off, as {@code --no-probe} does)
 * @param exporters the results formats written after every session ({@code exporters = ["csv"]}),
 *     each by the installed exporter of that name, into the session's folder
 * @param notesShowSpread the README's Notes say, for runs timed several times ({@code --runs N}),
 *     that each time is a mean and give its ± σ ({@code notes_show_spread = true}); off by default
 * @param keepLogs how many sessions keep their runs' logs ({@code keep_logs}): the most recently
 *     active ones; older sessions keep their results, not their logs
 */
public record BenchConfig(Optional<Path> source, Optional<String> machine, Path offloadRepo, Path readme,
        boolean offloadOptional, List<ProjectConfig> projects, boolean probe, List<String> exporters,
        boolean notesShowSpread, int keepLogs) {
    /** Sessions whose logs are kept when the configuration says nothing. */
    public static final int DEFAULT_KEEP_LOGS = 10;

    public BenchConfig {
        if (keepLogs < 1) {
            throw new IllegalArgumentException("keep_logs must be at least 1: " + keepLogs);
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(offloadRepo, "offloadRepo");
        Objects.requireNonNull(readme, "readme");
        projects = List.copyOf(projects);
        exporters = List.copyOf(exporters);
    }

    /**
     * A configuration whose Notes do not show the spread of the times, keeping the logs of the
     * last {@value #DEFAULT_KEEP_LOGS} sessions.
     */
    public BenchConfig(Optional<Path> source, Optional<String> machine, Path offloadRepo, Path readme,
            boolean offloadOptional, List<ProjectConfig> projects, boolean probe, List<String> exporters) {
        this(source, machine, offloadRepo, readme, offloadOptional, projects, probe, exporters, false,
                DEFAULT_KEEP_LOGS);
    }

    /** A configuration whose sessions probe their runs first and export nothing. */
    public BenchConfig(Optional<Path> source, Optional<String> machine, Path offloadRepo, Path readme,
            boolean offloadOptional, List<ProjectConfig> projects) {
        this(source, machine, offloadRepo, readme, offloadOptional, projects, true, List.of());
    }

    /** A configuration in which a session without offload stops. */
    public BenchConfig(Optional<Path> source, Optional<String> machine, Path offloadRepo, Path readme,
            List<ProjectConfig> projects) {
        this(source, machine, offloadRepo, readme, false, projects);
    }

    public Optional<ProjectConfig> project(String profileId) {
        return projects.stream().filter(p -> p.profile().equals(profileId)).findFirst();
    }

    /** Where the settings come from, for messages: the file, or "the built-in defaults". */
    public String describeSource() {
        return source.map(Path::toString).orElse("offload-bench.toml (none was found, so the built-in defaults apply)");
    }
}
