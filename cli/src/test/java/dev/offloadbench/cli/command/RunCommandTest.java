package dev.offloadbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.offloadbench.cli.BenchProcess;
import dev.offloadbench.cli.BenchRunner;
import dev.offloadbench.cli.BenchRunner.Result;
import dev.offloadbench.cli.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench run} end to end: the real just, real pytest-xdist, and a fake {@code offload}
 * (fixtures/fake-offload-bin) that runs the tests locally and answers like Offload.
 */
class RunCommandTest {
    private static final String README = "# Project\n\n## Benchmarks\n\n## License\n\nMIT\n";
    private static final Duration LONG = Duration.ofMinutes(3);

    @TempDir
    Path dir;
    Map<String, String> environment;
    String marker;

    @BeforeAll
    static void needsTools() {
        Fixtures.requireTool("just");
        Fixtures.requirePytestXdist();
    }

    @BeforeEach
    void setUp() throws IOException {
        Fixtures.copy("e2e-mng", dir);
        Fixtures.copy("e2e-sculptor", dir);
        Path fakeBin = Fixtures.copy("fake-offload-bin", dir);
        Files.writeString(dir.resolve("README.md"), README);
        Files.writeString(dir.resolve("offload-bench.toml"), """
                machine = "Test machine"
                readme = "README.md"
                [projects.mng]
                path = "e2e-mng"
                [projects.sculptor]
                path = "e2e-sculptor"
                high_workers = 2
                """);
        marker = UUID.randomUUID().toString();
        environment = Fixtures.sessionEnvironment(dir);
        environment.put("PATH", fakeBin + ":" + environment.get("PATH"));
        environment.put("PYTEST_XDIST_AUTO_NUM_WORKERS", "2");
        environment.put("E2E_MARKER", marker);
    }

    /**
     * {@code bench ARGS} in a JVM of its own, returned once sculptor's tests are running (they
     * sleep two minutes, so the run is surely in progress); their pids go to {@code pids}.
     */
    private BenchProcess startAndAwaitSculptorsTests(Path pids, String... args) throws IOException {
        environment.put("E2E_SLEEP", "120");
        environment.put("E2E_PIDFILE", pids.toString());
        BenchProcess bench = BenchProcess.start(environment, dir, List.of(), args);
        BenchProcess.await("sculptor's tests to start", LONG, () -> Files.exists(pids));
        return bench;
    }

    private Result bench(String... args) {
        return new BenchRunner(environment, dir).run(args);
    }

    private Map<String, Object> session() throws IOException {
        Path sessions = dir.resolve("state/offload-bench/sessions");
        try (Stream<Path> folders = Files.list(sessions)) {
            Path latest = folders.sorted().reduce((a, b) -> b).orElseThrow();
            try (JsonParser parser = new JsonFactory().createParser(latest.resolve("session.json").toFile())) {
                return Fixtures.readObject(parser);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attempts(Map<String, Object> document) {
        List<Map<String, Object>> attempts = new ArrayList<>();
        for (Object project : (List<Object>) Fixtures.at(document, "session.projects")) {
            for (Object run : (List<Object>) ((Map<String, Object>) project).get("runs")) {
                attempts.addAll((List<Map<String, Object>>) ((Map<String, Object>) run).get("attempts"));
            }
        }
        return attempts;
    }

    @Test
    void runsTheSixRunsInOrderOneAfterAnotherAndPublishesThem() throws IOException {
        Result result = bench("run", "all", "--update-readme");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        Map<String, Object> session = session();
        List<Map<String, Object>> attempts = attempts(session);
        // 2 projects x (baseline, high, offload warm-up, offload)
        assertThat(attempts).hasSize(8);
        for (int i = 1; i < attempts.size(); i++) {
            Instant previousEnd = Instant.parse((String) attempts.get(i - 1).get("finished"));
            Instant start = Instant.parse((String) attempts.get(i).get("started"));
            assertThat(start).as("attempt %d starts after attempt %d ended", i, i - 1).isAfterOrEqualTo(previousEnd);
        }
        assertThat(Fixtures.at(session, "projects[0].profile")).isEqualTo("mng");
        assertThat(Fixtures.at(session, "projects[0].testCount")).isEqualTo(4);
        assertThat(Fixtures.at(session, "projects[0].runs[0].workers")).isEqualTo(1);
        assertThat(Fixtures.at(session, "projects[0].runs[1].workers")).isEqualTo(2);
        assertThat(Fixtures.at(session, "projects[1].runs[1].workers")).isEqualTo(2);
        assertThat(Fixtures.at(session, "projects[1].maxParallel")).isEqualTo(20);
        assertThat(result.out()).contains("mng", "sculptor", "valid").doesNotContain("INVALID");
        assertThat(Files.readString(dir.resolve("README.md")))
                .contains("### Mng Unit + Integration Tests", "### Sculptor Integration Tests (Playwright)",
                        "Offload (Modal, max 50)", "pytest with xdist, n=1 (baseline)")
                .endsWith("## License\n\nMIT\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOffloadWarmUpRunsButItsTimeIsDiscarded() throws IOException {
        Result result = bench("run", "mng", "--kinds", "offload");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        Map<String, Object> session = session();
        List<Map<String, Object>> attempts = attempts(session);
        assertThat(attempts).extracting(a -> a.get("warmup")).containsExactly(true, false);
        Object timed = attempts.get(1).get("seconds");
        assertThat(Fixtures.at(session, "projects[0].runs[0].kind")).isEqualTo("offload");
        assertThat(String.valueOf(Fixtures.at(session, "projects[0].runs[0].seconds"))).isEqualTo(String.valueOf(timed));
        assertThat((List<Object>) Fixtures.at(session, "projects[0].runs[0].samples")).hasSize(1);
    }

    @Test
    void aFailingTestMakesTheRunInvalidAndLeavesTheReadmeAlone() throws IOException {
        environment.put("E2E_FAIL", "1");

        Result result = bench("run", "mng", "--kinds", "baseline", "--update-readme");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("INVALID (exit code 1; 1 failed)").contains("--allow-invalid");
        assertThat(Files.readString(dir.resolve("README.md"))).isEqualTo(README);
        assertThat(Fixtures.at(session(), "projects[0].runs[0].valid")).isEqualTo(false);
    }

    @Test
    void failedTestsUnderOffloadMakeTheOffloadRunInvalid() throws IOException {
        environment.put("E2E_FAIL", "1");

        Result result = bench("run", "mng", "--kinds", "offload", "--update-readme");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("INVALID (exit code 1; 1 failed)");
        assertThat(Files.readString(dir.resolve("README.md"))).isEqualTo(README);
    }

    @Test
    void offloadPassingOnlyOnRetryIsValidAndSaysSo() throws IOException {
        environment.put("FAKE_OFFLOAD_FLAKY", "1");

        Result result = bench("run", "mng", "--kinds", "offload");

        // offload exits 2; the recipe's `|| [ $? -eq 2 ]` turns that into success, as the real projects do
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("valid").contains("1 flaky (passed only on retry)").doesNotContain("INVALID");
    }

    @Test
    void withoutOffloadTheSessionStopsBeforeAnythingRuns() throws IOException {
        environment.put("PATH", System.getenv("PATH"));

        Result result = bench("run", "mng");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("prerequisites missing, nothing was run: offload")
                .contains("cargo install offload").contains("--kinds baseline,high");
        assertThat(dir.resolve("state/offload-bench/sessions")).doesNotExist();
    }

    @Test
    void resumeTakesNoNewSettings() {
        Result result = bench("run", "mng", "--runs", "3", "--resume");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--resume continues a session with the profiles and settings it was"
                + " started with; leave out mng, --runs");
    }

    @Test
    void ctrlCEndsTheRunAndEveryProcessItStarted() throws Exception {
        Path pids = dir.resolve("pids");
        BenchProcess bench = startAndAwaitSculptorsTests(pids, "run", "sculptor", "--kinds", "baseline");

        bench.interrupt();

        assertThat(bench.waitFor(LONG)).as(bench.output()).isEqualTo(130);
        assertThat(bench.output()).contains("Interrupted").contains("bench run --resume");
        assertThat(Fixtures.processesMarked(marker)).as("processes left behind").isEmpty();
        for (String pid : Files.readAllLines(pids)) {
            assertThat(Fixtures.isRunning(Long.parseLong(pid.strip()))).as("test process " + pid).isFalse();
        }
        assertThat(Fixtures.at(session(), "session.projects[0].runs[0].status")).isEqualTo("cancelled");
    }

    @Test
    void sigtermEndsTheRunLikeCtrlC() throws Exception {
        Path pids = dir.resolve("pids");
        BenchProcess bench = startAndAwaitSculptorsTests(pids, "run", "sculptor", "--kinds", "baseline");

        bench.process().destroy(); // SIGTERM

        assertThat(bench.waitFor(LONG)).as(bench.output()).isEqualTo(143);
        assertThat(Fixtures.processesMarked(marker)).as("processes left behind").isEmpty();
        assertThat(Fixtures.at(session(), "session.projects[0].runs[0].status")).isEqualTo("cancelled");
    }

    @Test
    void showOutputEchoesWhatTheRunPrints() {
        Result result = bench("run", "mng", "--kinds", "baseline", "--show-output");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("4 passed in");
    }

    @Test
    void anUnfinishedSessionIsNotPublished() throws Exception {
        Path pids = dir.resolve("pids");
        BenchProcess first = startAndAwaitSculptorsTests(pids, "run", "all");
        first.interrupt();
        first.waitFor(LONG);

        Result result = bench("update-readme", "--session", "latest", "--readme", "README.md");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("has not finished").contains("bench run --resume");
        assertThat(Files.readString(dir.resolve("README.md"))).isEqualTo(README);
    }

    @Test
    void aSecondSessionIsRefusedWhileOneRuns() throws Exception {
        Path pids = dir.resolve("pids");
        BenchProcess first = startAndAwaitSculptorsTests(pids, "run", "sculptor", "--kinds", "baseline");
        try {
            Result second = bench("run", "mng");

            assertThat(second.exitCode()).isEqualTo(2);
            assertThat(second.err()).contains("another benchmark session is running (pid " + first.pid());
        } finally {
            first.interrupt();
            first.waitFor(LONG);
        }
    }

    @Test
    void afterKill9ResumeFinishesTheSessionAndKeepsTheFinishedRuns() throws Exception {
        Path pids = dir.resolve("pids");
        BenchProcess first = startAndAwaitSculptorsTests(pids, "run", "all");
        List<Map<String, Object>> before = attempts(session());

        first.process().destroyForcibly().waitFor();
        Fixtures.killProcessesMarked(marker);
        environment.put("E2E_SLEEP", "0.05");
        environment.remove("E2E_PIDFILE");
        Result resumed = bench("run", "--resume");

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("finished earlier in this session");
        List<Map<String, Object>> after = attempts(session());
        assertThat(before).hasSize(4); // mng: baseline, high, offload warm-up, offload
        assertThat(after.subList(0, 4)).isEqualTo(before);
        assertThat(after).hasSize(8);
        assertThat(Fixtures.at(session(), "session.finished")).isEqualTo(true);
    }

    @Test
    void aRunPrintingHundredsOfMegabytesRunsInASmallHeap() throws Exception {
        Path project = dir.resolve("e2e-mng");
        Files.writeString(project.resolve("justfile"), """
                test-integration:
                    head -c 300000000 /dev/zero | tr '\\0' 'x' | fold -w 200 && /usr/bin/python3 -m pytest -q -p no:cacheprovider -n ${PYTEST_NUMPROCESSES:-1} tests

                test-offload:
                    offload -c offload-modal.toml run
                """);

        BenchProcess bench = BenchProcess.start(environment, dir, List.of("-Xmx48m"), "run", "mng", "--kinds",
                "baseline");

        assertThat(bench.waitFor(LONG)).as(bench.output()).isZero();
        try (Stream<Path> logs = Files.walk(dir.resolve("state"))) {
            Path log = logs.filter(p -> p.toString().endsWith(".log.gz")).findFirst().orElseThrow();
            long size = 0;
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(log))) {
                byte[] buffer = new byte[1 << 20];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    size += n;
                }
            }
            assertThat(size).as("the whole output, kept compressed").isGreaterThan(300_000_000L);
            assertThat(Files.size(log)).isLessThan(30_000_000L);
            Files.delete(log);
        }
    }
}
