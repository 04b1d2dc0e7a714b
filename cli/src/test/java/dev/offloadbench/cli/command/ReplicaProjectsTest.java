package dev.offloadbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.offloadbench.cli.BenchRunner;
import dev.offloadbench.cli.BenchRunner.Result;
import dev.offloadbench.cli.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench plan --probe} and {@code bench run} on replicas of the real projects' shapes
 * (fixtures/replica-*, copied from imbue-ai/sculptor, imbue-ai/mngr and imbue-ai/mng), through the
 * real just and pytest-xdist, with a stand-in {@code uv} that runs Debian's pytest and the fake
 * {@code offload} of the other end-to-end tests. Every test of the replicas writes, from inside,
 * the {@code PYTEST_XDIST_WORKER_COUNT} it runs under: the published worker counts must equal it,
 * and after probing alone the record must not exist (a probe never runs a test).
 */
class ReplicaProjectsTest {
    private static final String README = "# Project\n\n## Benchmarks\n\n## License\n\nMIT\n";
    private static final Pattern BASELINE_N = Pattern.compile("pytest with xdist, n=(\\d+) \\(baseline\\)");
    private static final Pattern HIGH_N = Pattern.compile("pytest with xdist, n=(\\d+) \\|");

    @TempDir
    Path dir;
    Map<String, String> environment;
    Path record;

    @BeforeAll
    static void needsTools() {
        Fixtures.requireTool("just");
        Fixtures.requirePytestXdist();
    }

    @BeforeEach
    void setUp() throws IOException {
        Path uv = Fixtures.copy("stand-in-uv-bin", dir);
        Path offload = Fixtures.copy("fake-offload-bin", dir);
        Files.writeString(dir.resolve("README.md"), README);
        record = dir.resolve("workers-seen-by-the-tests");
        environment = Fixtures.sessionEnvironment(dir);
        environment.put("PATH", uv + ":" + offload + ":" + environment.get("PATH"));
        environment.put("E2E_RECORD", record.toString());
        environment.put("PYTHONDONTWRITEBYTECODE", "1");
    }

    private void configure(String projects) throws IOException {
        Files.writeString(dir.resolve("offload-bench.toml"), "machine = \"Test machine\"\nreadme = \"README.md\"\n"
                + projects);
    }

    private Result bench(String... args) {
        return new BenchRunner(environment, dir).run(args);
    }

    /** The worker count each xdist session's tests saw, session by session, in the order they ran. */
    private List<Integer> recordedWorkers() throws IOException {
        Map<String, Integer> sessions = new LinkedHashMap<>();
        for (String line : Files.readAllLines(record)) {
            String[] fields = line.split(" ");
            if (!fields[0].equals("serial")) {
                Integer previous = sessions.putIfAbsent(fields[0], Integer.parseInt(fields[1]));
                assertThat(previous == null || previous == Integer.parseInt(fields[1]))
                        .as("every test of one xdist session sees the same count").isTrue();
            }
        }
        return new ArrayList<>(sessions.values());
    }

    private Map<String, Object> session() throws IOException {
        try (Stream<Path> folders = Files.list(dir.resolve("state/offload-bench/sessions"))) {
            Path latest = folders.sorted().reduce((a, b) -> b).orElseThrow();
            try (JsonParser parser = new JsonFactory().createParser(latest.resolve("session.json").toFile())) {
                return Fixtures.readObject(parser);
            }
        }
    }

    private static int published(Pattern pattern, String readme) {
        Matcher matcher = pattern.matcher(readme);
        assertThat(matcher.find()).as(pattern + " in\n" + readme).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    /** The README's and the results' worker counts equal what xdist started (baseline, then high). */
    private void assertPublishedWorkersAreTheRecordedOnes(Map<String, Object> session, int high) throws IOException {
        List<Integer> recorded = recordedWorkers();
        assertThat(recorded.size()).as("xdist sessions recorded: " + recorded).isGreaterThanOrEqualTo(2);
        String readme = Files.readString(dir.resolve("README.md"));
        assertThat(published(BASELINE_N, readme)).isEqualTo(recorded.get(0));
        assertThat(published(HIGH_N, readme)).isEqualTo(recorded.get(1)).isEqualTo(high);
        assertThat(Fixtures.at(session, "projects[0].runs[0].workers")).isEqualTo(recorded.get(0));
        assertThat(Fixtures.at(session, "projects[0].runs[1].workers")).isEqualTo(recorded.get(1));
    }

    @Test
    void sculptorsReplicaPublishesTheWorkersXdistStarted() throws IOException {
        Fixtures.copy("replica-sculptor", dir);
        configure("[projects.sculptor]\npath = \"replica-sculptor\"\noffload_recipe = \"test-offload\"\n");
        environment.put("FAKE_OFFLOAD_TESTS", "sculptor/tests/integration");

        Result result = bench("run", "sculptor", "--update-readme");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        Map<String, Object> session = session();
        assertPublishedWorkersAreTheRecordedOnes(session, 8);
        assertThat(Fixtures.at(session, "session.projects[0].runs[1].planned.env"))
                .isEqualTo(Map.of("JUST_VERBOSE", "1", "XDIST_WORKERS", "8"));
        assertThat(Fixtures.at(session, "session.projects[0].runs[0].planned.probe.pytest[0].inifile"))
                .asString().endsWith("replica-sculptor/sculptor/pytest.ini");
        assertThat(Fixtures.at(session, "session.projects[0].runs[2].planned.probe.offload[0].arguments"))
                .asList().containsExactly("run", "--trace");
        assertThat(Fixtures.at(session, "projects[0].maxParallel")).isEqualTo(200);
        assertThat(result.out()).contains("probing sculptor baseline", "probing sculptor offload")
                .doesNotContain("unverified");
        // the dependencies ran with each probe and each run, as the timed runs will
        assertThat(Files.readAllLines(dir.resolve("replica-sculptor/sculptor/frontend/builds.log"))).hasSize(4);
    }

    @Test
    void sculptorsMissingOffloadRecipeSuggestsTheOneRunningItsIntegrationSuite() throws IOException {
        Fixtures.copy("replica-sculptor", dir);
        configure("[projects.sculptor]\npath = \"replica-sculptor\"\n");

        Result result = bench("plan");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        // its other Offload recipes run its other suites (offload-unit.toml, offload-electron.toml)
        assertThat(result.out() + result.err())
                .contains("has no recipe `test-integration-offload`; did you mean `test-offload` (runs `offload run`)"
                        + " or `test-unit-offload` (runs `offload run`) or `test-offload-electron` (runs `offload run`)?")
                .contains("offload_recipe = \"test-offload\" under [projects.sculptor]");
    }

    @Test
    void mngrsReplicaRunsBaselineAndHighWithoutAnOffloadRecipe() throws IOException {
        Fixtures.copy("replica-mngr", dir);
        configure("[projects.mng]\npath = \"replica-mngr\"\n");

        Result refused = bench("run", "mng");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("none of its recipes runs `offload run`", "--kinds baseline,high");
        assertThat(record).as("nothing ran before the refusal").doesNotExist();

        Result result = bench("run", "mng", "--kinds", "baseline,high", "--update-readme");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        Map<String, Object> session = session();
        assertPublishedWorkersAreTheRecordedOnes(session, 8);
        assertThat(Fixtures.at(session, "session.projects[0].runs[1].planned.command")).asList()
                .containsExactly("just", "_parallel=-n 8 --dist=load --max-worker-restart=0", "test-integration");
        assertThat(Fixtures.at(session, "session.projects[0].runs[0].planned.workersSource")).isEqualTo("justfile:10");
        assertThat((List<?>) Fixtures.at(session, "session.projects[0].runs")).hasSize(2);
    }

    @Test
    void mngsReplicaRaisesTheCountThroughItsConftestHook() throws IOException {
        Fixtures.copy("replica-mng", dir);
        configure("[projects.mng]\npath = \"replica-mng\"\n");
        environment.put("FAKE_OFFLOAD_TESTS", "libs");

        Result result = bench("run", "mng", "--update-readme");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        Map<String, Object> session = session();
        assertPublishedWorkersAreTheRecordedOnes(session, 8);
        assertThat(Fixtures.at(session, "session.projects[0].runs[1].planned.env"))
                .isEqualTo(Map.of("PYTEST_NUMPROCESSES", "8"));
        assertThat(Fixtures.at(session, "projects[0].maxParallel")).isEqualTo(50);
        assertThat(Fixtures.at(session, "session.projects[0].runs[2].planned.probe.offload[0].arguments"))
                .asList().startsWith("-c", "offload-modal.toml", "run");
    }

    @Test
    void withoutTheHookTheMngProfileFindsAnOverrideThatWorks() throws IOException {
        Fixtures.copy("replica-mng-without-hook", dir);
        configure("[projects.mng]\npath = \"replica-mng-without-hook\"\n");

        Result result = bench("run", "mng", "--kinds", "baseline,high", "--update-readme");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        Map<String, Object> session = session();
        assertPublishedWorkersAreTheRecordedOnes(session, 8);
        assertThat(Fixtures.at(session, "session.projects[0].runs[1].planned.env"))
                .isEqualTo(Map.of("PYTEST_ADDOPTS", "-n 8"));
        assertThat(result.out()).contains("probing mng high: environment variable PYTEST_NUMPROCESSES");
    }

    @Test
    void aConftestThatCapsTheWorkersStopsTheRunBeforeAnythingIsTimed() throws IOException {
        Fixtures.copy("capped-conftest", dir);
        configure("[projects.mng]\npath = \"capped-conftest\"\n");

        Result result = bench("run", "mng", "--kinds", "baseline,high");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nothing was timed", "the high run needs 4 xdist workers",
                "the baseline starts 2", "lowers xdist's workers to 2", "high_workers under [projects.mng]");
        assertThat(dir.resolve("state/offload-bench/sessions")).doesNotExist();
        assertThat(record).as("no test ran: neither a probe nor a timed run").doesNotExist();
    }

    @Test
    void aQuietRecipesCountIsTheProbesAndEqualsWhatXdistStarted() throws IOException {
        Fixtures.copy("quiet-recipe", dir);
        configure("[projects.mng]\npath = \"quiet-recipe\"\n");

        Result result = bench("run", "mng", "--kinds", "baseline,high", "--update-readme");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        Map<String, Object> session = session();
        assertPublishedWorkersAreTheRecordedOnes(session, 4);
        // with -q xdist prints no worker count: the probe's is the one verified
        assertThat(Fixtures.at(session, "session.projects[0].runs[0].attempts[0].tally.workersStarted")).isNull();
        assertThat(result.out()).containsPattern("mng +baseline +2 +[0-9.]+ +valid")
                .containsPattern("mng +high +4 +[0-9.]+ +valid");
    }

    @Test
    void withoutProbingTheCountsAreReadAndMarkedUnverified() throws IOException {
        Fixtures.copy("quiet-recipe", dir);
        configure("probe = false\n[projects.mng]\npath = \"quiet-recipe\"\n");

        Result result = bench("run", "mng", "--kinds", "baseline");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).doesNotContain("probing").containsPattern("mng +baseline +2 \\(unverified\\)");
        assertThat(Fixtures.at(session(), "session.projects[0].runs[0].planned.probe")).isNull();
    }

    @Test
    void planProbeShowsPlannedAndProbedValuesSideBySideAndRunsNoTest() throws IOException {
        Fixtures.copy("replica-sculptor", dir);
        Fixtures.copy("replica-mngr", dir);
        configure("[projects.sculptor]\npath = \"replica-sculptor\"\noffload_recipe = \"test-offload\"\n"
                + "[projects.mng]\npath = \"replica-mngr\"\n");

        Result text = bench("plan", "--probe", "--kinds", "baseline,high");
        Result json = bench("plan", "--probe", "--json", "--kinds", "baseline,high");

        assertThat(text.exitCode()).as(text.out() + text.err()).isZero();
        assertThat(text.out()).contains("probed: -n 8 → 8 workers", "dependencies included",
                "the script sets `xdist_args`", "XDIST_WORKERS selects the branch")
                .containsPattern("probed: -n 8 → 8 workers \\(rootdir [^)]*\\) on Python \\d+\\.\\d+[^,]*, pytest \\d+\\.\\d+[^,]*,"
                        + " xdist \\d+\\.\\d+");
        assertThat(text.err()).contains("probing mng high: justfile variable `_parallel`");
        assertThat(json.exitCode()).isZero();
        Map<String, Object> plan;
        try (JsonParser parser = new JsonFactory().createParser(json.out())) {
            plan = Fixtures.readObject(parser);
        }
        for (int project = 0; project < 2; project++) {
            for (int run = 0; run < 2; run++) {
                String at = "profiles[" + project + "].runs[" + run + "]";
                assertThat(Fixtures.at(plan, at + ".probe.workers")).isEqualTo(Fixtures.at(plan, at + ".workers"));
            }
        }
        assertThat(Fixtures.at(plan, "profiles[1].runs[0].workers")).isEqualTo(4);
        // the versions the project's own pytest runs on, as a session records them
        assertThat(String.valueOf(Fixtures.at(plan, "profiles[1].runs[0].probe.pytest[0].pytestVersion")))
                .matches("\\d+\\.\\d+.*");
        assertThat(String.valueOf(Fixtures.at(plan, "profiles[1].runs[0].probe.pytest[0].xdistVersion")))
                .matches("\\d+\\.\\d+.*");
        assertThat(Fixtures.at(plan, "profiles[1].runs[1].command")).asList()
                .contains("_parallel=-n 8 --dist=load --max-worker-restart=0");
        assertThat(record).as("a probe never runs a test").doesNotExist();
    }
}
