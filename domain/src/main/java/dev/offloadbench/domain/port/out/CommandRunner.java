package dev.offloadbench.domain.port.out;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs a short command to completion (not a benchmark run): standard input closed, output kept. */
public interface CommandRunner {
    Completed run(List<String> argv, Path directory, Map<String, String> environment, Duration timeout);

    /** How it ended; {@code output} is stdout and stderr interleaved (its tail, for long outputs). */
    record Completed(int exitCode, boolean timedOut, String output) {
        public boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }
    }
}
