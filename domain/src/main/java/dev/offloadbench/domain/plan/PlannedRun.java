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
 */
public record PlannedRun(RunKind kind, String recipe, List<String> command, Map<String, String> environment,
        Path directory, OptionalInt workers, Optional<String> workersSource, OptionalInt maxParallel,
        Optional<String> maxParallelSource, int warmups, List<String> notes, Optional<OffloadProvider> provider,
        Optional<ProbeResult> probe) {
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
    }

    /**
     * This run with another environment (a resumed session's secrets, say), everything else kept:
     * its Offload provider and what its probe showed too.
     */
    public PlannedRun withEnvironment(Map<String, String> other) {
        return new PlannedRun(kind, recipe, command, other, directory, workers, workersSource, maxParallel,
                maxParallelSource, warmups, notes, provider, probe);
    }

    /** Whether a probe confirmed the worker count (or Offload's parallelism) before any timing. */
    public boolean verified() {
        return probe.isPresent();
    }
}
