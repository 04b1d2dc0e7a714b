package dev.offloadbench.domain.probe;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One {@code offload} start seen by the probe: the recording stand-in put first on the PATH ran
 * instead of Offload and kept its arguments and folder.
 */
public record ObservedOffload(Path directory, List<String> arguments) {
    public ObservedOffload {
        Objects.requireNonNull(directory, "directory");
        arguments = List.copyOf(arguments);
    }

    /** {@code offload … run …}: the benchmarked command, not {@code offload --version}. */
    public boolean runs() {
        return arguments.contains("run");
    }
}
