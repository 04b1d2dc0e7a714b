package dev.offloadbench.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricsTest {

    private static RunFigures figures(String run, String baseline) {
        return Metrics.figures(new BigDecimal(run), new BigDecimal(baseline));
    }

    @ParameterizedTest(name = "{0} against {1}: {2}% {3}x width {4}")
    @CsvSource({
            // the published Offload README numbers
            "447.4, 726.0, 61.6, 1.62, 92",
            "120.1, 726.0, 16.5, 6.04, 25",
            "266.9, 345.8, 77.2, 1.30, 116",
            "185.9, 345.8, 53.8, 1.86, 81",
            "726.0, 726.0, 100.0, 1.00, 150",
    })
    void reproducesThePublishedFigures(String run, String baseline, String percent, String speedup, int width) {
        RunFigures figures = figures(run, baseline);
        assertThat(figures.percentText()).isEqualTo(percent);
        assertThat(figures.speedupText()).isEqualTo(speedup);
        assertThat(figures.barWidth()).isEqualTo(width);
    }

    @ParameterizedTest(name = "{0} s shows as {1}")
    @CsvSource({"12.25, 12.3", "12.35, 12.4", "0.05, 0.1", "12.349999, 12.3", "726, 726.0", "99.95, 100.0"})
    void showsTimesWithOneDecimalRoundedHalfUp(String seconds, String shown) {
        assertThat(Metrics.shownTime(new BigDecimal(seconds)).toPlainString()).isEqualTo(shown);
    }

    @Test
    void roundsPercentHalfUpAtTheExactBoundary() {
        // 1.5 / 40.0 * 100 = 3.75 exactly: half up gives 3.8 (binary floating point gives 3.7 or 3.8 by luck)
        assertThat(figures("1.5", "40.0").percentText()).isEqualTo("3.8");
        // 0.1 / 80.0 * 100 = 0.125 -> 0.1 ; 0.3 / 80.0 * 100 = 0.375 -> 0.4
        assertThat(figures("0.3", "80.0").percentText()).isEqualTo("0.4");
    }

    @Test
    void roundsSpeedupHalfUpAtTheExactBoundary() {
        // 1.0 / 8.0 = 0.125 -> 0.13 ; 2.1 / 8.0 = 0.2625 -> 0.26
        assertThat(figures("8.0", "1.0").speedupText()).isEqualTo("0.13");
        // 10.0 / 8.0 = 1.25 ; 4.5 / 4.0 = 1.125 -> 1.13
        assertThat(figures("4.0", "4.5").speedupText()).isEqualTo("1.13");
    }

    @Test
    void roundsBarWidthHalfUpAtTheExactBoundary() {
        // 1.0 / 4.0 * 150 = 37.5 -> 38 ; 3.0 / 4.0 * 150 = 112.5 -> 113
        assertThat(figures("1.0", "4.0").barWidth()).isEqualTo(38);
        assertThat(figures("3.0", "4.0").barWidth()).isEqualTo(113);
    }

    @Test
    void derivesEveryFigureFromTheShownTimes() {
        // 447.44 shows as 447.4 and 726.04 as 726.0: the ratios are those of the shown numbers
        RunFigures figures = figures("447.44", "726.04");
        assertThat(figures.timeText()).isEqualTo("447.4");
        assertThat(figures.percentText()).isEqualTo("61.6");
        assertThat(figures.speedupText()).isEqualTo("1.62");
        // 10.04 vs 10.05: shown 10.0 vs 10.1; ratio 99.0 computed from the shown times, not 99.9
        assertThat(figures("10.04", "10.05").percentText()).isEqualTo("99.0");
    }

    @Test
    void formatsTheSameUnderAnyLocale() {
        Locale saved = Locale.getDefault();
        try {
            for (Locale locale : new Locale[] {Locale.GERMANY, Locale.FRANCE, new Locale("ar", "EG"), Locale.ROOT}) {
                Locale.setDefault(locale);
                RunFigures figures = figures("447.4", "726.0");
                assertThat(figures.timeText()).isEqualTo("447.4");
                assertThat(figures.percentText()).isEqualTo("61.6");
                assertThat(figures.speedupText()).isEqualTo("1.62");
            }
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void refusesRatiosAgainstAZeroBaseline() {
        assertThatThrownBy(() -> figures("1.0", "0.04"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseline time shows as 0.0 s");
        assertThatThrownBy(() -> figures("0.0", "10.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speedup");
    }
}
