package dev.offloadbench.cli.output;

import dev.offloadbench.domain.history.Measurement;
import dev.offloadbench.domain.model.Metrics;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** A run's time as the tables print it: {@code 345.8}, or {@code 345.8 ± 1.2 (n=5)} for several samples. */
final class MeasurementText {
    private MeasurementText() {
    }

    static String of(Measurement measurement) {
        String mean = Metrics.shownTime(measurement.mean()).toPlainString();
        return measurement.sigma().map(sigma -> mean + " ± " + oneDecimal(sigma) + " (n=" + measurement.count() + ")")
                .orElse(mean);
    }

    static String oneDecimal(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code +8.7%}, {@code -12.0%}. */
    static String signedPercent(BigDecimal percent) {
        BigDecimal rounded = percent.setScale(1, RoundingMode.HALF_UP);
        return (rounded.signum() > 0 ? "+" : "") + rounded.toPlainString() + "%";
    }
}
