package dev.offloadbench.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.offloadbench.domain.history.History;
import dev.offloadbench.domain.history.Measurement;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.session.Statistics;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The history chart as an XML parser reads it: every point where its time says, whiskers, INVALID marked. */
class HistoryChartTest {
    private static Measurement measured(String... seconds) {
        return new Measurement(Statistics.of(Arrays.stream(seconds).map(BigDecimal::new).toList()), Validity.VALID);
    }

    private static Measurement invalid(String seconds, String reason) {
        return new Measurement(Statistics.of(List.of(new BigDecimal(seconds))), Validity.invalid(reason));
    }

    static History.Project mng() {
        return new History.Project("mng", List.of(
                new History.Point("20260101-120000", Instant.parse("2026-01-01T12:00:00Z"), Map.of(
                        RunKind.BASELINE, measured("340", "350"), RunKind.HIGH, measured("266.9"),
                        RunKind.OFFLOAD, measured("185.9"))),
                new History.Point("20260108-120000", Instant.parse("2026-01-08T12:00:00Z"), Map.of(
                        RunKind.BASELINE, measured("352.0"), RunKind.HIGH, invalid("290.0", "2 failed"),
                        RunKind.OFFLOAD, measured("120.0", "130.0", "125.0"))),
                new History.Point("20260115-120000", Instant.parse("2026-01-15T12:00:00Z"), Map.of(
                        RunKind.BASELINE, measured("349.5"), RunKind.HIGH, measured("270.1")))));
    }

    @Test
    void isWellFormedSvgWithEveryPointWhereItsTimeSays() throws Exception {
        SvgChart chart = SvgChart.parse(HistoryChart.write(mng()));

        assertThat(chart.width()).isEqualTo(720);
        assertThat(chart.height()).isEqualTo(360);
        // every time fits: the highest mean + σ is 345 + 7.07; the scale is a round number above it
        assertThat(chart.yMax()).isEqualTo(400);
        assertThat(chart.points()).hasSize(8);
        for (SvgChart.Point point : chart.points()) {
            assertThat(point.y()).as(point.title()).isCloseTo(chart.expectedY(point.mean()), within(0.01));
            assertThat(point.x()).as(point.title()).isBetween(chart.plotX(), chart.plotX() + chart.plotWidth());
        }
        assertThat(chart.points("baseline")).extracting(SvgChart.Point::mean).containsExactly(345.0, 352.0, 349.5);
        assertThat(chart.points("offload")).extracting(SvgChart.Point::session)
                .containsExactly("20260101-120000", "20260108-120000");
        // oldest on the left
        List<SvgChart.Point> baseline = chart.points("baseline");
        assertThat(baseline.get(0).x()).isLessThan(baseline.get(1).x());
        assertThat(baseline.get(1).x()).isLessThan(baseline.get(2).x());
        // a session's kinds side by side, not on top of each other
        assertThat(chart.points("high").get(0).x() - baseline.get(0).x()).isCloseTo(7, within(0.01));
    }

    @Test
    void marksInvalidRunsAndLeavesThemOutOfTheirLine() throws Exception {
        String svg = HistoryChart.write(mng());
        SvgChart chart = SvgChart.parse(svg);

        SvgChart.Point invalid = chart.points("high").get(1);
        assertThat(invalid.valid()).isFalse();
        assertThat(invalid.colour()).isEqualTo(HistoryChart.INVALID_COLOUR);
        assertThat(invalid.title()).isEqualTo("20260108-120000 high: 290.0 s, INVALID (2 failed)");
        assertThat(invalid.y()).isCloseTo(chart.expectedY(290.0), within(0.01));
        // the high line joins the two valid points only
        String highLine = svg.substring(svg.indexOf("data-kind=\"high\""));
        highLine = highLine.substring(highLine.indexOf("points=\"") + 8, highLine.indexOf("\"/>"));
        assertThat(highLine.split(" ")).hasSize(2);
        assertThat(svg).contains(">INVALID</text>");
    }

    @Test
    void drawsSigmaAsWhiskersAroundTheMean() throws Exception {
        SvgChart chart = SvgChart.parse(HistoryChart.write(mng()));
        String svg = HistoryChart.write(mng());

        SvgChart.Point offload = chart.points("offload").get(1);
        assertThat(offload.sigma()).isEqualTo("5.000");
        int group = svg.indexOf("data-session=\"20260108-120000\" data-kind=\"offload\"");
        String whisker = svg.substring(svg.indexOf("class=\"whisker\"", group), svg.indexOf("</g>", group));
        assertThat(whisker).contains("y1=\"" + HistoryChart.number(chart.expectedY(120.0)) + "\"")
                .contains("y2=\"" + HistoryChart.number(chart.expectedY(130.0)) + "\"");
        assertThat(svg).contains("whiskers: ± σ");
        assertThat(chart.points("high").get(0).sigma()).as("one sample, no whisker").isEmpty();
    }

    @Test
    void oneSessionIsOnePointPerKindInTheMiddle() throws Exception {
        History.Project single = new History.Project("demo", List.of(new History.Point("20260101-120000",
                Instant.parse("2026-01-01T12:00:00Z"), Map.of(RunKind.BASELINE, measured("2.5")))));

        SvgChart chart = SvgChart.parse(HistoryChart.write(single));

        assertThat(chart.points()).singleElement().satisfies(point -> {
            assertThat(point.x()).isCloseTo(chart.plotX() + chart.plotWidth() / 2, within(0.01));
            assertThat(point.y()).isCloseTo(chart.expectedY(2.5), within(0.01));
        });
        assertThat(chart.yMax()).isEqualTo(3);
    }

    @Test
    void escapesWhatItQuotes() throws Exception {
        History.Project odd = new History.Project("a-b_c", List.of(new History.Point("20260101-120000",
                Instant.parse("2026-01-01T12:00:00Z"), Map.of(RunKind.BASELINE, invalid("1.0",
                        "3 failed <collection error> & \"more\"")))));

        SvgChart chart = SvgChart.parse(HistoryChart.write(odd));

        assertThat(chart.points().get(0).title()).endsWith("INVALID (3 failed <collection error> & \"more\")");
    }

    @Test
    void roundScales() {
        assertThat(HistoryChart.step(352)).isEqualTo(100);
        assertThat(HistoryChart.step(0.95)).isCloseTo(0.2, within(1e-12));
        assertThat(HistoryChart.step(726)).isEqualTo(200);
        assertThat(HistoryChart.step(12)).isEqualTo(5);
    }
}
