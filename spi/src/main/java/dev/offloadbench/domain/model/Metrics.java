package dev.offloadbench.domain.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The report's arithmetic. Every derived figure is computed from the times as shown (one
 * decimal), so a reader can recompute each one from the table; every rounding is half up on
 * exact decimals, never on binary floating point.
 */
public final class Metrics {
    /** The width of the baseline's bar; every other bar is scaled to it. */
    public static final int FULL_BAR_WIDTH = 150;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Metrics() {
    }

    /** Seconds as the report shows them: one decimal, half up. */
    public static BigDecimal shownTime(BigDecimal seconds) {
        return seconds.setScale(1, RoundingMode.HALF_UP);
    }

    /**
     * The figures of a run against its project's baseline.
     *
     * @throws IllegalArgumentException when a time shows as 0.0 s, so that no ratio can be computed
     */
    public static RunFigures figures(BigDecimal runSeconds, BigDecimal baselineSeconds) {
        BigDecimal run = shownTime(runSeconds);
        BigDecimal baseline = shownTime(baselineSeconds);
        if (baseline.signum() == 0) {
            throw new IllegalArgumentException("the baseline time shows as 0.0 s, so no ratio can be computed against it");
        }
        if (run.signum() == 0) {
            throw new IllegalArgumentException("a run time shows as 0.0 s, so its speedup (baseline / run) is undefined");
        }
        BigDecimal percent = run.multiply(HUNDRED).divide(baseline, 1, RoundingMode.HALF_UP);
        BigDecimal speedup = baseline.divide(run, 2, RoundingMode.HALF_UP);
        int barWidth = run.multiply(BigDecimal.valueOf(FULL_BAR_WIDTH))
                .divide(baseline, 0, RoundingMode.HALF_UP)
                .intValueExact();
        return new RunFigures(run, percent, speedup, barWidth);
    }
}
