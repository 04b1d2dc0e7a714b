package dev.offloadbench.spi.examples.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The csv-results jar dropped into a plugin folder: on the next run its listener logs every
 * finished run, the configuration's {@code exporters = ["csv"]} writes the session's results as
 * CSV, and {@code bench results --format csv} writes them again on demand.
 */
class CsvResultsPluginTest {
    @TempDir
    Path dir;

    @Test
    void aRunLogsEveryFinishedRunAndExportsItsResultsAsCsv() throws Exception {
        BenchJar.requireJustAndPytestXdist();
        Path demo = BenchJar.copy(BenchJar.repository("examples/demo"), dir.resolve("demo"));
        Files.writeString(demo.resolve("offload-bench.toml"), "exporters = [\"csv\"]\n"
                + Files.readString(demo.resolve("offload-bench.toml")));
        Path runLog = dir.resolve("logs/runs.csv");
        BenchJar bench = new BenchJar(dir).env("OFFLOAD_BENCH_RUNS_CSV", runLog.toString());
        bench.install(BenchJar.built("plugin.demo"));
        bench.install(BenchJar.built("plugin.csv"));

        BenchJar.Result run = bench.run(demo, "run", "demo", "--kinds", "baseline,high");

        assertThat(run.exitCode()).as(run.output()).isZero();
        List<String> logged = Files.readAllLines(runLog);
        assertThat(logged).hasSize(3);
        assertThat(logged.get(0)).isEqualTo("finished,session,project,kind,warmup,number,workers,seconds,valid,reason");
        assertThat(logged.get(1)).matches("\\S+Z,\\d{8}-\\d{6},demo,baseline,false,1,2,\\d+\\.\\d{3},true,");
        assertThat(logged.get(2)).matches("\\S+Z,\\d{8}-\\d{6},demo,high,false,1,4,\\d+\\.\\d{3},true,");

        Path session;
        try (Stream<Path> sessions = Files.list(bench.sessions())) {
            session = sessions.findFirst().orElseThrow();
        }
        Path exported = session.resolve("results.csv");
        assertThat(run.output()).contains("Exported csv: " + exported);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(exported)))
                .as("private, as every file of a session").isEqualTo("rw-------");
        List<String> rows = Files.readAllLines(exported);
        assertThat(rows.get(0)).startsWith("session,project,kind,workers,seconds,time_percent,speedup,valid");
        assertThat(rows.get(1)).startsWith(session.getFileName() + ",demo,baseline,2,").contains(",100.0,1.00,true,");
        assertThat(rows.get(2)).startsWith(session.getFileName() + ",demo,high,4,");
        assertThat(rows.get(2).split(",")[7]).isEqualTo("true");
        assertThat(rows).hasSize(3);

        Path onDemand = dir.resolve("out/results.csv");
        BenchJar.Result results = bench.run(demo, "results", "latest", "--format", "csv", "--output",
                onDemand.toString());
        assertThat(results.exitCode()).as(results.output()).isZero();
        assertThat(Files.readString(onDemand)).isEqualTo(Files.readString(exported));
    }

    @Test
    void anExporterTheConfigurationNamesButNoJarProvidesStopsTheRunBeforeAnythingRuns() throws Exception {
        Path demo = BenchJar.copy(BenchJar.repository("examples/demo"), dir.resolve("demo"));
        Files.writeString(demo.resolve("offload-bench.toml"), "exporters = [\"csv\"]\n"
                + Files.readString(demo.resolve("offload-bench.toml")));
        BenchJar bench = new BenchJar(dir);
        bench.install(BenchJar.built("plugin.demo"));

        BenchJar.Result run = bench.run(demo, "run", "demo");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("error: no installed exporter writes csv").contains("installed formats: json");
        assertThat(bench.sessions()).doesNotExist();
    }
}
