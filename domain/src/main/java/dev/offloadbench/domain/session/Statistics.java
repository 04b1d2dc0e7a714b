package dev.offloadbench.domain.session;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The samples of a run and their summary: mean (the figure the README shows), sample standard
 * deviation (n - 1; absent for one sample), min, max and median, in seconds to the millisecond.
 */
public record Statistics(List<BigDecimal> samples, BigDecimal mean, Optional<BigDecimal> standardDeviation,
        BigDecimal min, BigDecimal max, BigDecimal median) {
    private static final int SCALE = 3;

    public static Statistics of(List<BigDecimal> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        int n = samples.size();
        BigDecimal sum = samples.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(n), SCALE, RoundingMode.HALF_UP);
        Optional<BigDecimal> deviation = Optional.empty();
        if (n > 1) {
            BigDecimal exactMean = sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64);
            BigDecimal squares = samples.stream()
                    .map(s -> s.subtract(exactMean).pow(2))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal variance = squares.divide(BigDecimal.valueOf(n - 1), MathContext.DECIMAL64);
            deviation = Optional.of(variance.sqrt(MathContext.DECIMAL64).setScale(SCALE, RoundingMode.HALF_UP));
        }
        List<BigDecimal> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), SCALE,
                        RoundingMode.HALF_UP);
        return new Statistics(List.copyOf(samples), mean, deviation, sorted.get(0), sorted.get(n - 1),
                median.setScale(SCALE, RoundingMode.HALF_UP));
    }
}
