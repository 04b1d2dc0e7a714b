package dev.offloadbench.domain.history;

import dev.offloadbench.domain.model.RunKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One project's run of one kind in two sessions: both measurements, the ratio of their means,
 * what changed (judged against the noise band), and every recorded input that differs.
 */
public record RunComparison(String profileId, RunKind kind, Optional<Measurement> before,
        Optional<Measurement> after, Optional<Ratio> ratio, Change change, Optional<NoiseBand> band,
        List<Drift> drift) {
    public RunComparison {
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(ratio, "ratio");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(band, "band");
        drift = List.copyOf(drift);
    }

    /** Slower by more than {@code percent} percent, whatever the noise (both runs valid). */
    public boolean slowerByMoreThan(BigDecimal percent) {
        return change != Change.INVALID && ratio.isPresent() && ratio.get().percentChange().compareTo(percent) > 0;
    }
}
