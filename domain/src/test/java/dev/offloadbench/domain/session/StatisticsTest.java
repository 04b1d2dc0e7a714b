package dev.offloadbench.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTest {
    private static List<BigDecimal> seconds(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void meanAndSampleStandardDeviationOfKnownNumbers() {
        // sum 40, mean 5; squared deviations sum to 32; 32 / (8 - 1) = 4.571428...; sqrt = 2.13809
        Statistics statistics = Statistics.of(seconds("2", "4", "4", "4", "5", "5", "7", "9"));

        assertThat(statistics.mean()).isEqualTo(new BigDecimal("5.000"));
        assertThat(statistics.standardDeviation()).contains(new BigDecimal("2.138"));
    }

    @Test
    void theDeviationDividesByNMinusOneNotN() {
        // population deviation of 1, 3 would be 1; the sample deviation is sqrt(2)
        Statistics statistics = Statistics.of(seconds("1", "3"));

        assertThat(statistics.standardDeviation()).contains(new BigDecimal("1.414"));
    }

    @Test
    void identicalSamplesHaveNoSpread() {
        assertThat(Statistics.of(seconds("10.5", "10.5", "10.5")).standardDeviation())
                .contains(new BigDecimal("0.000"));
    }

    @Test
    void aSingleSampleHasNoDeviation() {
        Statistics statistics = Statistics.of(seconds("42.123"));

        assertThat(statistics.standardDeviation()).isEmpty();
        assertThat(statistics.mean()).isEqualTo(new BigDecimal("42.123"));
        assertThat(statistics.median()).isEqualTo(new BigDecimal("42.123"));
        assertThat(statistics.min()).isEqualTo(new BigDecimal("42.123"));
        assertThat(statistics.max()).isEqualTo(new BigDecimal("42.123"));
    }

    @Test
    void theMeanIsRoundedToTheMillisecond() {
        assertThat(Statistics.of(seconds("1.000", "1.001", "1.001")).mean()).isEqualTo(new BigDecimal("1.001"));
        assertThat(Statistics.of(seconds("1", "2")).mean()).isEqualTo(new BigDecimal("1.500"));
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleSample() {
        assertThat(Statistics.of(seconds("30", "10", "20")).median()).isEqualTo(new BigDecimal("20.000"));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Statistics.of(seconds("4", "1", "5", "100")).median()).isEqualTo(new BigDecimal("4.500"));
    }

    @Test
    void minAndMaxWhateverTheOrder() {
        Statistics statistics = Statistics.of(seconds("12.5", "9.75", "30.001", "11"));

        assertThat(statistics.min()).isEqualByComparingTo("9.75");
        assertThat(statistics.max()).isEqualByComparingTo("30.001");
    }

    @Test
    void theSamplesAreKeptInTheOrderTheyRan() {
        assertThat(Statistics.of(seconds("3", "1", "2")).samples()).isEqualTo(seconds("3", "1", "2"));
    }

    @Test
    void noSamplesIsAnError() {
        assertThatThrownBy(() -> Statistics.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
