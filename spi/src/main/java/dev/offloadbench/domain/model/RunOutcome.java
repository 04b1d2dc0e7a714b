package dev.offloadbench.domain.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The recorded outcome of one benchmark run: its wall-clock time, the xdist workers it used
 * (none for Offload), and whether it is valid.
 */
public record RunOutcome(RunKind kind, OptionalInt workers, BigDecimal seconds, Validity validity) {
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
    }

    public static RunOutcome local(RunKind kind, int workers, BigDecimal seconds, Validity validity) {
        return new RunOutcome(kind, OptionalInt.of(workers), seconds, validity);
    }

    public static RunOutcome offload(BigDecimal seconds, Validity validity) {
        return new RunOutcome(RunKind.OFFLOAD, OptionalInt.empty(), seconds, validity);
    }
}
