package dev.offloadbench.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StudentTTest {

    /** Critical values of the t table (one-sided probability, degrees of freedom), to the table's 3 decimals. */
    @ParameterizedTest(name = "t({1}) quantile {0} = {2}")
    @CsvSource({
        "0.975, 1, 12.706",
        "0.995, 1, 63.657",
        "0.95, 2, 2.920",
        "0.995, 2, 9.925",
        "0.975, 4, 2.776",
        "0.995, 4, 4.604",
        "0.9, 5, 1.476",
        "0.975, 10, 2.228",
        "0.995, 10, 3.169",
        "0.999, 10, 4.144",
        "0.975, 30, 2.042",
        "0.995, 30, 2.750",
        "0.95, 120, 1.658",
        "0.9995, 3, 12.924",
    })
    void quantilesMatchTheTable(double probability, int degreesOfFreedom, double expected) {
        assertThat(new StudentT(degreesOfFreedom).quantile(probability)).isCloseTo(expected, within(0.0005));
    }

    @Test
    void manyDegreesOfFreedomApproachTheNormalDistribution() {
        assertThat(new StudentT(1_000_000).quantile(0.975)).isCloseTo(1.95996, within(0.00005));
        assertThat(new StudentT(1_000_000).quantile(0.995)).isCloseTo(2.57583, within(0.00005));
    }

    @Test
    void oneDegreeOfFreedomIsTheCauchyDistribution() {
        // Cauchy: F(t) = 1/2 + atan(t)/pi
        for (double t : new double[] {-7.5, -1, -0.2, 0, 0.3, 1, 2.5, 40}) {
            assertThat(new StudentT(1).cumulative(t)).isCloseTo(0.5 + Math.atan(t) / Math.PI, within(1e-12));
        }
    }

    @Test
    void quantileAndCumulativeAreInverseAndSymmetric() {
        StudentT t = new StudentT(7);
        for (double p : new double[] {0.001, 0.05, 0.3, 0.5, 0.8, 0.99, 0.9999}) {
            assertThat(t.cumulative(t.quantile(p))).isCloseTo(p, within(1e-10));
            assertThat(t.quantile(1 - p)).isCloseTo(-t.quantile(p), within(1e-9));
        }
    }

    @Test
    void logGammaMatchesFactorials() {
        assertThat(StudentT.logGamma(1)).isCloseTo(0, within(1e-13));
        assertThat(StudentT.logGamma(5)).isCloseTo(Math.log(24), within(1e-12));
        assertThat(StudentT.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-12));
        assertThat(StudentT.logGamma(20)).isCloseTo(Math.log(121645100408832000.0), within(1e-10));
    }

    @Test
    void refusesWhatIsNoDistributionOrNoProbability() {
        assertThatThrownBy(() -> new StudentT(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StudentT(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StudentT(3).quantile(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StudentT(3).quantile(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
