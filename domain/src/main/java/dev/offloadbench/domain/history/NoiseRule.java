package dev.offloadbench.domain.history;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How a change is told from noise. With at least {@code minimumSamples} timed samples of the run
 * in the earlier session (and some spread among them), the later mean is judged against the
 * Student's t prediction interval of those samples at {@code confidence}; otherwise against a
 * plain band of {@code thresholdPercent} around the earlier mean.
 *
 * @param confidence e.g. {@code 0.99}, strictly between 0.5 and 1
 * @param thresholdPercent e.g. {@code 5}: more than 5% slower or faster is a change
 */
public record NoiseRule(BigDecimal confidence, BigDecimal thresholdPercent, int minimumSamples) {
    /** 99%, 5%, from 3 samples: a t interval from 2 samples (1 degree of freedom) is too wide to tell anything. */
    public static final NoiseRule DEFAULT = new NoiseRule(new BigDecimal("0.99"), BigDecimal.valueOf(5), 3);

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
    }

    public NoiseRule withConfidence(BigDecimal value) {
        return new NoiseRule(value, thresholdPercent, minimumSamples);
    }

    public NoiseRule withThresholdPercent(BigDecimal value) {
        return new NoiseRule(confidence, value, minimumSamples);
    }
}
