package dev.offloadbench.domain.history;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The times the earlier session's noise allows for the later mean: inside the band a change is
 * noise. Either a Student's t prediction interval, with its confidence, the earlier session's
 * sample count and the t quantile used, or a plain percentage band.
 *
 * @param level the confidence (0.99) for an interval, the threshold percentage (5) for a band
 * @param samples how many samples of the history the band is made from
 * @param sessions how many sessions those samples come from (the earlier one and those before it)
 * @param t the t quantile of the interval; empty for a percentage band
 */
public record NoiseBand(Method method, BigDecimal low, BigDecimal high, BigDecimal level, int samples,
        int sessions, OptionalDouble t) {
    public enum Method {
        /** mean ± t · s · √(1/n + 1/m): where the mean of m new samples falls with the given confidence. */
        PREDICTION_INTERVAL,
        /** mean ± p%: too few samples (or no spread among them) for an interval. */
        THRESHOLD
    }

    public NoiseBand {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(t, "t");
        if (low.compareTo(high) > 0) {
            throw new IllegalArgumentException("a band's low end is not above its high end: " + low + " > " + high);
        }
    }

    /** {@code 99% prediction interval 339.1–352.5 s (5 samples)} or {@code ±5% band 328.5–363.1 s}. */
    public String describe() {
        String range = low.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "–"
                + high.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + " s";
        return method == Method.PREDICTION_INTERVAL
                ? level.movePointRight(2).stripTrailingZeros().toPlainString() + "% prediction interval " + range
                        + " (" + samples + " samples" + fromSessions() + ")"
                : "±" + level.stripTrailingZeros().toPlainString() + "% band " + range
                        + (samples == 1 ? " (1 sample)" : " (" + samples + " samples" + fromSessions() + ")");
    }

    private String fromSessions() {
        return sessions > 1 ? " from " + sessions + " sessions" : "";
    }
}
