package dev.offloadbench.domain.history;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How a change is told from noise, as bencher's t-test threshold does over a run's history. The
 * history is the timed samples of the run in the earlier session and in up to
 * {@code historySessions - 1} finished sessions before it that ran it validly (the same project
 * folder, recipe and kind). With at least {@code minimumSamples} of them (and some spread among
 * them), the later mean is judged against their Student's t prediction interval at
 * {@code confidence}; otherwise against a plain band of {@code thresholdPercent} around the
 * earlier session's mean.
 *
 * @param confidence e.g. {@code 0.99}, strictly between 0.5 and 1
 * @param thresholdPercent e.g. {@code 5}: more than 5% slower or faster is a change
 * @param historySessions how many sessions' samples make the history, the earlier session's first
 */
public record NoiseRule(BigDecimal confidence, BigDecimal thresholdPercent, int minimumSamples,
        int historySessions) {
    /**
     * 99%, 5%, from 3 samples (a t interval from 2 samples, 1 degree of freedom, is too wide to
     * tell anything), over the last 5 sessions (so that sessions timing each run once have a history).
     */
    public static final NoiseRule DEFAULT = new NoiseRule(new BigDecimal("0.99"), BigDecimal.valueOf(5), 3, 5);

    public NoiseRule {
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(thresholdPercent, "thresholdPercent");
        if (confidence.compareTo(new BigDecimal("0.5")) <= 0 || confidence.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("the confidence lies strictly between 50% and 100%: "
                    + confidence.movePointRight(2).stripTrailingZeros().toPlainString() + "%");
        }
        if (thresholdPercent.signum() < 0 || thresholdPercent.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new IllegalArgumentException("the threshold is a percentage from 0 to 1000: "
                    + thresholdPercent.toPlainString());
        }
        if (minimumSamples < 2) {
            throw new IllegalArgumentException("a prediction interval needs at least 2 samples: " + minimumSamples);
        }
        if (historySessions < 1) {
            throw new IllegalArgumentException("the history holds at least the earlier session: " + historySessions);
        }
    }

    public NoiseRule withConfidence(BigDecimal value) {
        return new NoiseRule(value, thresholdPercent, minimumSamples, historySessions);
    }

    public NoiseRule withThresholdPercent(BigDecimal value) {
        return new NoiseRule(confidence, value, minimumSamples, historySessions);
    }

    public NoiseRule withHistorySessions(int sessions) {
        return new NoiseRule(confidence, thresholdPercent, minimumSamples, sessions);
    }
}
