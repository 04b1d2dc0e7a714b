package dev.offloadbench.domain.history;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The later time over the earlier one (above 1: slower), with its uncertainty when both times
 * have one: σ_r = r·√((σa/a)² + (σb/b)²), as hyperfine propagates it.
 */
public record Ratio(BigDecimal value, Optional<BigDecimal> sigma) {
    public Ratio {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(sigma, "sigma");
    }

    /** The change in percent: {@code +2.6} for a ratio of 1.026. */
    public BigDecimal percentChange() {
        return value.subtract(BigDecimal.ONE).movePointRight(2);
    }
}
