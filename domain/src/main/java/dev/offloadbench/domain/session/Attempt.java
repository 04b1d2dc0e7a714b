package dev.offloadbench.domain.session;

import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.run.Termination;
import dev.offloadbench.domain.run.TestTally;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One execution of a run: a warm-up (its time discarded, its validity still reported) or a timed
 * sample.
 *
 * @param seconds wall-clock seconds, millisecond precision
 * @param notes what the reader should know, e.g. a worker count that differs from the plan
 * @param load the machine's 1-minute load average just before it started; empty when not recorded
 */
public record Attempt(boolean warmup, Instant started, Instant finished, BigDecimal seconds, int exitCode,
        Termination termination, TestTally tally, Path log, Validity validity, List<String> notes,
        OptionalDouble load) {
    public Attempt {
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(seconds, "seconds");
        Objects.requireNonNull(termination, "termination");
        Objects.requireNonNull(tally, "tally");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(validity, "validity");
        notes = List.copyOf(notes);
        Objects.requireNonNull(load, "load");
        if (load.isPresent() && !(load.getAsDouble() >= 0 && Double.isFinite(load.getAsDouble()))) {
            throw new IllegalArgumentException("a load average is a finite number >= 0: " + load.getAsDouble());
        }
    }

    /** An attempt without the machine's load. */
    public Attempt(boolean warmup, Instant started, Instant finished, BigDecimal seconds, int exitCode,
            Termination termination, TestTally tally, Path log, Validity validity, List<String> notes) {
        this(warmup, started, finished, seconds, exitCode, termination, tally, log, validity, notes,
                OptionalDouble.empty());
    }
}
