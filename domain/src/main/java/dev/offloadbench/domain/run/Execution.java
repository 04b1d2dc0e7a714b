package dev.offloadbench.domain.run;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How a run went: exit code (-1 when it was ended), how it ended, its wall-clock time on a
 * monotonic clock, when it started and finished, where its output is, and what the output said.
 *
 * @param leftovers processes of the run still running after its command had ended (background
 *     children, daemons that left its process group), which the executor ended
 */
public record Execution(int exitCode, Termination termination, Duration elapsed, Instant started, Instant finished,
        Path log, TestTally tally, List<LeftoverProcess> leftovers) {
    public Execution {
        Objects.requireNonNull(termination, "termination");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(tally, "tally");
        leftovers = List.copyOf(leftovers);
    }

    /** An execution that left nothing behind. */
    public Execution(int exitCode, Termination termination, Duration elapsed, Instant started, Instant finished,
            Path log, TestTally tally) {
        this(exitCode, termination, elapsed, started, finished, log, tally, List.of());
    }
}
