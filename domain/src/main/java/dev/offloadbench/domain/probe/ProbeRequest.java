package dev.offloadbench.domain.probe;

import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.run.Markers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run to probe: exactly the command the timed run will execute (the just recipe with its
 * dependencies), in its folder, with its environment, within a time limit.
 *
 * @param marker the probe's execution marker, recorded with the session lock before the probe
 *     starts: what the probe leaves running, should bench die, is found by it
 */
public record ProbeRequest(RunKind kind, List<String> command, Map<String, String> environment, Path directory,
        Duration timeout, String marker) {
    public ProbeRequest {
        Objects.requireNonNull(kind, "kind");
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(timeout, "timeout");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("nothing to probe");
        }
        Objects.requireNonNull(marker, "marker");
        if (!Markers.isMarker(marker)) {
            throw new IllegalArgumentException("not a marker: \"" + marker + "\"");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a probe needs a positive time limit: " + timeout);
        }
    }
}
