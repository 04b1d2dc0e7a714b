package dev.offloadbench.domain.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One process to run and time: the command in its folder with the environment added to the
 * inherited one, standard input closed, its output (stdout and stderr interleaved) written to
 * {@code log}.
 */
public record ExecutionRequest(List<String> command, Map<String, String> environment, Path directory, Path log,
        Optional<Duration> timeout) {
    public ExecutionRequest {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(timeout, "timeout");
    }
}
