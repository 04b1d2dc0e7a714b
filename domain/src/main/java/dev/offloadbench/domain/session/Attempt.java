package dev.offloadbench.domain.session;

import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.run.Termination;
import dev.offloadbench.domain.run.TestTally;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One execution of a run: a warm-up (its time discarded, its validity still reported) or a timed
 * sample.
 *
 * @param seconds wall-clock seconds, millisecond precision
 * @param notes what the reader should know, e.g. a worker count that differs from the plan
 */
public record Attempt(boolean warmup, Instant started, Instant finished, BigDecimal seconds, int exitCode,
        Termination termination, TestTally tally, Path log, Validity validity, List<String> notes) {
    public Attempt {
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(seconds, "seconds");
        Objects.requireNonNull(termination, "termination");
        Objects.requireNonNull(tally, "tally");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(validity, "validity");
        notes = List.copyOf(notes);
    }
}
