package dev.offloadbench.domain.service.planning;

import static dev.offloadbench.domain.service.planning.Justfiles.assignment;
import static dev.offloadbench.domain.service.planning.Justfiles.justfile;
import static dev.offloadbench.domain.service.planning.Justfiles.line;
import static dev.offloadbench.domain.service.planning.Justfiles.recipe;
import static dev.offloadbench.domain.service.planning.Justfiles.var;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.offloadbench.domain.config.BenchConfig;
import dev.offloadbench.domain.config.ProjectConfig;
import dev.offloadbench.domain.justfile.Expression;
import dev.offloadbench.domain.justfile.Justfile;
import dev.offloadbench.domain.justfile.RecipeCall;
import dev.offloadbench.domain.justfile.SourceLine;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.plan.BenchmarkPlan;
import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.plan.Problem;
import dev.offloadbench.domain.plan.Secrets;
import dev.offloadbench.domain.port.in.PlanBenchmark.Query;
import dev.offloadbench.domain.port.out.ProjectFolders;
import dev.offloadbench.domain.port.out.JustfileReader;
import dev.offloadbench.domain.port.out.MachineProbe;
import dev.offloadbench.domain.port.out.OffloadConfigReader;
import dev.offloadbench.domain.port.out.OffloadConfigReader.OffloadConfig;
import dev.offloadbench.domain.port.out.ProbeListener;
import dev.offloadbench.domain.port.out.PytestConfigReader;
import dev.offloadbench.domain.port.out.PytestConfigReader.PytestConfig;
import dev.offloadbench.domain.port.out.ReadmeStore;
import dev.offloadbench.domain.port.out.RunProbe;
import dev.offloadbench.domain.probe.ObservedOffload;
import dev.offloadbench.domain.probe.ObservedPytest;
import dev.offloadbench.domain.probe.ProbeRequest;
import dev.offloadbench.domain.probe.ProbeResult;
import dev.offloadbench.domain.profile.BuiltInProfiles;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.service.containment.FakeLocks;
import dev.offloadbench.domain.run.Interrupted;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Planning with probes: the baseline's count is what xdist really starts, the high run's override
 * is the first one a probe shows to work, Offload's parallelism comes from offload's real command
 * line; a plan a probe contradicts is a problem. The probe here answers like the project would.
 */
class PlannerProbingTest {
    private static final Path DIR = Path.of("/projects/demo");
    private static final Path CONFIG_FILE = Path.of("/cfg/offload-bench.toml");
    private static final Duration LIMIT = Duration.ofMinutes(3);

    final JustfileReader just = mock(JustfileReader.class);
    final PytestConfigReader pytest = mock(PytestConfigReader.class);
    final OffloadConfigReader offloadConfigs = mock(OffloadConfigReader.class);
    final MachineProbe machine = mock(MachineProbe.class);
    final ReadmeStore readmes = mock(ReadmeStore.class);
    final ProfileRegistry profiles = new ProfileRegistry().install(new BuiltInProfiles());
    final List<ProbeRequest> probed = new ArrayList<>();
    final List<String> heard = new ArrayList<>();
    final FakeLocks.RecordingHeld held = new FakeLocks.RecordingHeld();
    /** How the project answers a probe. */
    Function<ProbeRequest, ProbeResult> project;

    @BeforeEach
    void setUp() {
        when(machine.cores()).thenReturn(2);
        when(pytest.find(any(), any())).thenReturn(Optional.empty());
    }

    private final RunProbe probe = (request, cancellation) -> {
        probed.add(request);
        return project.apply(request);
    };

    private final ProbeListener listener = new ProbeListener() {
        @Override
        public void probeStarted(String profileId, RunKind kind, String purpose, List<String> command,
                Map<String, String> environment) {
            heard.add("start " + profileId + " " + purpose);
        }

        @Override
        public void probeFinished(String profileId, RunKind kind, ProbeResult result) {
            heard.add("end " + result.workers());
        }
    };

    private BenchmarkPlan plan(String profile, List<RunKind> kinds) {
        return plan(profile, kinds, new Cancellation());
    }

    private BenchmarkPlan plan(String profile, List<RunKind> kinds, Cancellation cancellation) {
        BenchConfig config = new BenchConfig(Optional.of(CONFIG_FILE), Optional.of("Test rig"), Path.of("/offload"),
                Path.of("/offload/README.md"), List.of(ProjectConfig.at(profile, DIR)));
        Planner planner = new Planner(config, profiles, just, pytest, offloadConfigs, machine, readmes,
                folder -> ProjectFolders.State.FOLDER, probe, Map.of(), FakeLocks.free(held));
        return planner.plan(new Query(List.of(), kinds, true, LIMIT), listener, cancellation);
    }

    private static PlannedRun run(BenchmarkPlan plan, RunKind kind) {
        return plan.profiles().get(0).runs().stream().filter(r -> r.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " run in " + plan));
    }

    private static ProbeResult pytestStarts(int workers, Optional<String> numprocesses, OptionalInt fromOptions) {
        return ProbeResult.observed(List.of(new ObservedPytest(workers, numprocesses, OptionalInt.empty(), fromOptions,
                true, DIR, Optional.of(DIR.resolve("pyproject.toml")), DIR, List.of("tests"), "/usr/bin/python3")),
                List.of(), 0, Duration.ofMillis(800));
    }

    private static ProbeResult pytestStarts(int workers) {
        return pytestStarts(workers, Optional.of(Integer.toString(workers)), OptionalInt.of(workers));
    }

    /** mngr (HEAD): the count is in `_parallel`, next to `_skip_acceptance_and_release`; no Offload recipe. */
    private void mngrShapedJustfile() {
        Justfile justfile = justfile(List.of(recipe("test-integration", 20, line("uv run pytest ", var("_parallel"),
                " ", var("_skip_acceptance_and_release"), " --cov-fail-under=80"))), List.of(
                assignment("_parallel", new Expression.Literal("-n 4 --dist=worksteal --max-worker-restart=0"), 10),
                assignment("_skip_acceptance_and_release", new Expression.Literal("-m 'not acceptance and not release'"),
                        13)));
        when(just.read(DIR)).thenReturn(justfile);
        when(just.dryRun(eq(DIR), any())).thenAnswer(invocation -> {
            RecipeCall call = invocation.getArgument(1);
            return List.of("uv run pytest " + call.variables().getOrDefault("_parallel",
                    "-n 4 --dist=worksteal --max-worker-restart=0") + " -m 'not acceptance and not release'"
                    + " --cov-fail-under=80");
        });
    }

    /** What mngr's pytest starts: the -n of `_parallel` (its conftest honours PYTEST_NUMPROCESSES only without -n). */
    private static ProbeResult mngr(ProbeRequest request) {
        String parallel = request.command().stream().filter(word -> word.startsWith("_parallel="))
                .map(word -> word.substring("_parallel=".length())).findFirst()
                .orElse("-n 4 --dist=worksteal --max-worker-restart=0");
        return pytestStarts(Integer.parseInt(parallel.split(" ")[1]));
    }

    @Test
    void mngrsCountComesFromItsVariableAndTheHighRunSetsItKeepingTheOtherOptions() {
        mngrShapedJustfile();
        project = PlannerProbingTest::mngr;

        BenchmarkPlan plan = plan("mng", List.of(RunKind.BASELINE, RunKind.HIGH));

        assertThat(plan.problems()).as("a project without an Offload recipe still plans baseline and high")
                .isEmpty();
        PlannedRun baseline = run(plan, RunKind.BASELINE);
        assertThat(baseline.workers()).hasValue(4);
        assertThat(baseline.workersSource()).contains(new SourceLine(Justfiles.SOURCE, 10).toString());
        assertThat(baseline.verified()).isTrue();
        PlannedRun high = run(plan, RunKind.HIGH);
        assertThat(high.command()).containsExactly("just", "_parallel=-n 8 --dist=worksteal --max-worker-restart=0",
                "test-integration");
        assertThat(high.environment()).isEmpty();
        assertThat(high.workers()).hasValue(8);
        assertThat(high.probe()).map(ProbeResult::workers).contains(OptionalInt.of(8));
        // the profile's own variable first: mngr's conftest ignores it when -n is on the command line
        assertThat(probed).extracting(r -> String.join(" ", r.command()) + " " + r.environment()).containsExactly(
                "just test-integration {}",
                "just test-integration {PYTEST_NUMPROCESSES=8}",
                "just _parallel=-n 8 --dist=worksteal --max-worker-restart=0 test-integration {}");
        assertThat(probed).allMatch(r -> r.directory().equals(DIR) && r.timeout().equals(LIMIT));
        assertThat(heard).containsExactly("start mng baseline", "end OptionalInt[4]",
                "start mng high: environment variable PYTEST_NUMPROCESSES (the profile's override variable)",
                "end OptionalInt[4]",
                "start mng high: justfile variable `_parallel` (just _parallel=\"-n N --dist=worksteal"
                        + " --max-worker-restart=0\", keeping its other options)", "end OptionalInt[8]");
    }

    @Test
    void withoutAnOffloadRecipeAskingForTheOffloadRunIsAProblemNamingWhatToDo() {
        mngrShapedJustfile();
        project = PlannerProbingTest::mngr;

        BenchmarkPlan plan = plan("mng", List.of(RunKind.values()));

        assertThat(plan.problems()).extracting(Problem::message).singleElement().asString()
                .contains("has no recipe `test-offload`, and none of its recipes runs `offload run`")
                .contains("--kinds baseline,high");
        assertThat(plan.profiles().get(0).runs()).extracting(PlannedRun::kind)
                .containsExactly(RunKind.BASELINE, RunKind.HIGH);
    }

    /** mng (April 2026): `uv run pytest`, -n 4 in pyproject.toml's addopts. */
    private void mngShapedProject() {
        when(just.read(DIR)).thenReturn(justfile(recipe("test-integration", 67, line("uv run pytest"))));
        when(just.dryRun(eq(DIR), any())).thenReturn(List.of("uv run pytest"));
        Path pyproject = DIR.resolve("pyproject.toml");
        when(pytest.find(eq(DIR), any())).thenReturn(Optional.of(new PytestConfig(pyproject,
                Optional.of("-n 4 --dist=worksteal"), Optional.of(new SourceLine(pyproject, 58)))));
    }

    @Test
    void withoutTheProjectsHookTheProfilesVariableFailsAndPytestAddoptsIsKept() {
        mngShapedProject();
        project = request -> {
            String addopts = request.environment().getOrDefault("PYTEST_ADDOPTS", "");
            return pytestStarts(addopts.isEmpty() ? 4 : Integer.parseInt(addopts.split(" ")[1]));
        };

        BenchmarkPlan plan = plan("mng", List.of(RunKind.BASELINE, RunKind.HIGH));

        assertThat(plan.problems()).isEmpty();
        PlannedRun high = run(plan, RunKind.HIGH);
        assertThat(high.environment()).isEqualTo(Map.of("PYTEST_ADDOPTS", "-n 8"));
        assertThat(high.workers()).hasValue(8);
        assertThat(high.workersSource()).hasValueSatisfying(source -> assertThat(source).startsWith("PYTEST_ADDOPTS"));
        assertThat(probed).extracting(ProbeRequest::environment).containsExactly(Map.of(),
                Map.of("PYTEST_NUMPROCESSES", "8"), Map.of("PYTEST_ADDOPTS", "-n 8"));
    }

    @Test
    void withTheProjectsHookTheProfilesVariableIsKeptAtOnce() {
        mngShapedProject();
        project = request -> {
            String numprocesses = request.environment().get("PYTEST_NUMPROCESSES");
            return numprocesses == null ? pytestStarts(4)
                    : pytestStarts(Integer.parseInt(numprocesses), Optional.of("4"), OptionalInt.of(4));
        };

        BenchmarkPlan plan = plan("mng", List.of(RunKind.BASELINE, RunKind.HIGH));

        assertThat(run(plan, RunKind.HIGH).environment()).isEqualTo(Map.of("PYTEST_NUMPROCESSES", "8"));
        assertThat(probed).hasSize(2);
    }

    @Test
    void aBaselineTheReadingGetsWrongTakesTheProbesCountAndSaysSo() {
        mngShapedProject();
        // pytest.ini says -n 4 by reading, but something else makes xdist start 2
        project = request -> request.environment().containsKey("PYTEST_ADDOPTS") ? pytestStarts(4)
                : pytestStarts(2, Optional.of("4"), OptionalInt.of(4));

        BenchmarkPlan plan = plan("mng", List.of(RunKind.BASELINE, RunKind.HIGH));

        PlannedRun baseline = run(plan, RunKind.BASELINE);
        assertThat(baseline.workers()).hasValue(2);
        assertThat(baseline.notes()).contains("reading the justfile gives 4 (-n 4 at pyproject.toml:58),"
                + " but xdist starts 2: the probe's count is used");
        assertThat(baseline.notes()).anyMatch(note -> note.contains("a pytest_configure hook"));
        assertThat(run(plan, RunKind.HIGH).workers()).as("double the verified 2").hasValue(4);
    }

    @Test
    void aConftestCappingTheWorkersStopsThePlanNamingBothCountsAndTheFix() {
        mngShapedProject();
        project = request -> pytestStarts(2, Optional.of("4"), OptionalInt.of(
                request.environment().containsKey("PYTEST_ADDOPTS") ? 8 : 4));

        BenchmarkPlan plan = plan("mng", List.of(RunKind.BASELINE, RunKind.HIGH));

        assertThat(plan.complete()).isFalse();
        assertThat(plan.problems()).extracting(Problem::message).singleElement().asString()
                .startsWith("the high run needs 4 xdist workers, but no way to ask for them works: the baseline"
                        + " starts 2")
                .contains("environment variable PYTEST_NUMPROCESSES (the profile's override variable) gives 2")
                .contains("PYTEST_ADDOPTS=\"-n N\"")
                .contains("The options asked for 4, but a pytest_configure hook (a conftest or plugin of the project)"
                        + " lowers xdist's workers to 2: lift that cap, or ask for at most 2 with high_workers under"
                        + " [projects.mng] in /cfg/offload-bench.toml.")
                .endsWith("Nothing was timed.");
        assertThat(plan.profiles().get(0).runs()).extracting(PlannedRun::kind).containsExactly(RunKind.BASELINE);
    }

    @Test
    void aProbeThatCannotRunIsAProblemWithTheCommandsLastLines() {
        mngShapedProject();
        project = request -> new ProbeResult(ProbeResult.Outcome.OBSERVED, List.of(), List.of(), 2,
                Duration.ofMillis(300), "", List.of("error: Failed to spawn: `pytest`", "  Caused by: No such file"),
                List.of());

        BenchmarkPlan plan = plan("mng", List.of(RunKind.BASELINE, RunKind.HIGH));

        assertThat(plan.problems()).extracting(Problem::message).singleElement().asString()
                .startsWith("probing `just test-integration`: the recipe exited 2 after 0.3 s without starting"
                        + " pytest, so its worker count cannot be verified")
                .contains("--no-probe")
                .endsWith("its last output:\n      | error: Failed to spawn: `pytest`\n      |   Caused by: No such"
                        + " file");
        assertThat(plan.profiles().get(0).runs()).isEmpty();
    }

    @Test
    void aProbePastItsLimitIsAProblem() {
        mngShapedProject();
        project = request -> ProbeResult.failed(ProbeResult.Outcome.TIMED_OUT, "the command did not finish within"
                + " the probe's limit of 3 min", -1, Duration.ofMinutes(3), List.of("building the frontend"));

        BenchmarkPlan plan = plan("mng", List.of(RunKind.BASELINE));

        assertThat(plan.problems()).extracting(Problem::message).singleElement().asString()
                .contains("did not finish within the probe's limit of 3 min").contains("building the frontend");
    }

    @Test
    void anInterruptedProbeStopsPlanningAndSaysNothingWasRun() {
        mngShapedProject();
        Cancellation cancellation = new Cancellation();
        project = request -> {
            cancellation.cancel();
            return ProbeResult.failed(ProbeResult.Outcome.CANCELLED, "interrupted", -1, Duration.ZERO, List.of());
        };

        assertThatThrownBy(() -> plan("mng", List.of(RunKind.BASELINE, RunKind.HIGH), cancellation))
                .isInstanceOf(Interrupted.class)
                .hasMessageContaining("interrupted while probing mng baseline")
                .hasMessageContaining("nothing was run or recorded");
        assertThat(probed).hasSize(1);
    }

    @Test
    void aPlanKeepsWhatTheProbesSawButNotTheirOutput() {
        mngShapedProject();
        project = request -> new ProbeResult(ProbeResult.Outcome.OBSERVED, pytestStarts(4).pytest(), List.of(), 0,
                Duration.ofSeconds(1), "", List.of("some output"), List.of());

        BenchmarkPlan plan = plan("mng", List.of(RunKind.BASELINE));

        assertThat(run(plan, RunKind.BASELINE).probe()).hasValueSatisfying(kept -> {
            assertThat(kept.outputTail()).isEmpty();
            assertThat(kept.pytest()).isEqualTo(pytestStarts(4).pytest());
        });
    }

    /** sculptor (HEAD): the Offload recipe is test-offload, `offload run --trace {{args}}`. */
    private void offloadRecipe(String printed) {
        when(just.read(DIR)).thenReturn(justfile(recipe("test-offload", 40, line("offload run --trace"))));
        when(just.dryRun(eq(DIR), any())).thenReturn(List.of(printed));
        Path config = DIR.resolve("offload.toml");
        when(offloadConfigs.read(config)).thenReturn(new OffloadConfig(config, OptionalInt.of(200),
                Optional.of(new SourceLine(config, 9)), Optional.of(OffloadProvider.MODAL)));
        Path other = DIR.resolve("offload-ci.toml");
        when(offloadConfigs.read(other)).thenReturn(new OffloadConfig(other, OptionalInt.of(40),
                Optional.of(new SourceLine(other, 2)), Optional.of(OffloadProvider.MODAL)));
    }

    private BenchmarkPlan planOffload(String recipe) {
        BenchConfig config = new BenchConfig(Optional.of(CONFIG_FILE), Optional.of("Test rig"), Path.of("/offload"),
                Path.of("/offload/README.md"), List.of(new ProjectConfig("sculptor", DIR, Optional.empty(),
                        Optional.of(recipe), OptionalInt.empty(), Optional.empty(), Map.of())));
        return new Planner(config, profiles, just, pytest, offloadConfigs, machine, readmes, folder -> ProjectFolders.State.FOLDER, probe,
                Map.of(), FakeLocks.free(held)).plan(new Query(List.of(), List.of(RunKind.OFFLOAD), true, LIMIT), listener,
                        new Cancellation());
    }

    @Test
    void offloadsParallelismComesFromTheCommandLineTheProbeSaw() {
        offloadRecipe("offload run --trace");
        // the shell passed a config file the justfile's text does not show
        project = request -> ProbeResult.observed(List.of(), List.of(new ObservedOffload(DIR, List.of("--version")),
                new ObservedOffload(DIR, List.of("-c", "offload-ci.toml", "run", "--trace"))), 0, Duration.ofSeconds(1));

        BenchmarkPlan plan = planOffload("test-offload");

        assertThat(plan.problems()).isEmpty();
        PlannedRun offload = run(plan, RunKind.OFFLOAD);
        assertThat(offload.maxParallel()).hasValue(40);
        assertThat(offload.maxParallelSource()).contains("offload-ci.toml:2");
        assertThat(offload.notes()).contains("reading the justfile gives max_parallel 200 (offload.toml:9),"
                + " but offload is started with 40: the probe's is used");
        assertThat(probed).extracting(ProbeRequest::kind).containsExactly(RunKind.OFFLOAD);
    }

    @Test
    void anOffloadRecipeThatNeverStartsOffloadRunIsAProblem() {
        offloadRecipe("offload run --trace");
        project = request -> new ProbeResult(ProbeResult.Outcome.OBSERVED, List.of(),
                List.of(new ObservedOffload(DIR, List.of("--version"))), 1, Duration.ofSeconds(1), "",
                List.of("Error: modal is not configured"), List.of());

        BenchmarkPlan plan = planOffload("test-offload");

        assertThat(plan.problems()).extracting(Problem::message).singleElement().asString()
                .contains("the recipe exited 1 after 1.0 s without starting `offload run` (it ran offload --version)")
                .contains("Error: modal is not configured");
    }

    // ---------------------------------------------------------------- the machine's lock, markers

    /**
     * Probes run recipes: the plan takes the machine's lock first, and records each probe's
     * marker with it before the probe starts, clearing it once the probe has ended.
     */
    @Test
    void probingTakesTheLockAndRecordsEachProbesMarkerBeforeItStarts() {
        mngrShapedJustfile();
        List<String> eventsAtEachProbe = new ArrayList<>();
        project = request -> {
            eventsAtEachProbe.add(String.join(",", held.events));
            return mngr(request);
        };

        plan("mng", List.of(RunKind.BASELINE, RunKind.HIGH));

        assertThat(probed).hasSize(3);
        assertThat(probed).extracting(ProbeRequest::marker).doesNotHaveDuplicates()
                .allSatisfy(marker -> assertThat(marker).startsWith("probe-"));
        for (int i = 0; i < probed.size(); i++) {
            assertThat(eventsAtEachProbe.get(i)).as("the lock is held and the marker recorded as probe %d starts", i)
                    .startsWith("taken").endsWith("record " + probed.get(i).marker());
        }
        assertThat(held.events).endsWith("clear " + probed.get(2).marker(), "released");
        assertThat(held.recordedProbes()).as("every record cleared once its probe ended").isEmpty();
    }

    @Test
    void readingAloneTakesNoLock() {
        mngrShapedJustfile();
        BenchConfig config = new BenchConfig(Optional.of(CONFIG_FILE), Optional.of("Test rig"), Path.of("/offload"),
                Path.of("/offload/README.md"), List.of(ProjectConfig.at("mng", DIR)));

        new Planner(config, profiles, just, pytest, offloadConfigs, machine, readmes,
                folder -> ProjectFolders.State.FOLDER, probe, Map.of(), FakeLocks.free(held))
                .plan(new Query(List.of(), List.of(RunKind.BASELINE, RunKind.HIGH), false, LIMIT));

        assertThat(held.events).isEmpty();
        assertThat(probed).isEmpty();
    }

    // ---------------------------------------------------------------- reading ahead, before the lock

    private Planner planner(ProjectConfig project) {
        BenchConfig config = new BenchConfig(Optional.of(CONFIG_FILE), Optional.of("Test rig"), Path.of("/offload"),
                Path.of("/offload/README.md"), List.of(project));
        return new Planner(config, profiles, just, pytest, offloadConfigs, machine, readmes,
                folder -> ProjectFolders.State.FOLDER, probe, Map.of(), FakeLocks.free(held));
    }

    @Test
    void readingAheadRunsNoProbeAndTakesNoLock() {
        mngrShapedJustfile();
        project = PlannerProbingTest::mngr;

        BenchmarkPlan ahead = planner(ProjectConfig.at("mng", DIR))
                .readAhead(new Query(List.of(), List.of(RunKind.BASELINE, RunKind.HIGH), true, LIMIT));

        assertThat(ahead.problems()).isEmpty();
        assertThat(probed).isEmpty();
        assertThat(held.events).isEmpty();
    }

    /** What no probe can change stops the session before the lock: a recipe the justfile does not have. */
    @Test
    void readingAheadFindsAMissingRecipeAsARecipeProblem() {
        mngrShapedJustfile();

        BenchmarkPlan ahead = planner(ProjectConfig.at("mng", DIR))
                .readAhead(new Query(List.of(), List.of(RunKind.values()), true, LIMIT));

        assertThat(ahead.problems()).extracting(Problem::kind).containsExactly(Problem.Kind.RECIPE);
        assertThat(probed).isEmpty();
    }

    /** A count reading cannot tell is no problem before probing: the probe finds it. */
    @Test
    void aCountReadingCannotTellDoesNotStopReadingAhead() {
        when(just.read(DIR)).thenReturn(justfile(recipe("test-integration", 3, line("./run-tests.sh"))));
        when(just.dryRun(eq(DIR), any())).thenReturn(List.of("./run-tests.sh"));
        project = request -> pytestStarts(3);
        Query query = new Query(List.of(), List.of(RunKind.BASELINE), true, LIMIT);

        BenchmarkPlan ahead = planner(ProjectConfig.at("mng", DIR)).readAhead(query);
        BenchmarkPlan probedPlan = planner(ProjectConfig.at("mng", DIR)).plan(query, listener, new Cancellation());

        assertThat(ahead.problems()).isEmpty();
        assertThat(probedPlan.problems()).isEmpty();
        assertThat(run(probedPlan, RunKind.BASELINE).workers()).hasValue(3);
    }

    // ---------------------------------------------------------------- what a probe cannot intercept

    /** offload started by its path would be the real Offload, running every test: not probed, read instead. */
    @Test
    void anOffloadStartedByItsPathIsNotProbedButPlannedByReadingSayingWhy() {
        offloadRecipe("/opt/bin/offload -c offload-ci.toml run");

        BenchmarkPlan plan = planOffload("test-offload");

        assertThat(probed).isEmpty();
        assertThat(plan.problems()).isEmpty();
        PlannedRun offload = run(plan, RunKind.OFFLOAD);
        assertThat(offload.maxParallel()).hasValue(40);
        assertThat(offload.verified()).isFalse();
        assertThat(offload.notes()).anySatisfy(note -> assertThat(note).startsWith("not probed: it starts offload"
                + " by its path (`/opt/bin/offload`)").contains("planned by reading the justfile"));
    }

    @Test
    void anOffloadBuiltAndStartedWithCargoRunIsNotProbed() {
        offloadRecipe("cargo run --release -- -c offload-ci.toml run");

        BenchmarkPlan plan = planOffload("test-offload");

        assertThat(probed).isEmpty();
        assertThat(plan.problems()).extracting(Problem::message).singleElement().asString()
                .contains("cannot be probed safely: it builds and starts a program with `cargo run`");
    }

    @Test
    void anOffloadStartedThroughALauncherWithItsOwnPathIsNotProbed() {
        offloadRecipe("uv run offload -c offload-ci.toml run");

        BenchmarkPlan plan = planOffload("test-offload");

        assertThat(probed).isEmpty();
        assertThat(run(plan, RunKind.OFFLOAD).notes()).anySatisfy(note -> assertThat(note)
                .contains("it starts offload through `uv`"));
    }

    @Test
    void aRecipeThatPutsAnotherFolderFirstOnThePathIsNotProbed() {
        offloadRecipe("PATH=/opt/offload/bin:$PATH offload -c offload-ci.toml run");

        BenchmarkPlan plan = planOffload("test-offload");

        assertThat(probed).isEmpty();
        assertThat(run(plan, RunKind.OFFLOAD).notes()).anySatisfy(note -> assertThat(note)
                .contains("it sets PATH (`PATH=/opt/offload/bin:$PATH`)"));
    }

    /** A recipe that keeps the probe's plugin out of pytest would run every test: read, not probed. */
    @Test
    void aPytestThatBlocksTheProbesPluginIsNotProbed() {
        when(just.read(DIR)).thenReturn(justfile(recipe("test-integration", 3,
                line("uv run pytest -p no:offload_bench_probe -n 4 tests"))));
        when(just.dryRun(eq(DIR), any())).thenReturn(List.of("uv run pytest -p no:offload_bench_probe -n 4 tests"));

        BenchmarkPlan plan = plan("mng", List.of(RunKind.BASELINE));

        assertThat(probed).isEmpty();
        PlannedRun baseline = run(plan, RunKind.BASELINE);
        assertThat(baseline.workers()).hasValue(4);
        assertThat(baseline.verified()).isFalse();
        assertThat(baseline.notes()).anySatisfy(note -> assertThat(note)
                .startsWith("not probed: it blocks the probe's pytest plugin"));
    }

    @Test
    void aPytestWhosePluginVariablesTheRecipeUnsetsIsNotProbed() {
        when(just.read(DIR)).thenReturn(justfile(recipe("test-integration", 3,
                line("env -u PYTEST_PLUGINS uv run pytest -n 4 tests"))));
        when(just.dryRun(eq(DIR), any())).thenReturn(List.of("env -u PYTEST_PLUGINS uv run pytest -n 4 tests"));

        BenchmarkPlan plan = plan("mng", List.of(RunKind.BASELINE));

        assertThat(probed).isEmpty();
        assertThat(run(plan, RunKind.BASELINE).notes()).anySatisfy(note -> assertThat(note)
                .contains("it unsets PYTEST_PLUGINS"));
    }

    @Test
    void aPythonPathThatKeepsTheInheritedOneStillLetsTheProbeIn() {
        mngShapedProject();
        when(just.dryRun(eq(DIR), any())).thenReturn(List.of("PYTHONPATH=src${PYTHONPATH:+:$PYTHONPATH} uv run pytest"));
        project = request -> pytestStarts(4);

        plan("mng", List.of(RunKind.BASELINE));

        assertThat(probed).hasSize(1);
    }

    // ---------------------------------------------------------------- secrets

    /** A recipe hands a secret on: what the probe saw and printed is masked before anyone sees or stores it. */
    @Test
    void secretsTheRecipeHandsOnAreMaskedInWhatTheProbeSawInProblemsAndInWhatTheListenerHears() {
        offloadRecipe("offload -c offload-ci.toml run --token \"$API_TOKEN\"");
        BenchConfig config = new BenchConfig(Optional.of(CONFIG_FILE), Optional.of("Test rig"), Path.of("/offload"),
                Path.of("/offload/README.md"), List.of(new ProjectConfig("sculptor", DIR, Optional.empty(),
                        Optional.of("test-offload"), OptionalInt.empty(), Optional.empty(),
                        Map.of("API_TOKEN", "supersecret123"))));
        project = request -> ProbeResult.observed(List.of(), List.of(new ObservedOffload(DIR,
                List.of("-c", "offload-ci.toml", "run", "--token", request.environment().get("API_TOKEN")))), 0,
                Duration.ofSeconds(1));
        List<ProbeResult> heardResults = new ArrayList<>();
        ProbeListener recording = new ProbeListener() {
            @Override
            public void probeFinished(String profileId, RunKind kind, ProbeResult result) {
                heardResults.add(result);
            }
        };
        Planner planner = new Planner(config, profiles, just, pytest, offloadConfigs, machine, readmes,
                folder -> ProjectFolders.State.FOLDER, probe, Map.of("MODAL_TOKEN_SECRET", "as-modal-secret"),
                FakeLocks.free(held));

        BenchmarkPlan plan = planner.plan(new Query(List.of(), List.of(RunKind.OFFLOAD), true, LIMIT), recording,
                new Cancellation());
        project = request -> new ProbeResult(ProbeResult.Outcome.FAILED, List.of(), List.of(), 1,
                Duration.ofSeconds(1), "exited: using token supersecret123 and as-modal-secret", List.of(
                        "using token supersecret123"), List.of());
        BenchmarkPlan failed = planner.plan(new Query(List.of(), List.of(RunKind.OFFLOAD), true, LIMIT), recording,
                new Cancellation());

        assertThat(probed.get(0).environment()).as("the probe itself gets the real value")
                .containsEntry("API_TOKEN", "supersecret123");
        assertThat(run(plan, RunKind.OFFLOAD).probe().orElseThrow().offload().get(0).arguments())
                .containsExactly("-c", "offload-ci.toml", "run", "--token", Secrets.REDACTED);
        assertThat(run(plan, RunKind.OFFLOAD).environment()).as("the run gets the real value")
                .containsEntry("API_TOKEN", "supersecret123");
        assertThat(heardResults.get(0).offload().get(0).arguments()).doesNotContain("supersecret123");
        assertThat(heardResults.get(1).problem()).isEqualTo("exited: using token <redacted> and <redacted>");
        assertThat(heardResults.get(1).outputTail()).containsExactly("using token <redacted>");
        assertThat(failed.problems()).extracting(Problem::message).singleElement().asString()
                .doesNotContain("supersecret123", "as-modal-secret").contains("using token <redacted>");
    }
}
