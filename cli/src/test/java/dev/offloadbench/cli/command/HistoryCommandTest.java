package dev.offloadbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.offloadbench.cli.BenchRunner;
import dev.offloadbench.cli.BenchRunner.Result;
import dev.offloadbench.cli.Fixtures;
import dev.offloadbench.cli.RecordedSessions;
import dev.offloadbench.cli.RecordedSessions.Run;
import dev.offloadbench.cli.output.SvgChart;
import dev.offloadbench.domain.model.RunKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench history}: recorded sessions, INVALID runs among them, as tables, JSON and SVG charts. */
class HistoryCommandTest {
    @TempDir
    Path dir;
    Map<String, String> environment;

    @BeforeEach
    void threeSessions() {
        environment = Fixtures.sessionEnvironment(dir);
        RecordedSessions recorded = new RecordedSessions(dir.resolve("state/offload-bench"));
        Map<String, List<Run>> first = new LinkedHashMap<>();
        first.put("mng", List.of(Run.of(RunKind.BASELINE, "345.0", "347.0"), Run.of(RunKind.HIGH, "266.9", "267.1"),
                Run.of(RunKind.OFFLOAD, "185.9", "186.1")));
        first.put("sculptor", List.of(Run.of(RunKind.BASELINE, "726.0", "728.0")));
        recorded.save("20260101-120000", first);
        recorded.save("20260108-120000", Map.of("mng", List.of(Run.of(RunKind.BASELINE, "352.0"),
                Run.of(RunKind.HIGH, "290.0").invalid("2 failed"), Run.of(RunKind.OFFLOAD, "120.0"))));
        Map<String, List<Run>> third = new LinkedHashMap<>();
        third.put("sculptor", List.of(Run.of(RunKind.BASELINE, "700.0")));
        third.put("mng", List.of(Run.of(RunKind.BASELINE, "349.5"), Run.of(RunKind.HIGH, "270.1")));
        recorded.save("20260115-120000", third);
    }

    private Result bench(String... args) {
        return new BenchRunner(environment, dir).run(args);
    }

    @Test
    void showsEveryFinishedSessionsFiguresWithInvalidRunsMarked() {
        Result result = bench("history");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("""
                mng (3 finished sessions)
                Session          Date (UTC)        baseline (s)       high (s)           offload (s)
                20260101-120000  2026-01-01 12:00  346.0 ± 1.4 (n=2)  267.0 ± 0.1 (n=2)  186.0 ± 0.1 (n=2)
                20260108-120000  2026-01-08 12:00  352.0              290.0 INVALID      120.0
                20260115-120000  2026-01-15 12:00  349.5              270.1              -
                INVALID runs (their times are not to be trusted):
                  20260108-120000 high: 2 failed

                sculptor (2 finished sessions)
                Session          Date (UTC)        baseline (s)
                20260101-120000  2026-01-01 12:00  727.0 ± 1.4 (n=2)
                20260115-120000  2026-01-15 12:00  700.0
                """);
    }

    @Test
    void oneProjectAsJson() throws IOException {
        Result result = bench("history", "mng", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<String, Object> json;
        try (JsonParser parser = new JsonFactory().createParser(result.out())) {
            json = Fixtures.readObject(parser);
        }
        assertThat(Fixtures.at(json, "projects[0].profile")).isEqualTo("mng");
        assertThat(Fixtures.at(json, "projects[0].sessions[1].id")).isEqualTo("20260108-120000");
        assertThat(Fixtures.at(json, "projects[0].sessions[1].runs.high.valid")).isEqualTo(false);
        assertThat(Fixtures.at(json, "projects[0].sessions[1].runs.high.reason")).isEqualTo("2 failed");
        assertThat(Fixtures.at(json, "projects[0].sessions[0].runs.baseline.samples")).isEqualTo(2);
        assertThat(String.valueOf(Fixtures.at(json, "projects[0].sessions[0].runs.baseline.stddev")))
                .isEqualTo("1.414");
    }

    @Test
    void chartsOneProjectIntoTheFileNamed() throws Exception {
        Path chart = dir.resolve("charts/mng.svg");
        Files.createDirectories(chart.getParent());

        Result result = bench("history", "mng", "--chart", chart.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).endsWith("Wrote the chart " + chart + "\n");
        SvgChart svg = SvgChart.parse(Files.readString(chart));
        assertThat(svg.points()).hasSize(8);
        assertThat(svg.points("high")).extracting(SvgChart.Point::valid).containsExactly(true, false, true);
        for (SvgChart.Point point : svg.points()) {
            assertThat(point.y()).as(point.title()).isCloseTo(svg.expectedY(point.mean()), within(0.01));
        }
    }

    @Test
    void chartsEveryProjectIntoAFileOfItsOwn() throws Exception {
        Path chart = dir.resolve("history.svg");

        Result result = bench("history", "--chart", chart.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(chart).doesNotExist();
        assertThat(SvgChart.parse(Files.readString(dir.resolve("history-mng.svg"))).points()).hasSize(8);
        assertThat(SvgChart.parse(Files.readString(dir.resolve("history-sculptor.svg"))).points())
                .extracting(SvgChart.Point::mean).containsExactly(727.0, 700.0);
        assertThat(result.out()).contains("Wrote the chart " + dir.resolve("history-mng.svg"),
                "Wrote the chart " + dir.resolve("history-sculptor.svg"));
    }

    @Test
    void anUnknownProjectOrAnUnwritableChartIsSaid() throws IOException {
        Result unknown = bench("history", "widget");
        Path notAFolder = Files.writeString(dir.resolve("file"), "");
        Result unwritable = bench("history", "mng", "--chart", notAFolder.resolve("mng.svg").toString());

        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).isEqualTo("error: no finished session ran project `widget`; the finished sessions"
                + " ran mng, sculptor (bench sessions lists every session)\n");
        assertThat(unwritable.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unwritable.err()).startsWith("error: cannot write the chart " + notAFolder.resolve("mng.svg"));
    }

    @Test
    void withoutAFinishedSessionThereIsNothingToShow() {
        environment.put("XDG_STATE_HOME", dir.resolve("empty").toString());

        Result table = bench("history");
        Result chart = bench("history", "--chart", dir.resolve("h.svg").toString());

        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).isEqualTo("No session has finished yet; bench run records one.\n");
        assertThat(chart.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(chart.err()).startsWith("error: no session has finished yet, so there is nothing to chart");
    }
}
