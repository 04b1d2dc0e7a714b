package dev.offloadbench.domain.plan;

import dev.offloadbench.domain.model.RunKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Planned runs for tests: most need neither an Offload provider nor a probe. */
public final class PlannedRuns {
    private PlannedRuns() {
    }

    /** A run planned by reading alone, not probed, without an Offload provider. */
    public static PlannedRun unprobed(RunKind kind, String recipe, List<String> command,
            Map<String, String> environment, Path directory, OptionalInt workers, Optional<String> workersSource,
            OptionalInt maxParallel, Optional<String> maxParallelSource, int warmups, List<String> notes) {
        return new PlannedRun(kind, recipe, command, environment, directory, workers, workersSource, maxParallel,
                maxParallelSource, warmups, notes, Optional.empty(), Optional.empty());
    }
}
