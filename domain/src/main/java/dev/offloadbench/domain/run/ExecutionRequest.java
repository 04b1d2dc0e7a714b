package dev.offloadbench.domain.run;

import dev.offloadbench.domain.spi.TestOutputParser;
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
 *
 * @param outputParser reads the output of a runner other than pytest, once the run has exited
 *     (pytest's and Offload's output is read as it comes)
 */
public record ExecutionRequest(List<String> command, Map<String, String> environment, Path directory, Path log,
        Optional<Duration> timeout, Optional<TestOutputParser> outputParser) {
    public ExecutionRequest {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(outputParser, "outputParser");
    }

    /** A run of pytest or Offload. */
    public ExecutionRequest(List<String> command, Map<String, String> environment, Path directory, Path log,
            Optional<Duration> timeout) {
        this(command, environment, directory, log, timeout, Optional.empty());
    }
}
