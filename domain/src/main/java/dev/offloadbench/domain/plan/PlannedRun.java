package dev.offloadbench.domain.plan;

import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.probe.ProbeResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One benchmark run, exactly as it will execute: the command and the environment added to the
 * inherited one, in the project folder, and what the report will say about it.
 *
 * @param workersSource where the worker count comes from (file:line), or how the run changes it
 * @param notes what the reader of the plan should know (e.g. what {@code -n auto} means here)
 * @param warmups discarded runs before the timed one (1 for Offload, to warm its image cache)
 * @param provider where Offload runs the tests ({@code [provider] type} of its configuration);
 *     empty for local runs
 * @param probe what probing this very command showed, when it was probed; then {@code workers}
 *     and {@code maxParallel} are the probe's, verified before any timing
 * @param offloadConfig the Offload configuration file the run uses, with the hash of its bytes
 *     when planned; empty for local runs (and offload runs planned before it was kept)
 */
public record PlannedRun(RunKind kind, String recipe, List<String> command, Map<String, String> environment,
        Path directory, OptionalInt workers, Optional<String> workersSource, OptionalInt maxParallel,
        Optional<String> maxParallelSource, int warmups, List<String> notes, Optional<OffloadProvider> provider,
        Optional<ProbeResult> probe, Optional<FileDigest> offloadConfig) {
    public PlannedRun {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipe, "recipe");
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(workersSource, "workersSource");
        Objects.requireNonNull(maxParallel, "maxParallel");
        Objects.requireNonNull(maxParallelSource, "maxParallelSource");
        notes = List.copyOf(notes);
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(offloadConfig, "offloadConfig");
    }

    /** A run without a recorded Offload configuration (a local run). */
    public PlannedRun(RunKind kind, String recipe, List<String> command, Map<String, String> environment,
            Path directory, OptionalInt workers, Optional<String> workersSource, OptionalInt maxParallel,
            Optional<String> maxParallelSource, int warmups, List<String> notes, Optional<OffloadProvider> provider,
            Optional<ProbeResult> probe) {
        this(kind, recipe, command, environment, directory, workers, workersSource, maxParallel, maxParallelSource,
                warmups, notes, provider, probe, Optional.empty());
    }

    /** A run planned by reading alone, not probed, without an Offload provider (a local run). */
    public PlannedRun(RunKind kind, String recipe, List<String> command, Map<String, String> environment,
            Path directory, OptionalInt workers, Optional<String> workersSource, OptionalInt maxParallel,
            Optional<String> maxParallelSource, int warmups, List<String> notes) {
        this(kind, recipe, command, environment, directory, workers, workersSource, maxParallel, maxParallelSource,
                warmups, notes, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** This run as {@code probe} showed it. */
    public PlannedRun withProbe(ProbeResult probe) {
        return new PlannedRun(kind, recipe, command, environment, directory, workers, workersSource, maxParallel,
                maxParallelSource, warmups, notes, provider, Optional.of(probe), offloadConfig);
    }

    /** This run with Offload's provider. */
    public PlannedRun withProvider(OffloadProvider provider) {
        return new PlannedRun(kind, recipe, command, environment, directory, workers, workersSource, maxParallel,
                maxParallelSource, warmups, notes, Optional.of(provider), probe, offloadConfig);
    }

    /** This run with the Offload configuration it uses. */
    public PlannedRun withOffloadConfig(FileDigest config) {
        return new PlannedRun(kind, recipe, command, environment, directory, workers, workersSource, maxParallel,
                maxParallelSource, warmups, notes, provider, probe, Optional.of(config));
    }

    /**
     * This run with another environment (a resumed session's secrets, say), everything else kept:
     * its Offload provider, its Offload configuration and what its probe showed too.
     */
    public PlannedRun withEnvironment(Map<String, String> variables) {
        return new PlannedRun(kind, recipe, command, variables, directory, workers, workersSource, maxParallel,
                maxParallelSource, warmups, notes, provider, probe, offloadConfig);
    }

    /** Whether a probe confirmed the worker count (or Offload's parallelism) before any timing. */
    public boolean verified() {
        return probe.isPresent();
    }
}
