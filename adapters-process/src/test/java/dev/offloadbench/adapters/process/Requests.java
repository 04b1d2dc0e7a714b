package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.run.ExecutionRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Execution requests for tests: a marker of their own, which nobody needs to find after a crash. */
final class Requests {
    private Requests() {
    }

    /** A run of pytest (or any command) whose output pytest's and Offload's parsers read. */
    static ExecutionRequest of(List<String> command, Map<String, String> environment, Path directory, Path log,
            Optional<Duration> timeout) {
        return new ExecutionRequest(command, environment, directory, log, timeout, UUID.randomUUID().toString(),
                Optional.empty());
    }
}
