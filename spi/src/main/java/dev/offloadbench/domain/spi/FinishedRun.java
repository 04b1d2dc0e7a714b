package dev.offloadbench.domain.spi;

import dev.offloadbench.domain.model.RunKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One finished execution of a benchmark run, as recorded.
 *
 * @param project the profile id of the project
 * @param workers the workers it ran with (the count its runner reported starting, else the planned
 *     one); empty for Offload runs
 * @param seconds wall-clock seconds from start to exit, millisecond precision
 * @param valid whether it counts: false when it failed, its tests failed or did not run, or it was cut short
 * @param reason why it is INVALID; empty when valid
 * @param warmup a discarded warm-up (Offload's first run), not a timed sample
 * @param number 1-based, among the warm-ups or among the timed samples of this run
 * @param finished when it ended
 */
public record FinishedRun(String sessionId, String project, RunKind kind, OptionalInt workers, BigDecimal seconds,
        boolean valid, String reason, boolean warmup, int number, Instant finished) {
    public FinishedRun {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(seconds, "seconds");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(finished, "finished");
        if (number < 1) {
            throw new IllegalArgumentException("number must be at least 1: " + number);
        }
    }
}
