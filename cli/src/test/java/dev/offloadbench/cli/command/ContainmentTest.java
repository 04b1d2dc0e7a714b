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
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * No process of a run outlives it, however it ends: with the real just and pytest-xdist, a test
 * (fixtures/e2e-escape) leaves behind a double-forked setsid daemon and a child that both ignore
 * SIGTERM, and a grandchild chain. Every process of a test carries {@code E2E_MARKER=<uuid>} (a
 * value of its own), which is how the test finds them: it never looks at, nor ends, a process it
 * did not start.
 */
@EnabledOnOs(OS.LINUX)
class ContainmentTest {
    private static final String README = "# Project\n\n## Benchmarks\n\nOld.\n\n## License\n\nMIT\n";
    private static final Duration LONG = Duration.ofMinutes(3);
    /** The five processes the test leaves: daemon, stubborn child, sh, sh, sleep. */
    private static final int LEFT_BEHIND = 5;

    @TempDir
    Path dir;
    Map<String, String> environment;
    final List<String> markers = new ArrayList<>();

    @BeforeAll
    static void needsTools() {
        Fixtures.requireTool("just");
        Fixtures.requirePytestXdist();
    }

    @BeforeEach
    void setUp() throws IOException {
        Fixtures.copy("e2e-escape", dir);
        Files.writeString(dir.resolve("README.md"), README);
        Files.writeString(dir.resolve("offload-bench.toml"), """
                machine = "Test machine"
                readme = "README.md"
                [projects.mng]
                path = "e2e-escape"
                """);
        environment = Fixtures.sessionEnvironment(dir);
        environment.put("E2E_ESCAPE", "1");
        trial("main");
    }

    /** Should a test fail, what it started must not outlive it. */
    @AfterEach
    void leaveNothingBehind() {
        markers.forEach(Fixtures::killProcessesMarked);
    }

    /** A fresh marker, pid file and ready file, for one bench run. */
    private String trial(String name) throws IOException {
        String marker = UUID.randomUUID().toString();
        markers.add(marker);
        Path folder = Files.createDirectories(dir.resolve("trials").resolve(name));
        environment.put("E2E_MARKER", marker);
        environment.put("E2E_PIDFILE", folder.resolve("pids").toString());
        environment.put("E2E_READY", folder.resolve("ready").toString());
        environment.put("E2E_TICKER", folder.resolve("ticker").toString());
        environment.put("E2E_TERMFILE", folder.resolve("term").toString());
        return marker;
    }

    private Path file(String variable) {
        return Path.of(environment.get(variable));
    }

    private Result bench(String... args) {
        return new BenchRunner(environment, dir).run(args);
    }

    private BenchProcess startAndAwaitTheEscapees(String... args) throws IOException {
        BenchProcess bench = BenchProcess.start(environment, dir, List.of(), args);
        BenchProcess.await("the test's processes to start", LONG,
                () -> Files.exists(file("E2E_READY")) || !bench.process().isAlive());
        assertThat(file("E2E_READY")).as("the test's processes started; bench said:\n" + bench.output()).exists();
        return bench;
    }

    /** The pids the test's processes wrote, all of them. */
    private List<Long> leftBehind() throws IOException {
        List<Long> pids = Files.readAllLines(file("E2E_PIDFILE")).stream().map(String::strip)
                .filter(line -> !line.isEmpty()).map(Long::parseLong).toList();
        assertThat(pids).as("the processes the test left").hasSize(LEFT_BEHIND);
        return pids;
    }

    private void assertNothingOfTheRunIsLeft(String marker, String output) throws IOException {
        assertThat(Fixtures.processesMarked(marker)).as("processes left behind; bench said:\n" + output).isEmpty();
        for (long pid : leftBehind()) {
            assertThat(Fixtures.isRunning(pid)).as("process %d the test left", pid).isFalse();
        }
    }

    private Map<String, Object> session() throws IOException {
        try (Stream<Path> folders = Files.list(dir.resolve("state/offload-bench/sessions"))) {
            Path latest = folders.sorted().reduce((a, b) -> b).orElseThrow();
            try (JsonParser parser = new JsonFactory().createParser(latest.resolve("session.json").toFile())) {
                return Fixtures.readObject(parser);
            }
        }
    }

    @Test
    void afterARunThatEndsByItselfNothingOfItIsLeftAndBenchSaysWhatItEnded() throws IOException {
        environment.put("E2E_SLEEP", "0");

        Result result = bench("run", "mng", "--kinds", "baseline");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertNothingOfTheRunIsLeft(environment.get("E2E_MARKER"), result.out());
        assertThat(result.out()).contains("it left running:").contains("python3");
        assertThat(String.valueOf(Fixtures.at(session(), "session.projects[0].runs[0].attempts[0].notes")))
                .contains("it left running:");
        assertThat(Fixtures.at(session(), "session.running")).as("nothing under way once it is recorded").isNull();
    }

    @Test
    void sigtermEndsEveryProcessOfTheRun() throws Exception {
        environment.put("E2E_SLEEP", "120");
        BenchProcess bench = startAndAwaitTheEscapees("run", "mng", "--kinds", "baseline");

        bench.process().destroy(); // SIGTERM

        assertThat(bench.waitFor(LONG)).as(bench.output()).isEqualTo(143);
        assertNothingOfTheRunIsLeft(environment.get("E2E_MARKER"), bench.output());
        assertThat(Fixtures.at(session(), "session.projects[0].runs[0].status")).isEqualTo("cancelled");
    }

    @Test
    void aTimeoutEndsEveryProcessOfTheRun() throws IOException {
        environment.put("E2E_SLEEP", "120");

        Result result = bench("run", "mng", "--kinds", "baseline", "--timeout", "20s");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(file("E2E_READY")).as("the test's processes started before the timeout").exists();
        assertNothingOfTheRunIsLeft(environment.get("E2E_MARKER"), result.out());
        assertThat(Fixtures.at(session(), "session.projects[0].runs[0].status")).isEqualTo("timed_out");
    }

    /**
     * Ctrl-C at twenty random moments, from the JVM's start to the run's end: whatever was
     * running then, nothing of it is left once bench has exited.
     */
    @Test
    @Timeout(value = 12, unit = java.util.concurrent.TimeUnit.MINUTES)
    void ctrlCAtRandomMomentsNeverLeavesAProcessBehind() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        environment.put("E2E_SLEEP", "2");
        int interruptedMidRun = 0;
        for (int trial = 1; trial <= 20; trial++) {
            String marker = trial("ctrl-c-" + trial);
            long delayMillis = random.nextInt(6000);
            BenchProcess bench = BenchProcess.start(environment, dir, List.of(), "run", "mng", "--kinds", "baseline");
            Thread.sleep(delayMillis); // the random moment itself, not a wait for anything
            bench.interrupt();
            int exitCode = bench.waitFor(LONG);

            String context = "trial " + trial + " (seed " + seed + ", Ctrl-C after " + delayMillis + " ms); bench said:\n"
                    + bench.output();
            // A Ctrl-C in the JVM's first milliseconds can end it while it initialises itself,
            // with exit 1, before any code of bench (or of the run) has started: nothing to leave.
            boolean diedInitialising = exitCode == 1
                    && bench.output().contains("Error occurred during initialization of VM");
            if (!diedInitialising) {
                assertThat(exitCode).as(context).isIn(0, 130);
            }
            assertThat(Fixtures.processesMarked(marker)).as(context).isEmpty();
            if (Files.exists(file("E2E_PIDFILE"))) {
                for (String pid : Files.readAllLines(file("E2E_PIDFILE"))) {
                    assertThat(Fixtures.isRunning(Long.parseLong(pid.strip()))).as(context).isFalse();
                }
            }
            if (exitCode == 130 && Files.exists(file("E2E_READY"))) {
                interruptedMidRun++;
            }
        }
        assertThat(interruptedMidRun).as("trials whose Ctrl-C came while the test's processes ran (seed " + seed + ")")
                .isGreaterThanOrEqualTo(3);
    }

    /**
     * bench killed with -9 mid-run cannot end anything; the next bench ends what it left before
     * timing anything: the daemon's ticker stops before the resumed run starts.
     */
    @Test
    void afterKill9TheOldRunsProcessesAreGoneBeforeTheResumedRunStarts() throws Exception {
        environment.put("E2E_SLEEP", "120");
        String oldMarker = environment.get("E2E_MARKER");
        Path ticker = file("E2E_TICKER");
        BenchProcess first = startAndAwaitTheEscapees("run", "mng", "--kinds", "baseline,high");
        List<Long> oldProcesses = leftBehind();
        BenchProcess.await("the daemon to tick", LONG, () -> Files.exists(ticker));
        Object marker = Fixtures.at(session(), "session.running.marker");
        assertThat(marker).as("the run's marker, saved before it started").isNotNull();

        first.process().destroyForcibly().waitFor(); // kill -9: bench ends nothing
        assertThat(Fixtures.processesMarked(oldMarker)).as("what the dead bench left running").isNotEmpty();
        trial("resumed");
        environment.remove("E2E_ESCAPE");
        environment.put("E2E_SLEEP", "0");
        Result resumed = bench("run", "--resume");

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("left running by an earlier bench that died");
        assertThat(Fixtures.processesMarked(oldMarker)).isEmpty();
        for (long pid : oldProcesses) {
            assertThat(Fixtures.isRunning(pid)).as("process %d of the killed run", pid).isFalse();
        }
        Instant resumedStart = Instant.parse(String.valueOf(
                Fixtures.at(session(), "session.projects[0].runs[0].attempts[0].started")));
        List<String> ticks = Files.readAllLines(ticker);
        Instant lastTick = Instant.ofEpochMilli((long) (Double.parseDouble(ticks.get(ticks.size() - 1)) * 1000));
        assertThat(ticks).hasSizeGreaterThan(1);
        assertThat(lastTick).as("the old run's last sign of life").isBefore(resumedStart);
        assertThat(Fixtures.at(session(), "session.running")).isNull();
    }

    /**
     * Ctrl-C while bench ends what the run's command left behind (the stubborn child ignores
     * SIGTERM, so that takes a while): the session stops, unfinished, exit 130, nothing published.
     */
    @Test
    void ctrlCWhileARunIsEndingStillStopsTheSessionAndPublishesNothing() throws Exception {
        environment.put("E2E_SLEEP", "0");
        BenchProcess bench = BenchProcess.start(environment, dir, List.of(), "run", "mng", "--kinds", "baseline",
                "--update-readme");
        BenchProcess.await("bench to be ending the run's leftovers (the stubborn child got SIGTERM)", LONG,
                () -> Files.exists(file("E2E_TERMFILE")) || !bench.process().isAlive());
        assertThat(file("E2E_TERMFILE")).as("bench is ending the run; it said:\n" + bench.output()).exists();

        bench.interrupt();

        assertThat(bench.waitFor(LONG)).as(bench.output()).isEqualTo(130);
        assertThat(bench.output()).contains("Interrupted");
        assertThat(Files.readString(dir.resolve("README.md"))).isEqualTo(README);
        assertThat(Fixtures.at(session(), "session.finished")).isEqualTo(false);
        assertNothingOfTheRunIsLeft(environment.get("E2E_MARKER"), bench.output());
    }
}
