package dev.offloadbench.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.probe.ObservedOffload;
import dev.offloadbench.domain.probe.ObservedPytest;
import dev.offloadbench.domain.probe.ProbeRequest;
import dev.offloadbench.domain.probe.ProbeResult;
import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Markers;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe on the real just and the real pytest-xdist, on the recipes of {@code fixtures/probe}:
 * what xdist will start once all of pytest's configuration is read, and never a test run.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ProcessRunProbeTest {
    private static final Duration LIMIT = Duration.ofMinutes(2);

    @TempDir
    Path dir;
    Path project;
    /** The project's folder as pytest names it (symbolic links resolved). */
    Path real;
    Path marker;
    Path temporary;
    Map<String, String> environment;
    ProcessRunProbe probe;

    @BeforeEach
    void setUp() throws IOException, URISyntaxException {
        RealJust.requireInstalled();
        Path python = RealPytest.requireXdist();
        project = copy("probe", dir);
        real = project.toRealPath();
        marker = dir.resolve("tests-ran");
        temporary = Files.createDirectory(dir.resolve("tmp"));
        Map<String, String> base = new HashMap<>(System.getenv());
        base.put("PYTHONDONTWRITEBYTECODE", "1");
        base.remove("PYTEST_ADDOPTS");
        base.remove("PYTEST_XDIST_AUTO_NUM_WORKERS");
        probe = new ProcessRunProbe(new StreamingRunExecutor(base), base, temporary);
        environment = new HashMap<>(Map.of("PYTHON", python.toString(), "PROBE_TEST_MARKER", marker.toString()));
        this.python = python;
    }

    Path python;

    /** What {@code python} itself says, for comparison with what the probe recorded. */
    private String ask(String expression) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(python.toString(), "-c", "import platform, importlib.metadata as m; print("
                + expression + ")").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output.strip();
    }

    private static Path copy(String name, Path into) throws IOException, URISyntaxException {
        Path fixture = Path.of(ProcessRunProbeTest.class.getResource("/fixtures/" + name + "/justfile").toURI())
                .getParent();
        Path target = into.resolve(name);
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(fixture.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    private ProbeResult probe(String recipe) {
        return probe(recipe, LIMIT);
    }

    private ProbeResult probe(String recipe, Duration limit) {
        return probe.probe(request(RunKind.BASELINE, List.of("just", recipe), limit), new Cancellation());
    }

    /** A request with a marker of its own, as the planner makes one. */
    private ProbeRequest request(RunKind kind, List<String> command, Duration limit) {
        return new ProbeRequest(kind, command, environment, project, limit, Markers.next(Markers.PROBE));
    }

    private ObservedPytest onlyPytest(ProbeResult result) {
        assertThat(result.outcome()).as(result.problem() + result.tail()).isEqualTo(ProbeResult.Outcome.OBSERVED);
        assertThat(result.pytest()).hasSize(1);
        return result.pytest().get(0);
    }

    @Test
    void readsTheCountFromPytestsConfigurationRunningNoTest() {
        ObservedPytest seen = onlyPytest(probe("ini"));

        assertThat(seen.workers()).isEqualTo(2);
        assertThat(seen.numprocesses()).contains("2");
        assertThat(seen.xdistInstalled()).isTrue();
        assertThat(seen.rootdir()).isEqualTo(real);
        assertThat(seen.inifile()).contains(real.resolve("pytest.ini"));
        assertThat(seen.invocationDirectory()).isEqualTo(real);
        assertThat(seen.arguments()).containsExactly("tests");
        assertThat(marker).as("a probe never lets a test run").doesNotExist();
    }

    @Test
    void recordsTheVersionsOfPythonPytestAndXdistThePytestRunsOn() throws IOException, InterruptedException {
        ObservedPytest seen = onlyPytest(probe("ini"));

        assertThat(seen.versions().python()).hasValue(ask("platform.python_version()"));
        assertThat(seen.versions().pytest()).hasValue(ask("m.version('pytest')"));
        assertThat(seen.versions().xdist()).hasValue(ask("m.version('pytest-xdist')"));
        assertThat(seen.versions().xdist().orElseThrow()).matches("\\d+\\.\\d+.*");
    }

    @Test
    void pytestAddoptsComesAfterTheConfiguration() {
        environment.put("PYTEST_ADDOPTS", "-n 3");

        assertThat(onlyPytest(probe("ini")).workers()).isEqualTo(3);
        assertThat(marker).doesNotExist();
    }

    @Test
    void theCommandLineWinsBehindALauncherWithOptions() {
        environment.put("PYTEST_ADDOPTS", "-n 3");

        ObservedPytest seen = onlyPytest(probe("cli"));

        assertThat(seen.workers()).isEqualTo(5);
        assertThat(seen.arguments()).containsExactly("-n", "5", "tests");
    }

    @Test
    void autoIsWhatPytestXdistAutoNumWorkersSaysCappedByMaxprocesses() {
        environment.put("PYTEST_XDIST_AUTO_NUM_WORKERS", "5");
        ObservedPytest capped = onlyPytest(probe("auto"));
        environment.put("PYTEST_XDIST_AUTO_NUM_WORKERS", "2");
        ObservedPytest belowTheCap = onlyPytest(probe("auto"));

        assertThat(capped.workers()).isEqualTo(3);
        assertThat(capped.numprocesses()).contains("auto");
        assertThat(capped.maxprocesses()).hasValue(3);
        assertThat(capped.auto()).isTrue();
        assertThat(belowTheCap.workers()).isEqualTo(2);
        assertThat(marker).doesNotExist();
    }

    @Test
    void aConftestThatCapsTheWorkersIsSeenAfterItRan() {
        ObservedPytest seen = onlyPytest(probe("capped"));

        assertThat(seen.workers()).isEqualTo(2);
        assertThat(seen.fromOptions()).hasValue(4);
        assertThat(seen.changedByHook()).isTrue();
        assertThat(seen.describe()).contains("asks for 4", "pytest_configure hook", "2 workers");
        assertThat(seen.invocationDirectory()).isEqualTo(real.resolve("capped"));
        assertThat(marker).doesNotExist();
    }

    @Test
    void everyPytestStartIsRecordedInOrder() {
        ProbeResult result = probe("twice");

        assertThat(result.pytest()).extracting(ObservedPytest::workers).containsExactly(2, 3);
        assertThat(result.workers()).as("starts that disagree give no single count").isEmpty();
    }

    @Test
    void dependenciesRunAsInTheTimedRun() {
        ProbeResult result = probe("with-dependency");

        assertThat(onlyPytest(result).workers()).isEqualTo(2);
        assertThat(project.resolve("setup.log")).hasContent("set up");
    }

    @Test
    void offloadIsReplacedByARecordingStandInThatExitsZero() {
        environment.put("PARALLEL", "12");

        ProbeResult result = probe.probe(request(RunKind.OFFLOAD, List.of("just", "offload"), LIMIT),
                new Cancellation());

        assertThat(result.outcome()).as(result.problem() + result.tail()).isEqualTo(ProbeResult.Outcome.OBSERVED);
        assertThat(result.exitCode()).isZero();
        assertThat(result.offload()).extracting(ObservedOffload::arguments).containsExactly(
                List.of("--version"), List.of("-c", "offload-modal.toml", "run", "--parallel", "12"));
        assertThat(result.offloadRun()).map(ObservedOffload::directory).contains(real);
        assertThat(result.outputTail()).anyMatch(line -> line.contains("offload-bench probe stand-in"));
    }

    @Test
    void aRecipeFailingBeforePytestIsObservedWithItsExitCodeAndLastLines() {
        ProbeResult result = probe("broken");

        assertThat(result.outcome()).isEqualTo(ProbeResult.Outcome.OBSERVED);
        assertThat(result.pytest()).isEmpty();
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.outputTail()).anyMatch(line -> line.contains("the project's environment is not installed"));
    }

    @Test
    void aProbePastItsLimitIsEndedAndSaysSo() {
        ProbeResult result = probe("slow", Duration.ofSeconds(2));

        assertThat(result.outcome()).isEqualTo(ProbeResult.Outcome.TIMED_OUT);
        assertThat(result.problem()).contains("did not finish within the probe's limit of 2.0 s");
        assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(30));
        assertThat(result.outputTail()).contains("waiting");
    }

    @Test
    void aCancelledProbeRunsNothing() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();

        ProbeResult result = probe.probe(request(RunKind.BASELINE, List.of("just", "with-dependency"), LIMIT),
                cancellation);

        assertThat(result.outcome()).isEqualTo(ProbeResult.Outcome.CANCELLED);
        assertThat(project.resolve("setup.log")).doesNotExist();
    }

    @Test
    void aCommandThatCannotStartIsAFailedProbe() {
        ProbeResult result = probe.probe(request(RunKind.BASELINE, List.of("no-such-program-here"), LIMIT),
                new Cancellation());

        assertThat(result.outcome()).isEqualTo(ProbeResult.Outcome.FAILED);
        assertThat(result.problem()).contains("no-such-program-here").contains("not found");
    }

    @Test
    void theProbesFolderIsGoneAfterwards() throws IOException {
        probe("ini");
        probe.probe(request(RunKind.OFFLOAD, List.of("just", "offload"), LIMIT), new Cancellation());

        try (Stream<Path> left = Files.list(temporary)) {
            assertThat(left).isEmpty();
        }
    }

    /**
     * What the command leaves running carries the request's marker (so that, had bench died, the
     * next one would find it by the marker recorded with the lock); the probe ends it and says so.
     */
    @Test
    void whatTheCommandLeavesRunningCarriesTheMarkerAndIsEndedAndNamed() throws IOException {
        Path pidFile = dir.resolve("daemon.pid");
        environment.put("DAEMON_PID", pidFile.toString());
        ProbeRequest request = request(RunKind.BASELINE, List.of("just", "daemon"), LIMIT);

        ProbeResult result = probe.probe(request, new Cancellation());

        assertThat(onlyPytest(result).workers()).isEqualTo(2);
        long daemon = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(result.leftovers()).as("the daemon the recipe left, ended and named")
                .anySatisfy(left -> assertThat(left.pid()).isEqualTo(daemon));
        assertThat(running(daemon)).as("the daemon is gone").isFalse();
        assertThat(marker).doesNotExist();
    }

    /**
     * A bench killed while it probed (kill -9) leaves its probe's folder behind: the next probe
     * removes it. A folder of a bench that is still running is left alone.
     */
    @Test
    void theFolderOfAProbeWhoseBenchDiedIsRemovedByTheNext() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path abandoned = Files.createDirectories(temporary.resolve(ProcessRunProbe.FOLDER_PREFIX + gone.pid()
                + "-probe-0123456789abcdef01234567/bin"));
        Path live = Files.createDirectories(temporary.resolve(ProcessRunProbe.FOLDER_PREFIX
                + ProcessHandle.current().parent().orElseThrow().pid() + "-probe-89abcdef0123456789abcdef"));
        Path unrelated = Files.createDirectories(temporary.resolve(ProcessRunProbe.FOLDER_PREFIX + "notes"));
        // an older bench named its folders with random digits alone: whether it still runs cannot be told
        Path older = Files.createDirectories(temporary.resolve(ProcessRunProbe.FOLDER_PREFIX
                + "2370390372260830740"));

        probe("ini");

        assertThat(abandoned.getParent()).doesNotExist();
        assertThat(live).exists();
        assertThat(unrelated).exists();
        assertThat(older).exists();
    }

    /** Once a dead bench's probe has been ended (under the lock), its folder goes with it, whoever's pid it names. */
    @Test
    void theFoldersOfProbesEndedAfterTheirBenchDiedAreDiscardedByMarker() throws IOException {
        String dead = "probe-0123456789abcdef01234567";
        Path left = Files.createDirectories(temporary.resolve(ProcessRunProbe.FOLDER_PREFIX
                + ProcessHandle.current().parent().orElseThrow().pid() + "-" + dead + "/bin"));
        Path other = Files.createDirectories(temporary.resolve(ProcessRunProbe.FOLDER_PREFIX
                + ProcessHandle.current().parent().orElseThrow().pid() + "-probe-89abcdef0123456789abcdef"));

        probe.discardLeftovers(List.of(dead));

        assertThat(left.getParent()).doesNotExist();
        assertThat(other).exists();
    }

    /** Whether a process still runs: a zombie (ended, its parent not reaping it, as orphans may be) has ended. */
    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        try {
            String text = Files.readString(stat);
            char state = text.substring(text.lastIndexOf(')') + 2).charAt(0);
            return state != 'Z' && state != 'X';
        } catch (java.nio.file.NoSuchFileException gone) {
            return false;
        }
    }

    @Test
    void theProjectsOwnPytestPluginsAndPythonPathAreKept() {
        Path loaded = dir.resolve("project-plugin-loaded");
        environment.put("PYTEST_PLUGINS", "project_plugin");
        environment.put("PYTHONPATH", project.resolve("plugins").toString());
        environment.put("PROJECT_PLUGIN_MARK", loaded.toString());

        assertThat(onlyPytest(probe("ini")).workers()).isEqualTo(2);
        assertThat(loaded).hasContent("loaded");
        assertThat(marker).doesNotExist();
    }
}
