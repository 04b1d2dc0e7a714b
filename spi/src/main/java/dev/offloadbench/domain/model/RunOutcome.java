package dev.offloadbench.domain.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The recorded outcome of one benchmark run: its wall-clock time, the xdist workers it used
 * (none for Offload), and whether it is valid.
 *
 * @param seconds the mean of its timed samples
 * @param spread how many timed samples there were and their standard deviation, when there were
 *     several (and the record says)
 */
public record RunOutcome(RunKind kind, OptionalInt workers, BigDecimal seconds, Validity validity,
        Optional<Spread> spread) {
    /**
     * @param runs how many timed samples, at least 2
     * @param standardDeviation their sample standard deviation (n - 1), in seconds
     */
    public record Spread(int runs, BigDecimal standardDeviation) {
        public Spread {
            Objects.requireNonNull(standardDeviation, "standardDeviation");
            if (runs < 2) {
                throw new IllegalArgumentException("a spread needs at least 2 runs: " + runs);
            }
            if (standardDeviation.signum() < 0) {
                throw new IllegalArgumentException("a standard deviation is not negative: "
                        + standardDeviation.toPlainString());
            }
        }
    }

    public RunOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(seconds, "seconds");
        Objects.requireNonNull(validity, "validity");
        if (seconds.signum() < 0) {
            throw new IllegalArgumentException("seconds must not be negative: " + seconds.toPlainString());
        }
        if (workers.isPresent() && workers.getAsInt() < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers.getAsInt());
        }
        if (kind.isLocal() && workers.isEmpty()) {
            throw new IllegalArgumentException("a " + kind + " run needs its xdist worker count");
        }
        Objects.requireNonNull(spread, "spread");
    }

    /** An outcome of one sample, or whose spread is not recorded. */
    public RunOutcome(RunKind kind, OptionalInt workers, BigDecimal seconds, Validity validity) {
        this(kind, workers, seconds, validity, Optional.empty());
    }

    /** The same outcome, with the spread of its samples. */
    public RunOutcome withSpread(Spread samples) {
        return new RunOutcome(kind, workers, seconds, validity, Optional.of(samples));
    }

    public static RunOutcome local(RunKind kind, int workers, BigDecimal seconds, Validity validity) {
        return new RunOutcome(kind, OptionalInt.of(workers), seconds, validity);
    }

    public static RunOutcome offload(BigDecimal seconds, Validity validity) {
        return new RunOutcome(RunKind.OFFLOAD, OptionalInt.empty(), seconds, validity);
    }
}
