package dev.offloadbench.spi.examples.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.ProjectResults;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.RunOutcome;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.spi.FinishedRun;
import dev.offloadbench.domain.spi.FinishedSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvResultsExporterTest {
    @TempDir
    Path dir;

    private static FinishedSession session() {
        return new FinishedSession("20260101-120000", true, new BenchmarkResults("box", List.of(
                new ProjectResults("sculptor", 345, 200, List.of(
                        RunOutcome.local(RunKind.BASELINE, 3, new BigDecimal("726.0"), Validity.VALID),
                        RunOutcome.local(RunKind.HIGH, 8, new BigDecimal("447.4"), Validity.VALID),
                        RunOutcome.offload(new BigDecimal("120.1"), Validity.invalid("2 failed, \"flaky\"")))))),
                List.of());
    }

    @Test
    void writesOneRowPerRunWithTheReadmesFigures() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvResultsExporter().write(session(), out);

        assertThat(out.toString(StandardCharsets.UTF_8).split("\r\n")).containsExactly(
                "session,project,kind,workers,seconds,time_percent,speedup,valid,reason,test_count,max_parallel",
                "20260101-120000,sculptor,baseline,3,726.0,100.0,1.00,true,,345,200",
                "20260101-120000,sculptor,high,8,447.4,61.6,1.62,true,,345,200",
                "20260101-120000,sculptor,offload,,120.1,16.5,6.04,false,\"2 failed, \"\"flaky\"\"\",345,200");
    }

    @Test
    void theRunLogAppendsEveryRunUnderOneHeader() throws IOException {
        Path file = dir.resolve("logs/runs.csv");
        CsvRunLog log = new CsvRunLog(file);
        Instant at = Instant.parse("2026-01-01T12:00:00Z");

        log.runFinished(new FinishedRun("s1", "demo", RunKind.BASELINE, OptionalInt.of(2), new BigDecimal("3.512"),
                true, "", false, 1, at));
        log.runFinished(new FinishedRun("s1", "demo", RunKind.OFFLOAD, OptionalInt.empty(), new BigDecimal("9.000"),
                false, "exit code 1", true, 1, at));

        assertThat(Files.readString(file).split("\r\n")).containsExactly(
                "finished,session,project,kind,warmup,number,workers,seconds,valid,reason",
                "2026-01-01T12:00:00Z,s1,demo,baseline,false,1,2,3.512,true,",
                "2026-01-01T12:00:00Z,s1,demo,offload,true,1,,9.000,false,exit code 1");
    }

    @Test
    void theRunLogIsNamedByTheEnvironmentOrLivesInTheStateFolder() {
        assertThat(CsvRunLog.fileFrom(Map.of(CsvRunLog.FILE_VARIABLE, "/x/runs.csv"))).isEqualTo(Path.of("/x/runs.csv"));
        assertThat(CsvRunLog.fileFrom(Map.of("XDG_STATE_HOME", "/state", "HOME", "/home/u")))
                .isEqualTo(Path.of("/state/offload-bench/runs.csv"));
        assertThat(CsvRunLog.fileFrom(Map.of("HOME", "/home/u")))
                .isEqualTo(Path.of("/home/u/.local/state/offload-bench/runs.csv"));
        assertThat(CsvRunLog.fileFrom(Map.of("HOME", ""))).as("an empty HOME is unset, as for bench's own folders")
                .isEqualTo(Path.of(System.getProperty("user.home"), ".local/state/offload-bench/runs.csv"));
    }
}
