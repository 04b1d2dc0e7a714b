package dev.offloadbench.domain.session;

import dev.offloadbench.domain.model.RunKind;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a session runs: which kinds, how many timed samples per run, how many discarded Offload
 * warm-ups, the timeout of one execution.
 */
public record SessionSettings(List<RunKind> kinds, int runs, int offloadWarmups, Optional<Duration> timeout) {
    public SessionSettings {
        kinds = List.copyOf(kinds);
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("a session runs at least one kind of run");
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1: " + runs);
        }
        if (offloadWarmups < 0) {
            throw new IllegalArgumentException("--warmups-offload must not be negative: " + offloadWarmups);
        }
        Objects.requireNonNull(timeout, "timeout");
    }
}
