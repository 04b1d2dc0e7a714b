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
 * @param marker unique to this execution: the executor puts it in the environment of the command,
 *     which hands it down to every process it starts, so that each one can be found and ended
 *     however the run ends, whatever process group or session it moved to
 * @param outputParser reads the output of a runner other than pytest, once the run has exited
 *     (pytest's and Offload's output is read as it comes)
 */
public record ExecutionRequest(List<String> command, Map<String, String> environment, Path directory, Path log,
        Optional<Duration> timeout, String marker, Optional<TestOutputParser> outputParser) {
    public ExecutionRequest {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(marker, "marker");
        if (marker.isBlank()) {
            throw new IllegalArgumentException("an execution's marker must not be blank");
        }
        Objects.requireNonNull(outputParser, "outputParser");
    }
}
