package dev.offloadbench.spi.examples.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cargo-nextest jar dropped into a plugin folder: a project shaped like Offload's own, whose
 * suite runs with {@code cargo nextest run}, planned, run and reported with the jar's profile,
 * its output read by the jar's parser (cargo-nextest itself is a stand-in replaying a recorded
 * run: it cannot be installed here).
 */
class CargoNextestPluginTest {
    @TempDir
    Path dir;

    @Test
    void plansRunsAndReportsANextestSuiteWithTheJarsProfileAndParser() throws Exception {
        BenchJar.requireJustAndPytestXdist();
        Path fixture = BenchJar.fixture("offload-cargo");
        Path project = BenchJar.copy(fixture.resolve("project"), dir.resolve("offload"));
        Path fakeBin = BenchJar.copy(fixture.resolve("fake-bin"), dir.resolve("fake-bin"));
        Files.writeString(dir.resolve("offload-bench.toml"), """
                machine = "Test machine"
                readme = "README.md"
                [projects.offload-cargo]
                path = "offload"
                """);
        Path threads = dir.resolve("threads.log");
        BenchJar bench = new BenchJar(dir).env("FAKE_CARGO_THREADS_LOG", threads.toString());
        bench.env("PATH", fakeBin + ":" + bench.env("PATH"));
        bench.install(BenchJar.built("plugin.nextest"));

        BenchJar.Result plan = bench.run(dir, "plan", "offload-cargo");
        assertThat(plan.exitCode()).as(plan.output()).isZero();
        assertThat(plan.output()).contains("NEXTEST_TEST_THREADS unset (one per logical CPU)")
                .contains("cargo-nextest starts one worker per logical CPU when NEXTEST_TEST_THREADS is not set")
                .contains("output read by cargo-nextest");

        BenchJar.Result run = bench.run(dir, "run", "offload-cargo", "--kinds", "baseline,high");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(project).isDirectory();

        BenchJar.Result results = bench.run(dir, "results", "latest", "--format", "json");
        assertThat(results.exitCode()).as(results.output()).isZero();
        String json = results.output();
        assertThat(json).contains("\"profile\": \"offload-cargo\"").contains("\"testCount\": 14")
                .doesNotContain("\"valid\": false");
        int baseline = workers(json, "baseline");
        int high = workers(json, "high");
        assertThat(high).isEqualTo(Math.min(2 * baseline, 64));
        assertThat(Files.readAllLines(threads)).as("what each run asked nextest for")
                .isEqualTo(List.of("unset", Integer.toString(high)));

        BenchJar.Result render = bench.run(dir, "render", "--session", "latest");
        assertThat(render.exitCode()).as(render.output()).isZero();
        assertThat(render.output()).contains("### Offload Rust Tests (cargo-nextest)")
                .contains("14 Rust tests, run by cargo-nextest")
                .contains("n=" + baseline + " on this machine")
                // the local rows name the profile's runner, not pytest's
                .contains("| cargo-nextest, n=" + baseline + " (baseline) | <img src=\"docs/bar-local.svg\"")
                .contains("| cargo-nextest, n=" + high + " | <img src=\"docs/bar-local.svg\"")
                .contains("with local runs alone: Offload was not run")
                .doesNotContain("pytest").doesNotContain("xdist");
    }

    @Test
    void aFailingNextestRunIsInvalid() throws Exception {
        BenchJar.requireJustAndPytestXdist();
        Path fixture = BenchJar.fixture("offload-cargo");
        BenchJar.copy(fixture.resolve("project"), dir.resolve("offload"));
        Path fakeBin = BenchJar.copy(fixture.resolve("fake-bin"), dir.resolve("fake-bin"));
        // what nextest prints when a test fails: its summary counts it, and it exits 100
        Files.writeString(fakeBin.resolve("nextest-run-output.txt"), """
                    Starting 2 tests across 1 binary
                        PASS [   0.004s] offload tests::passes
                        FAIL [   0.005s] offload tests::fails
                ────────────
                     Summary [   0.010s] 2 tests run: 1 passed, 1 failed, 0 skipped
                        FAIL [   0.005s] offload tests::fails
                error: test run failed
                """);
        Files.writeString(fakeBin.resolve("cargo"), Files.readString(fakeBin.resolve("cargo")) + "exit 100\n");
        Files.writeString(dir.resolve("offload-bench.toml"), """
                machine = "Test machine"
                [projects.offload-cargo]
                path = "offload"
                """);
        BenchJar bench = new BenchJar(dir);
        bench.env("PATH", fakeBin + ":" + bench.env("PATH"));
        bench.install(BenchJar.built("plugin.nextest"));

        BenchJar.Result run = bench.run(dir, "run", "offload-cargo", "--kinds", "baseline");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("offload-cargo baseline: exit code 100; 1 failed");
    }

    private static int workers(String json, String kind) {
        Matcher matcher = Pattern.compile("\"kind\": \"" + kind + "\",\\s*\"workers\": (\\d+)").matcher(json);
        assertThat(matcher.find()).as(kind + " workers in " + json).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
