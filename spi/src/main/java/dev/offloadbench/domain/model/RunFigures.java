package dev.offloadbench.domain.model;

import java.math.BigDecimal;

/**
 * A run's figures as printed: time (s) with one decimal, time (%) with one decimal, speedup
 * with two, and the bar width in pixels. The text forms never depend on the machine's locale.
 */
public record RunFigures(BigDecimal time, BigDecimal percent, BigDecimal speedup, int barWidth) {
    public String timeText() {
        return time.toPlainString();
    }

    public String percentText() {
        return percent.toPlainString();
    }

    public String speedupText() {
        return speedup.toPlainString();
    }
}
