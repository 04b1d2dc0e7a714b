package dev.offloadbench.domain.service.history;

import dev.offloadbench.domain.history.Change;
import dev.offloadbench.domain.history.NoiseBand;
import dev.offloadbench.domain.history.NoiseRule;
import dev.offloadbench.domain.history.Ratio;
import dev.offloadbench.domain.session.Statistics;
import dev.offloadbench.domain.stats.StudentT;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Tells a change from noise, as bencher's t-test threshold does: the run's history is the earlier
 * session's samples and those of the sessions before it ({@link NoiseRule#historySessions()});
 * the later session's mean of m samples is noise while it falls inside their Student's t
 * prediction interval, x̄ ± t(1 - α/2, n - 1) · s · √(1/n + 1/m). With fewer samples than the
 * rule asks, or none of them differing (s = 0 says the clock's resolution hid the noise, not that
 * there was none), a plain percentage band around the earlier session's mean decides.
 */
final class NoiseJudge {
    private static final int SCALE = 3;

    private NoiseJudge() {
    }

    record Judgement(Change change, NoiseBand band) {
    }

    /**
     * The run's history: the earlier session's samples, then those of the sessions before it.
     *
     * @param sessions how many sessions the samples come from
     */
    record History(Statistics before, List<BigDecimal> samples, int sessions) {
        /** The earlier session's samples alone. */
        static History of(Statistics before) {
            return new History(before, before.samples(), 1);
        }
    }

    static Judgement judge(Statistics before, Statistics after, NoiseRule rule) {
        return judge(History.of(before), after, rule);
    }

    static Judgement judge(History history, Statistics after, NoiseRule rule) {
        NoiseBand band = band(history, after.samples().size(), rule);
        BigDecimal mean = exactMean(after.samples());
        Change change = mean.compareTo(band.high()) > 0 ? Change.SLOWER
                : mean.compareTo(band.low()) < 0 ? Change.FASTER : Change.WITHIN_NOISE;
        return new Judgement(change, band);
    }

    static NoiseBand band(Statistics before, int laterSamples, NoiseRule rule) {
        return band(History.of(before), laterSamples, rule);
    }

    static NoiseBand band(History history, int laterSamples, NoiseRule rule) {
        List<BigDecimal> samples = history.samples();
        int n = samples.size();
        double mean = exactMean(samples).doubleValue();
        double deviation = standardDeviation(samples, mean);
        if (n >= rule.minimumSamples() && deviation > 0) {
            double probability = 1 - (1 - rule.confidence().doubleValue()) / 2;
            double t = new StudentT(n - 1).quantile(probability);
            double half = t * deviation * Math.sqrt(1.0 / n + 1.0 / laterSamples);
            return new NoiseBand(NoiseBand.Method.PREDICTION_INTERVAL, seconds(Math.max(0, mean - half)),
                    seconds(mean + half), rule.confidence(), n, history.sessions(), OptionalDouble.of(t));
        }
        BigDecimal exact = exactMean(history.before().samples());
        BigDecimal fraction = rule.thresholdPercent().movePointLeft(2);
        BigDecimal low = exact.multiply(BigDecimal.ONE.subtract(fraction)).max(BigDecimal.ZERO);
        return new NoiseBand(NoiseBand.Method.THRESHOLD, low.setScale(SCALE, RoundingMode.HALF_UP),
                exact.multiply(BigDecimal.ONE.add(fraction)).setScale(SCALE, RoundingMode.HALF_UP),
                rule.thresholdPercent(), history.before().samples().size(), 1, OptionalDouble.empty());
    }

    /**
     * after / before, with σ_r = r·√((σa/a)² + (σb/b)²) when both have a deviation (one sample
     * has none, and a missing one is unknown, not zero).
     */
    static Ratio ratio(Statistics before, Statistics after) {
        BigDecimal a = exactMean(before.samples());
        BigDecimal b = exactMean(after.samples());
        if (a.signum() == 0) {
            // a run that took no measurable time: no ratio makes sense; say "no change" rather than divide by 0
            return new Ratio(b.signum() == 0 ? BigDecimal.ONE : BigDecimal.valueOf(Long.MAX_VALUE), Optional.empty());
        }
        BigDecimal r = b.divide(a, MathContext.DECIMAL64);
        Optional<BigDecimal> sigma = Optional.empty();
        if (before.samples().size() > 1 && after.samples().size() > 1 && b.signum() != 0) {
            double sa = standardDeviation(before.samples(), a.doubleValue()) / a.doubleValue();
            double sb = standardDeviation(after.samples(), b.doubleValue()) / b.doubleValue();
            sigma = Optional.of(new BigDecimal(r.doubleValue() * Math.sqrt(sa * sa + sb * sb), MathContext.DECIMAL64));
        }
        return new Ratio(r, sigma);
    }

    static BigDecimal exactMean(List<BigDecimal> samples) {
        return samples.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(samples.size()), MathContext.DECIMAL64);
    }

    /** The sample standard deviation (n - 1); 0 for one sample. */
    static double standardDeviation(List<BigDecimal> samples, double mean) {
        if (samples.size() < 2) {
            return 0;
        }
        double squares = 0;
        for (BigDecimal sample : samples) {
            double difference = sample.doubleValue() - mean;
            squares += difference * difference;
        }
        return Math.sqrt(squares / (samples.size() - 1));
    }

    private static BigDecimal seconds(double value) {
        return BigDecimal.valueOf(value).setScale(SCALE, RoundingMode.HALF_UP);
    }
}
