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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the probe meets containment, the lock, secrets and what reading can settle, end to end
 * with the real just and pytest-xdist: a probe killed with bench (kill -9) leaves nothing the next
 * bench does not end; probing waits for nobody's session; a secret a recipe hands on never shows;
 * a plan reading shows impossible stops before any probe; a recipe the probe cannot intercept is
 * not probed, so no test runs. Every process a test starts carries {@code E2E_MARKER=<uuid>}, by
 * which it is found and, should the test fail, ended.
 */
@EnabledOnOs(OS.LINUX)
class ProbeSeamsTest {
    private static final Duration LONG = Duration.ofMinutes(3);
    private static final String SECRET = "supersecret123";

    @TempDir
    Path dir;
    Path project;
    Path temporary;
    Map<String, String> environment;
    final List<String> markers = new ArrayList<>();

    @BeforeAll
    static void needsTools() {
        Fixtures.requireTool("just");
        Fixtures.requirePytestXdist();
    }

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectories(dir.resolve("project/tests"));
        project = project.getParent();
        Files.writeString(project.resolve("tests/test_quick.py"), """
                import os


                import time


                def test_quick():
                    marker = os.environ.get("E2E_TESTS_RAN")
                    if marker:
                        with open(marker, "a") as f:
                            f.write("ran\\n")
                    time.sleep(float(os.environ.get("E2E_SLEEP", "0")))
                """);
        Files.writeString(project.resolve("offload.toml"), """
                [offload]
                max_parallel = 4

                [provider]
                type = "local"
                """);
        Files.writeString(dir.resolve("README.md"), "# Project\n\n## Benchmarks\n\nOld.\n");
        temporary = Files.createDirectories(dir.resolve("tmp"));
        environment = Fixtures.sessionEnvironment(dir);
        environment.put("PATH", Fixtures.copy("fake-offload-bin", dir) + ":" + environment.get("PATH"));
        environment.put("E2E_TESTS_RAN", dir.resolve("tests-ran").toString());
        String marker = UUID.randomUUID().toString();
        markers.add(marker);
        environment.put("E2E_MARKER", marker);
    }

    /** Should a test fail, what it started must not outlive it. */
    @AfterEach
    void leaveNothingBehind() {
        markers.forEach(Fixtures::killProcessesMarked);
    }

    private void configure(String justfile, String projectTable) throws IOException {
        Files.writeString(project.resolve("justfile"), justfile);
        Files.writeString(dir.resolve("offload-bench.toml"), """
                machine = "Test machine"
                readme = "README.md"
                [projects.mng]
                path = "project"
                """ + projectTable);
    }

    private Result bench(String... args) {
        return new BenchRunner(environment, dir).run(args);
    }

    private Path state() {
        return dir.resolve("state/offload-bench");
    }

    private Map<String, Object> session() throws IOException {
        try (Stream<Path> folders = Files.list(state().resolve("sessions"))) {
            Path latest = folders.sorted().reduce((a, b) -> b).orElseThrow();
            try (JsonParser parser = new JsonFactory().createParser(latest.resolve("session.json").toFile())) {
                return Fixtures.readObject(parser);
            }
        }
    }

    private List<Path> probeFolders() throws IOException {
        try (Stream<Path> entries = Files.list(temporary)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("offload-bench-probe-")).toList();
        }
    }

    /**
     * A recipe's dependency starts a daemon (a dev server, a watcher) and takes its time; bench is
     * killed with -9 while it probes. The next bench run ends the daemon before it times anything
     * (the ticker stops before the timed run starts), and removes the dead probe's folder, probing
     * or not.
     */
    @Test
    void whatAProbeOfABenchKilledWithMinus9LeftRunningIsEndedByTheNextRunBeforeAnythingIsTimed()
            throws Exception {
        Path ticker = dir.resolve("ticker");
        Path ready = dir.resolve("ready");
        configure("""
                prep:
                    if [ -n "${E2E_DAEMON:-}" ]; then setsid bash -c 'while true; do date +%s.%N >> "$E2E_TICKER"; sleep 0.05; done' > /dev/null 2>&1 & touch "$E2E_READY"; sleep 120; fi

                test-integration: prep
                    /usr/bin/python3 -m pytest -q -p no:cacheprovider -n ${PYTEST_NUMPROCESSES:-1} tests
                """, "");
        environment.put("E2E_DAEMON", "1");
        environment.put("E2E_TICKER", ticker.toString());
        environment.put("E2E_READY", ready.toString());
        List<String> jvm = List.of("-Djava.io.tmpdir=" + temporary);
        BenchProcess first = BenchProcess.start(environment, dir, jvm, "run", "mng", "--kinds", "baseline");
        BenchProcess.await("the probe's recipe to start its daemon", LONG,
                () -> Files.exists(ready) && Files.exists(ticker) || !first.process().isAlive());
        assertThat(ready).as("probing; bench said:\n" + first.output()).exists();
        assertThat(first.output()).contains("probing mng baseline");

        first.process().destroyForcibly().waitFor(); // kill -9: bench ends nothing
        String oldMarker = environment.get("E2E_MARKER");
        assertThat(Fixtures.processesMarked(oldMarker)).as("what the killed bench's probe left").isNotEmpty();
        assertThat(state().resolve("run.probes")).as("the probe's marker, recorded before it started").exists();
        assertThat(probeFolders()).as("the killed probe's folder").isNotEmpty();
        environment.remove("E2E_DAEMON");
        String newMarker = UUID.randomUUID().toString();
        markers.add(newMarker);
        environment.put("E2E_MARKER", newMarker);
        // not probing itself: what the dead probe left is swept with the lock, whatever comes next
        BenchProcess second = BenchProcess.start(environment, dir, jvm, "run", "mng", "--kinds", "baseline",
                "--no-probe");

        assertThat(second.waitFor(LONG)).as(second.output()).isZero();
        assertThat(second.output()).contains("left running by a probe of an earlier bench that died");
        assertThat(Fixtures.processesMarked(oldMarker)).as("the daemon of the killed probe").isEmpty();
        Instant timedStart = Instant.parse(String.valueOf(Fixtures.at(session(),
                "session.projects[0].runs[0].attempts[0].started")));
        List<String> ticks = Files.readAllLines(ticker);
        Instant lastTick = Instant.ofEpochMilli((long) (Double.parseDouble(ticks.get(ticks.size() - 1)) * 1000));
        assertThat(lastTick).as("the daemon's last sign of life").isBefore(timedStart);
        assertThat(state().resolve("run.probes")).as("its record, cleared once its processes were gone")
                .doesNotExist();
        assertThat(probeFolders()).as("the dead probe's folder").isEmpty();
    }

    /** Probes run recipes: while a session runs, `plan --probe` is refused at once; reading alone is not. */
    @Test
    void probingWaitsForNoSessionItIsRefusedNamingTheHolderWhileReadingIsNot() throws Exception {
        Path ready = dir.resolve("ready");
        configure("""
                test-integration:
                    touch "$E2E_READY"; sleep ${E2E_SLEEP:-0}; /usr/bin/python3 -m pytest -q -p no:cacheprovider -n 1 tests
                """, "");
        environment.put("E2E_READY", ready.toString());
        environment.put("E2E_SLEEP", "120");
        BenchProcess session = BenchProcess.start(environment, dir, List.of(), "run", "mng", "--kinds", "baseline",
                "--no-probe");
        BenchProcess.await("the session's run to start", LONG, () -> Files.exists(ready)
                || !session.process().isAlive());
        assertThat(ready).as("the session is running; it said:\n" + session.output()).exists();
        Files.delete(ready);
        environment.put("E2E_SLEEP", "0");

        Instant before = Instant.now();
        Result probing = bench("plan", "mng", "--kinds", "baseline", "--probe");
        Duration waited = Duration.between(before, Instant.now());
        Result reading = bench("plan", "mng", "--kinds", "baseline");
        session.interrupt();
        session.waitFor(LONG);

        assertThat(probing.exitCode()).as(probing.out() + probing.err()).isEqualTo(2);
        assertThat(probing.err()).contains("error: another benchmark session is running (pid " + session.pid());
        assertThat(ready).as("no probe ran the recipe meanwhile").doesNotExist();
        assertThat(waited).as("refused at once").isLessThan(Duration.ofSeconds(60));
        assertThat(reading.exitCode()).as(reading.out() + reading.err()).isZero();
    }

    /**
     * A secret a recipe hands on (echoed, passed to offload) is masked wherever what the probe
     * saw is shown or stored: the plan, its JSON, the probe lines, the problems quoting the
     * output, and session.json.
     */
    @Test
    void aSecretTheRecipesHandOnNeverShowsInWhatTheProbesSawNorInTheSession() throws IOException {
        configure("""
                test-integration:
                    echo "using token $API_TOKEN"; /usr/bin/python3 -m pytest -q -p no:cacheprovider -n ${PYTEST_NUMPROCESSES:-1} tests

                test-offload:
                    offload -c offload.toml run --token "$API_TOKEN"

                broken:
                    echo "using token $API_TOKEN"; exit 3
                """, "env = { API_TOKEN = \"" + SECRET + "\" }\n");

        Result plan = bench("plan", "mng", "--probe");
        Result json = bench("plan", "mng", "--probe", "--json");
        Result run = bench("run", "mng", "--kinds", "baseline,offload");
        Files.writeString(dir.resolve("offload-bench.toml"), Files.readString(dir.resolve("offload-bench.toml"))
                + "baseline_recipe = \"broken\"\n");
        Result broken = bench("plan", "mng", "--kinds", "baseline", "--probe");

        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out() + plan.err()).doesNotContain(SECRET)
                .contains("offload -c offload.toml run --token '<redacted>'");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out() + json.err()).doesNotContain(SECRET).contains("\"<redacted>\"");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out() + run.err()).doesNotContain(SECRET);
        try (Stream<Path> files = Files.walk(state().resolve("sessions"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("session.json")).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(SECRET).contains("<redacted>");
            }
        }
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.out()).contains("using token <redacted>");
        assertThat(broken.out() + broken.err()).doesNotContain(SECRET);
    }

    /**
     * A missing recipe is found by reading the justfile: the session stops before the lock and
     * before any probe runs a recipe (for sculptor, a frontend build each).
     */
    @Test
    void aMissingRecipeStopsTheSessionBeforeTheLockAndBeforeAnyProbe() throws IOException {
        Path built = dir.resolve("built");
        configure("""
                build:
                    touch "$E2E_BUILT"

                test-integration: build
                    /usr/bin/python3 -m pytest -q -p no:cacheprovider -n ${PYTEST_NUMPROCESSES:-1} tests
                """, "offload_recipe = \"test-offload-nope\"\n");
        environment.put("E2E_BUILT", built.toString());

        Result result = bench("run", "mng");

        assertThat(built).as("no probe ran the baseline's dependency").doesNotExist();
        assertThat(dir.resolve("state")).as("the lock was not taken").doesNotExist();
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err()).contains("the plan is incomplete, nothing was run")
                .contains("has no recipe `test-offload-nope`");
    }

    /**
     * offload started by its path would be the real one (on Modal, every test): the Offload run is
     * planned by reading, saying why, and nothing runs a test.
     */
    @Test
    void anOffloadStartedByItsPathIsNotProbedAndNoTestRuns() throws IOException {
        Path fake = dir.resolve("fake-offload-bin/offload");
        configure("""
                test-integration:
                    /usr/bin/python3 -m pytest -q -p no:cacheprovider -n ${PYTEST_NUMPROCESSES:-1} tests

                offload_bin := env_var('E2E_OFFLOAD')

                test-offload:
                    {{offload_bin}} -c offload.toml run
                """, "");
        environment.put("E2E_OFFLOAD", fake.toString());

        Result plan = bench("plan", "mng", "--kinds", "offload", "--probe");

        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).contains("not probed: it starts offload by its path (`" + fake + "`)")
                .contains("max_parallel: 4").doesNotContain("\n       probed: ");
        assertThat(dir.resolve("tests-ran")).as("the real offload would have run the tests").doesNotExist();
    }

    /** A pytest that keeps the probe's plugin out would run every test: it is planned by reading, and nothing runs. */
    @Test
    void aPytestThatKeepsTheProbesPluginOutIsNotProbedAndNoTestRuns() throws IOException {
        configure("""
                test-integration:
                    /usr/bin/python3 -m pytest -q -p no:cacheprovider -p no:offload_bench_probe -n 2 tests
                """, "");

        Result plan = bench("plan", "mng", "--kinds", "baseline", "--probe");
        configure("""
                test-integration:
                    env -u PYTEST_PLUGINS /usr/bin/python3 -m pytest -q -p no:cacheprovider -n 2 tests
                """, "");
        Result unset = bench("plan", "mng", "--kinds", "baseline", "--probe");

        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).contains("workers: 2").contains("not probed: it blocks the probe's pytest plugin");
        assertThat(unset.exitCode()).as(unset.out() + unset.err()).isZero();
        assertThat(unset.out()).contains("not probed: it unsets PYTEST_PLUGINS");
        assertThat(dir.resolve("tests-ran")).as("a probe never lets a test run").doesNotExist();
    }

    /**
     * A resumed session restores its secrets from the configuration, and nothing else changes:
     * the Offload run keeps the local provider of its configuration and what its probe saw, so
     * the results name the provider that really ran.
     */
    @Test
    void aResumedOffloadRunWithASecretKeepsItsLocalProviderAndItsProbe() throws IOException {
        configure("""
                test-integration:
                    /usr/bin/python3 -m pytest -q -p no:cacheprovider -n ${PYTEST_NUMPROCESSES:-1} tests

                test-offload:
                    offload -c offload.toml run --token "$API_TOKEN"
                """, "env = { API_TOKEN = \"" + SECRET + "\" }\n");
        environment.put("E2E_SLEEP", "60");
        Result cut = bench("run", "mng", "--kinds", "offload", "--warmups-offload", "0", "--timeout", "5s");
        assertThat(cut.exitCode()).as(cut.out() + cut.err()).isEqualTo(1);
        environment.put("E2E_SLEEP", "0");

        Result resumed = bench("run", "--resume");
        Result results = bench("results", "latest", "--json");

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        Map<String, Object> session = session();
        assertThat(Fixtures.at(session, "session.projects[0].runs[0].planned.provider")).isEqualTo("local");
        assertThat(Fixtures.at(session, "session.projects[0].runs[0].planned.probe")).as("what its probe saw")
                .isNotNull();
        assertThat(Fixtures.at(session, "projects[0].provider")).isEqualTo("local");
        assertThat(results.out()).doesNotContain(SECRET);
        try (JsonParser parser = new JsonFactory().createParser(results.out())) {
            assertThat(Fixtures.at(Fixtures.readObject(parser), "projects[0].provider")).isEqualTo("local");
        }
    }
}
