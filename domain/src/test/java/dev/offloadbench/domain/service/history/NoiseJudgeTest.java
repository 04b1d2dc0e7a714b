package dev.offloadbench.domain.service.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.offloadbench.domain.history.Change;
import dev.offloadbench.domain.history.NoiseBand;
import dev.offloadbench.domain.history.NoiseRule;
import dev.offloadbench.domain.history.Ratio;
import dev.offloadbench.domain.session.Statistics;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The gate on synthetic histories, and the figures against values computed by hand. */
class NoiseJudgeTest {
    /** Five samples around 100 s with a spread of about 0.8 s (s = √(2.5/4) = 0.7906). */
    private static final Statistics HISTORY = samples("100.0", "101.0", "99.0", "100.5", "99.5");

    private static Statistics samples(String... seconds) {
        return Statistics.of(Arrays.stream(seconds).map(BigDecimal::new).toList());
    }

    private static Statistics shifted(Statistics statistics, double factor) {
        return Statistics.of(statistics.samples().stream()
                .map(s -> s.multiply(BigDecimal.valueOf(factor)).setScale(3, java.math.RoundingMode.HALF_UP))
                .toList());
    }

    @Test
    void aTenPercentShiftOverFiveSamplesFailsTheGate() {
        NoiseJudge.Judgement slower = NoiseJudge.judge(HISTORY, shifted(HISTORY, 1.10), NoiseRule.DEFAULT);
        NoiseJudge.Judgement faster = NoiseJudge.judge(HISTORY, shifted(HISTORY, 0.90), NoiseRule.DEFAULT);
        NoiseJudge.Judgement oneSlowerSample = NoiseJudge.judge(HISTORY, samples("110.0"), NoiseRule.DEFAULT);

        assertThat(slower.change()).isEqualTo(Change.SLOWER);
        assertThat(faster.change()).isEqualTo(Change.FASTER);
        assertThat(oneSlowerSample.change()).isEqualTo(Change.SLOWER);
        assertThat(slower.band().method()).isEqualTo(NoiseBand.Method.PREDICTION_INTERVAL);
    }

    @Test
    void noiseOfTheSameSizeAsTheHistorysPassesTheGate() {
        // 200 synthetic "later sessions" drawn from the history's own distribution: at 99% hardly any is flagged
        Random random = new Random(12);
        int flagged = 0;
        for (int i = 0; i < 200; i++) {
            String[] later = new String[5];
            for (int j = 0; j < 5; j++) {
                later[j] = BigDecimal.valueOf(100 + random.nextGaussian() * 0.79).setScale(3,
                        java.math.RoundingMode.HALF_UP).toPlainString();
            }
            if (NoiseJudge.judge(HISTORY, samples(later), NoiseRule.DEFAULT).change() != Change.WITHIN_NOISE) {
                flagged++;
            }
        }
        assertThat(flagged).as("later sessions flagged as changed out of 200").isLessThanOrEqualTo(4);
        assertThat(NoiseJudge.judge(HISTORY, samples("100.8", "99.2", "101.1", "99.6", "100.3"), NoiseRule.DEFAULT)
                .change()).isEqualTo(Change.WITHIN_NOISE);
    }

    @Test
    void thePredictionIntervalIsTheHandComputedOne() {
        // mean 100, s = 0.790569, t(0.995, 4) = 4.604095, half width = t * s * sqrt(1/5 + 1/5) = 2.302048
        NoiseBand band = NoiseJudge.band(HISTORY, 5, NoiseRule.DEFAULT);

        assertThat(band.low()).isEqualByComparingTo("97.698");
        assertThat(band.high()).isEqualByComparingTo("102.302");
        assertThat(band.t().getAsDouble()).isCloseTo(4.604095, within(1e-5));
        assertThat(band.samples()).isEqualTo(5);
        assertThat(band.describe()).isEqualTo("99% prediction interval 97.7–102.3 s (5 samples)");
        // one new sample: sqrt(1/5 + 1) = 1.095445, half width 3.987293
        assertThat(NoiseJudge.band(HISTORY, 1, NoiseRule.DEFAULT).high()).isEqualByComparingTo("103.987");
    }

    @Test
    void theConfidenceIsConfigurable() {
        NoiseRule ninety = NoiseRule.DEFAULT.withConfidence(new BigDecimal("0.90"));
        // t(0.95, 4) = 2.131847: half width 2.131847 * 0.790569 * sqrt(0.4) = 1.065924
        NoiseBand band = NoiseJudge.band(HISTORY, 5, ninety);

        assertThat(band.high()).isEqualByComparingTo("101.066");
        Statistics slightlySlower = samples("101.2", "101.6", "101.4", "101.3", "101.5");
        assertThat(NoiseJudge.judge(HISTORY, slightlySlower, ninety).change()).isEqualTo(Change.SLOWER);
        assertThat(NoiseJudge.judge(HISTORY, slightlySlower, NoiseRule.DEFAULT).change())
                .isEqualTo(Change.WITHIN_NOISE);
    }

    @Test
    void fewSamplesAreJudgedByAPercentageThreshold() {
        Statistics one = samples("100.0");

        assertThat(NoiseJudge.judge(one, samples("104.9"), NoiseRule.DEFAULT).change()).isEqualTo(Change.WITHIN_NOISE);
        assertThat(NoiseJudge.judge(one, samples("105.1"), NoiseRule.DEFAULT).change()).isEqualTo(Change.SLOWER);
        assertThat(NoiseJudge.judge(one, samples("94.9"), NoiseRule.DEFAULT).change()).isEqualTo(Change.FASTER);
        NoiseBand band = NoiseJudge.band(samples("100.0", "101.0"), 1, NoiseRule.DEFAULT);
        assertThat(band.method()).as("two samples are fewer than the rule's three").isEqualTo(NoiseBand.Method.THRESHOLD);
        assertThat(band.low()).isEqualByComparingTo("95.475");
        assertThat(band.high()).isEqualByComparingTo("105.525");
        assertThat(band.describe()).isEqualTo("±5% band 95.5–105.5 s (2 samples)");
        assertThat(NoiseJudge.judge(one, samples("103.0"), NoiseRule.DEFAULT.withThresholdPercent(BigDecimal.valueOf(2)))
                .change()).isEqualTo(Change.SLOWER);
    }

    @Test
    void samplesWithoutSpreadFallBackToTheThreshold() {
        NoiseBand band = NoiseJudge.band(samples("50.000", "50.000", "50.000"), 3, NoiseRule.DEFAULT);

        assertThat(band.method()).isEqualTo(NoiseBand.Method.THRESHOLD);
        assertThat(band.high()).isEqualByComparingTo("52.500");
    }

    @Test
    void theRatioCarriesTheUncertaintyOfBothTimes() {
        // a = 100 ± 3, b = 110 ± 4: r = 1.1, σ_r = 1.1 * sqrt((3/100)^2 + (4/110)^2) = 0.0518555
        Ratio ratio = NoiseJudge.ratio(samples("97", "100", "103"), samples("106", "110", "114"));

        assertThat(ratio.value()).isEqualByComparingTo("1.1");
        assertThat(ratio.sigma().orElseThrow().doubleValue()).isCloseTo(0.0518555, within(1e-6));
        assertThat(ratio.percentChange()).isEqualByComparingTo("10");
    }

    @Test
    void aRatioOfSingleSamplesHasNoUncertainty() {
        Ratio ratio = NoiseJudge.ratio(samples("345.8"), samples("352.0"));

        assertThat(ratio.value().doubleValue()).isCloseTo(352.0 / 345.8, within(1e-12));
        assertThat(ratio.sigma()).isEmpty();
    }
}
