package dev.offloadbench.domain.service.planning;

import static dev.offloadbench.domain.service.planning.Justfiles.assignment;
import static dev.offloadbench.domain.service.planning.Justfiles.envOrDefault;
import static dev.offloadbench.domain.service.planning.Justfiles.justfile;
import static dev.offloadbench.domain.service.planning.Justfiles.line;
import static dev.offloadbench.domain.service.planning.Justfiles.parameter;
import static dev.offloadbench.domain.service.planning.Justfiles.recipe;
import static dev.offloadbench.domain.service.planning.Justfiles.var;
import static dev.offloadbench.domain.service.planning.Justfiles.withParameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.config.BenchConfig;
import dev.offloadbench.domain.config.ProjectConfig;
import dev.offloadbench.domain.justfile.Justfile;
import dev.offloadbench.domain.justfile.Recipe;
import dev.offloadbench.domain.justfile.RecipeCall;
import dev.offloadbench.domain.justfile.SourceLine;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.plan.BenchmarkPlan;
import dev.offloadbench.domain.plan.MachineDescription;
import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.plan.Problem;
import dev.offloadbench.domain.plan.ProjectPlan;
import dev.offloadbench.domain.port.in.PlanBenchmark.Query;
import dev.offloadbench.domain.port.out.ProjectFolders;
import dev.offloadbench.domain.port.out.JustfileReader;
import dev.offloadbench.domain.port.out.MachineProbe;
import dev.offloadbench.domain.port.out.OffloadConfigReader;
import dev.offloadbench.domain.port.out.OffloadConfigReader.OffloadConfig;
import dev.offloadbench.domain.port.out.PytestConfigReader;
import dev.offloadbench.domain.port.out.PytestConfigReader.PytestConfig;
import dev.offloadbench.domain.port.out.ReadmeStore;
import dev.offloadbench.domain.port.out.RunProbe;
import dev.offloadbench.domain.profile.BuiltInProfiles;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.service.containment.FakeLocks;
import dev.offloadbench.domain.spi.ProfileProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {
    private static final Path CONFIG_FILE = Path.of("/cfg/offload-bench.toml");
    private static final String MACHINE = "Test rig (4 cores), 8 GB RAM";
    /** A profile without an override variable of its own: {@code test-integration}, {@code test-offload}. */
    private static final Profile PLAIN = new Profile("plain", "Plain", "Tests", List.of());

    @TempDir
    Path root;
    Path mngDir;
    Path sculptorDir;
    Path plainDir;

    final JustfileReader just = mock(JustfileReader.class);
    final PytestConfigReader pytest = mock(PytestConfigReader.class);
    final OffloadConfigReader offloadConfigs = mock(OffloadConfigReader.class);
    final MachineProbe machine = mock(MachineProbe.class);
    final ReadmeStore readmes = mock(ReadmeStore.class);
    final RunProbe probe = mock(RunProbe.class);
    final ProfileRegistry profiles = new ProfileRegistry().install(new BuiltInProfiles())
            .install(new ProfileProvider() {
                @Override
                public List<Profile> profiles() {
                    return List.of(PLAIN);
                }
            });

    /** What {@code just --dry-run} prints, by project folder and recipe, given the call. */
    final Map<Path, Map<String, Function<RecipeCall, List<String>>>> dryRuns = new HashMap<>();
    final List<RecipeCall> calls = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        mngDir = Files.createDirectory(root.resolve("mng"));
        sculptorDir = Files.createDirectory(root.resolve("sculptor"));
        plainDir = Files.createDirectory(root.resolve("plain"));
        when(pytest.find(any(), any())).thenReturn(Optional.empty());
        when(machine.cores()).thenReturn(4);
        when(machine.describe()).thenReturn(Optional.of("detected machine"));
        when(just.dryRun(any(), any())).thenAnswer(invocation -> {
            Path directory = invocation.getArgument(0);
            RecipeCall call = invocation.getArgument(1);
            calls.add(call);
            Function<RecipeCall, List<String>> script = dryRuns.getOrDefault(directory, Map.of()).get(call.recipe());
            if (script == null) {
                throw new BenchException("justfile does not contain recipe `" + call.recipe() + "`");
            }
            return script.apply(call);
        });
    }

    // ---------------------------------------------------------------- helpers

    private void justfileIn(Path directory, Justfile justfile) {
        when(just.read(directory)).thenReturn(justfile);
    }

    private void dryRun(Path directory, String recipe, Function<RecipeCall, List<String>> script) {
        dryRuns.computeIfAbsent(directory, d -> new HashMap<>()).put(recipe, script);
    }

    private void dryRun(Path directory, String recipe, String... lines) {
        dryRun(directory, recipe, call -> List.of(lines));
    }

    private void offloadConfig(Path file, int maxParallel, int line) {
        when(offloadConfigs.read(file)).thenReturn(new OffloadConfig(file, OptionalInt.of(maxParallel),
                Optional.of(new SourceLine(file, line)), Optional.of(OffloadProvider.MODAL)));
    }

    /** The usual Offload recipe: {@code offload run} with offload.toml's max_parallel 50 on line 3. */
    private Recipe offloadRecipe(Path directory, String name) {
        dryRun(directory, name, "offload run");
        offloadConfig(directory.resolve("offload.toml"), 50, 3);
        return recipe(name, 30, line("offload run"));
    }

    private static BenchConfig config(Optional<String> machine, ProjectConfig... projects) {
        return new BenchConfig(Optional.of(CONFIG_FILE), machine, Path.of("/offload"),
                Path.of("/offload/README.md"), List.of(projects));
    }

    private static BenchConfig config(ProjectConfig... projects) {
        return config(Optional.of(MACHINE), projects);
    }

    private Planner planner(BenchConfig config) {
        return new Planner(config, profiles, just, pytest, offloadConfigs, machine, readmes, PlannerTest::onDisk,
                probe, Map.of(), FakeLocks.free(new FakeLocks.RecordingHeld()));
    }

    private BenchmarkPlan plan(ProjectConfig... projects) {
        return planner(config(projects)).plan(new Query(List.of()));
    }

    private static ProjectPlan only(BenchmarkPlan plan) {
        assertThat(plan.profiles()).hasSize(1);
        return plan.profiles().get(0);
    }

    private static PlannedRun run(BenchmarkPlan plan, RunKind kind) {
        return only(plan).runs().stream().filter(r -> r.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " run in " + plan));
    }

    private static List<String> messages(BenchmarkPlan plan) {
        return plan.problems().stream().map(Problem::message).toList();
    }

    // ---------------------------------------------------------------- (1) literal -n

    @Test
    void literalCountInTheRecipeGivesTheBaselineAndAProblemForTheHighRun() {
        dryRun(mngDir, "test-integration", "uv run pytest -n 4 tests");
        justfileIn(mngDir, justfile(recipe("test-integration", 5, line("uv run pytest -n 4 tests")),
                offloadRecipe(mngDir, "test-offload")));

        BenchmarkPlan plan = plan(ProjectConfig.at("mng", mngDir));

        assertThat(only(plan).runs()).extracting(PlannedRun::kind).containsExactly(RunKind.BASELINE, RunKind.OFFLOAD);
        PlannedRun baseline = run(plan, RunKind.BASELINE);
        assertThat(baseline.recipe()).isEqualTo("test-integration");
        assertThat(baseline.command()).containsExactly("just", "test-integration");
        assertThat(baseline.environment()).isEmpty();
        assertThat(baseline.directory()).isEqualTo(mngDir);
        assertThat(baseline.workers()).hasValue(4);
        assertThat(baseline.workersSource()).contains("justfile:6");
        assertThat(baseline.warmups()).isZero();
        assertThat(baseline.maxParallel()).isEmpty();

        assertThat(plan.complete()).isFalse();
        assertThat(plan.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.profileId()).contains("mng");
            assertThat(problem.message())
                    .startsWith("cannot run recipe `test-integration` with 8 workers: its -n 4 at justfile:6 is"
                            + " written literally, so no variable can change it.")
                    // an environment variable cannot beat a literal -n: the message does not suggest workers_env
                    .doesNotContain("workers_env")
                    .endsWith("variable `-n {{workers}}`).");
        });
    }

    // ---------------------------------------------------------------- (2) -n {{workers}}

    private Justfile interpolatedWorkers(Function<RecipeCall, List<String>> script) {
        dryRun(mngDir, "test-integration", script);
        return justfile(List.of(recipe("test-integration", 3, line("uv run pytest -n ", var("workers"), " tests")),
                offloadRecipe(mngDir, "test-offload")),
                List.of(assignment("workers", envOrDefault("PYTEST_NUMPROCESSES", "4"), 1)));
    }

    /** What just prints: an override wins, else env_var_or_default reads the environment, else 4. */
    private static List<String> justEvaluatingWorkers(RecipeCall call) {
        String workers = call.variables().getOrDefault("workers",
                call.environment().getOrDefault("PYTEST_NUMPROCESSES", "4"));
        return List.of("uv run pytest -n " + workers + " tests");
    }

    @Test
    void interpolatedVariableReadingAnEnvironmentVariableIsOverriddenThroughIt() {
        justfileIn(mngDir, interpolatedWorkers(PlannerTest::justEvaluatingWorkers));

        BenchmarkPlan plan = plan(ProjectConfig.at("mng", mngDir));

        assertThat(plan.problems()).isEmpty();
        assertThat(only(plan).runs()).extracting(PlannedRun::kind)
                .containsExactly(RunKind.BASELINE, RunKind.HIGH, RunKind.OFFLOAD);
        PlannedRun baseline = run(plan, RunKind.BASELINE);
        assertThat(baseline.workers()).hasValue(4);
        assertThat(baseline.workersSource()).contains("justfile:1");

        PlannedRun high = run(plan, RunKind.HIGH);
        assertThat(high.workers()).hasValue(8);
        assertThat(high.command()).containsExactly("just", "test-integration");
        assertThat(high.environment()).containsExactlyEntriesOf(Map.of("PYTEST_NUMPROCESSES", "8"));
        assertThat(high.workersSource())
                .contains("environment variable PYTEST_NUMPROCESSES (read by justfile variable `workers`)");
        assertThat(high.notes()).first().isEqualTo("high = double the default, capped at 8");
        assertThat(high.warmups()).isZero();
        // the override was checked with a second dry run
        verify(just).dryRun(mngDir, RecipeCall.of("test-integration")
                .withEnvironment(Map.of("PYTEST_NUMPROCESSES", "8")));
    }

    @Test
    void whenTheEnvironmentVariableChangesNothingTheJustVariableIsSet() {
        // the dry run ignores PYTEST_NUMPROCESSES: only `just workers=N` changes the count
        justfileIn(mngDir, interpolatedWorkers(call ->
                List.of("uv run pytest -n " + call.variables().getOrDefault("workers", "4") + " tests")));

        BenchmarkPlan plan = plan(ProjectConfig.at("mng", mngDir));

        assertThat(plan.problems()).isEmpty();
        PlannedRun high = run(plan, RunKind.HIGH);
        assertThat(high.command()).containsExactly("just", "workers=8", "test-integration");
        assertThat(high.environment()).isEmpty();
        assertThat(high.workers()).hasValue(8);
        assertThat(high.workersSource()).contains("justfile variable `workers` (just workers=N)");
    }

    @Test
    void whenNoOverrideChangesTheCountTheProblemSaysWhatWasTried() {
        justfileIn(mngDir, interpolatedWorkers(call -> List.of("uv run pytest -n 4 tests")));

        BenchmarkPlan plan = plan(ProjectConfig.at("mng", mngDir));

        assertThat(only(plan).runs()).extracting(PlannedRun::kind).containsExactly(RunKind.BASELINE, RunKind.OFFLOAD);
        assertThat(messages(plan)).singleElement().asString()
                .contains("cannot run recipe `test-integration` with 8 workers")
                .contains("environment variable PYTEST_NUMPROCESSES (read by justfile variable `workers`) gives 4"
                        + " workers, not 8")
                .contains("justfile variable `workers` (just workers=N) gives 4 workers, not 8");
    }

    @Test
    void countInARecipeParameterIsPassedAsAnArgument() {
        dryRun(mngDir, "test-integration", call ->
                List.of("pytest -n " + (call.arguments().isEmpty() ? "4" : call.arguments().get(0))));
        Recipe test = withParameters(recipe("test-integration", 3, line("pytest -n ", var("workers"))),
                parameter("workers", "4"));
        justfileIn(mngDir, justfile(test, offloadRecipe(mngDir, "test-offload")));

        BenchmarkPlan plan = plan(ProjectConfig.at("mng", mngDir));

        assertThat(plan.problems()).isEmpty();
        assertThat(run(plan, RunKind.BASELINE).workersSource()).contains("justfile:3");
        PlannedRun high = run(plan, RunKind.HIGH);
        assertThat(high.command()).containsExactly("just", "test-integration", "8");
        assertThat(high.workersSource()).contains("recipe parameter `workers` (just test-integration N)");
    }

    @Test
    void parameterAfterOneWithoutAPlainDefaultCannotBePassed() {
        dryRun(mngDir, "test-integration", "pytest tests -n 4");
        Recipe test = withParameters(recipe("test-integration", 3, line("pytest ", var("paths"), " -n ",
                var("workers"))), parameter("paths", null), parameter("workers", "4"));
        justfileIn(mngDir, justfile(test, offloadRecipe(mngDir, "test-offload")));

        BenchmarkPlan plan = plan(ProjectConfig.at("mng", mngDir));

        assertThat(messages(plan)).singleElement().asString()
                .contains("the parameter before it, `paths`, has no plain default");
    }

    // ---------------------------------------------------------------- (3) ${XDIST_WORKERS:-3} with -n auto

    private void sculptorWithAutoAndShellCap() {
        dryRun(sculptorDir, "test-integration", "#!/usr/bin/env bash",
                "uv run pytest -n auto --maxprocesses ${XDIST_WORKERS:-3} tests");
        dryRun(sculptorDir, "test-integration-offload", "offload -c offload-modal.toml run");
        offloadConfig(sculptorDir.resolve("offload-modal.toml"), 200, 4);
        justfileIn(sculptorDir, justfile(
                recipe("test-integration", 10, line("#!/usr/bin/env bash"),
                        line("uv run pytest -n auto --maxprocesses ${XDIST_WORKERS:-3} tests")),
                recipe("test-integration-offload", 20, line("offload -c offload-modal.toml run"))));
    }

    @Test
    void autoCappedByAShellVariableOnAManyCoreMachine() {
        sculptorWithAutoAndShellCap();
        when(machine.cores()).thenReturn(16);

        BenchmarkPlan plan = plan(ProjectConfig.at("sculptor", sculptorDir));

        assertThat(plan.problems()).isEmpty();
        PlannedRun baseline = run(plan, RunKind.BASELINE);
        assertThat(baseline.workers()).hasValue(3);
        assertThat(baseline.workersSource()).contains("justfile:12");
        assertThat(baseline.environment()).containsExactlyEntriesOf(Map.of("JUST_VERBOSE", "1"));
        assertThat(baseline.notes()).contains("-n auto starts one worker per core: 16 on this machine");

        PlannedRun high = run(plan, RunKind.HIGH);
        assertThat(high.workers()).hasValue(8);
        assertThat(high.command()).containsExactly("just", "test-integration");
        assertThat(high.environment()).isEqualTo(Map.of("JUST_VERBOSE", "1", "XDIST_WORKERS", "8"));
        assertThat(high.workersSource()).contains("environment variable XDIST_WORKERS (read by the recipe's shell)");
        assertThat(high.notes()).first().isEqualTo("high = fixed at 8");

        PlannedRun offload = run(plan, RunKind.OFFLOAD);
        assertThat(offload.maxParallel()).hasValue(200);
        assertThat(offload.maxParallelSource()).contains("offload-modal.toml:4");
    }

    @Test
    void autoOnATwoCoreMachineStartsTwoAndTheHighRunAlsoSetsTheAutoCount() {
        sculptorWithAutoAndShellCap();
        when(machine.cores()).thenReturn(2);

        BenchmarkPlan plan = plan(ProjectConfig.at("sculptor", sculptorDir));

        assertThat(plan.problems()).isEmpty();
        assertThat(run(plan, RunKind.BASELINE).workers()).hasValue(2);
        PlannedRun high = run(plan, RunKind.HIGH);
        assertThat(high.workers()).hasValue(8);
        assertThat(high.environment()).isEqualTo(Map.of("JUST_VERBOSE", "1", "XDIST_WORKERS", "8",
                "PYTEST_XDIST_AUTO_NUM_WORKERS", "8"));
        assertThat(high.notes()).contains("-n auto would start only 2 workers on this machine;"
                + " PYTEST_XDIST_AUTO_NUM_WORKERS=8 makes it start 8");
    }

    @Test
    void plainAutoIsRaisedWithTheAutoCount() {
        dryRun(plainDir, "test-integration", "pytest -n auto");
        justfileIn(plainDir, justfile(recipe("test-integration", 1, line("pytest -n auto")),
                offloadRecipe(plainDir, "test-offload")));

        BenchmarkPlan plan = plan(ProjectConfig.at("plain", plainDir));

        assertThat(plan.problems()).isEmpty();
        assertThat(run(plan, RunKind.BASELINE).workers()).hasValue(4);
        PlannedRun high = run(plan, RunKind.HIGH);
        assertThat(high.workers()).hasValue(8);
        assertThat(high.environment()).isEqualTo(Map.of("PYTEST_XDIST_AUTO_NUM_WORKERS", "8"));
    }

    // ---------------------------------------------------------------- (4) addopts in pytest's configuration

    private void addoptsOnly(Path directory) {
        dryRun(directory, "test-integration", "uv run pytest tests");
        Path pyproject = directory.resolve("pyproject.toml");
        when(pytest.find(eq(directory), any())).thenReturn(Optional.of(new PytestConfig(pyproject, Optional.of("-ra -n 4"),
                Optional.of(new SourceLine(pyproject, 57)))));
        justfileIn(directory, justfile(recipe("test-integration", 1, line("uv run pytest tests")),
                offloadRecipe(directory, "test-offload")));
    }

    @Test
    void countInPytestConfigurationIsRaisedWithTheProfileVariable() {
        addoptsOnly(mngDir);

        BenchmarkPlan plan = plan(ProjectConfig.at("mng", mngDir));

        assertThat(plan.problems()).isEmpty();
        PlannedRun baseline = run(plan, RunKind.BASELINE);
        assertThat(baseline.workers()).hasValue(4);
        assertThat(baseline.workersSource()).contains("pyproject.toml:57");
        PlannedRun high = run(plan, RunKind.HIGH);
        assertThat(high.workers()).hasValue(8);
        assertThat(high.environment()).isEqualTo(Map.of("PYTEST_NUMPROCESSES", "8"));
        assertThat(high.workersSource())
                .contains("environment variable PYTEST_NUMPROCESSES (the profile's override variable)");
        assertThat(high.notes()).contains("the profile says the project reads PYTEST_NUMPROCESSES when pytest's"
                + " command line has no -n; only a probe can confirm it (bench plan --probe)");
        // the project's own code reads it, so no dry run can check it: only the baseline's dry run ran
        verify(just, times(1)).dryRun(mngDir, RecipeCall.of("test-integration"));
        assertThat(calls).filteredOn(c -> c.recipe().equals("test-integration")).hasSize(1);
    }

    @Test
    void countInPytestConfigurationWithoutAProfileVariableIsRaisedWithPytestAddopts() {
        addoptsOnly(plainDir);

        BenchmarkPlan plan = plan(ProjectConfig.at("plain", plainDir));

        assertThat(plan.problems()).isEmpty();
        PlannedRun high = run(plan, RunKind.HIGH);
        assertThat(high.workers()).hasValue(8);
        assertThat(high.environment()).isEqualTo(Map.of("PYTEST_ADDOPTS", "-n 8"));
        assertThat(high.workersSource())
                .contains("PYTEST_ADDOPTS=\"-n N\" (read by pytest after its configuration's addopts)");
        verify(just).dryRun(plainDir, RecipeCall.of("test-integration").withEnvironment(
                Map.of("PYTEST_ADDOPTS", "-n 8")));
    }

    @Test
    void configuredWorkersEnvAndHighWorkersOverrideTheProfile() {
        addoptsOnly(plainDir);
        ProjectConfig project = new ProjectConfig("plain", plainDir, Optional.empty(), Optional.empty(),
                OptionalInt.of(6), Optional.of("MY_WORKERS"), Map.of("CI", "1"));

        BenchmarkPlan plan = plan(project);

        assertThat(plan.problems()).isEmpty();
        assertThat(run(plan, RunKind.BASELINE).environment()).isEqualTo(Map.of("CI", "1"));
        PlannedRun high = run(plan, RunKind.HIGH);
        assertThat(high.workers()).hasValue(6);
        assertThat(high.environment()).isEqualTo(Map.of("CI", "1", "MY_WORKERS", "6"));
        assertThat(high.notes()).first().isEqualTo("high = fixed at 6");
        assertThat(run(plan, RunKind.OFFLOAD).environment()).isEqualTo(Map.of("CI", "1"));
    }

    @Test
    void countFromPytestAddoptsIsRaisedThroughPytestAddopts() {
        dryRun(mngDir, "test-integration", "uv run pytest tests");
        justfileIn(mngDir, justfile(recipe("test-integration", 1, line("uv run pytest tests")),
                offloadRecipe(mngDir, "test-offload")));
        ProjectConfig project = new ProjectConfig("mng", mngDir, Optional.empty(), Optional.empty(),
                OptionalInt.empty(), Optional.empty(), Map.of("PYTEST_ADDOPTS", "-n 4"));

        BenchmarkPlan plan = plan(project);

        assertThat(run(plan, RunKind.BASELINE).workers()).hasValue(4);
        PlannedRun high = run(plan, RunKind.HIGH);
        assertThat(high.workers()).hasValue(8);
        assertThat(high.environment()).containsEntry("PYTEST_ADDOPTS", "-n 4 -n 8")
                .doesNotContainKey("PYTEST_NUMPROCESSES");
    }

    // ---------------------------------------------------------------- (5) no -n anywhere

    @Test
    void noCountAnywhereIsAProblemAndOnlyTheOffloadRunIsPlanned() {
        dryRun(mngDir, "test-integration", "uv run pytest tests");
        justfileIn(mngDir, justfile(recipe("test-integration", 1, line("uv run pytest tests")),
                offloadRecipe(mngDir, "test-offload")));

        BenchmarkPlan plan = plan(ProjectConfig.at("mng", mngDir));

        assertThat(only(plan).runs()).extracting(PlannedRun::kind).containsExactly(RunKind.OFFLOAD);
        assertThat(plan.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.profileId()).contains("mng");
            assertThat(problem.message()).contains("recipe `test-integration` runs pytest without xdist");
        });
    }

    // ---------------------------------------------------------------- (6) recipe missing

    @Test
    void missingOffloadRecipeIsAProblemWithTheClosestNameAndTheOtherRunsArePlanned() {
        dryRun(sculptorDir, "test-integration", "pytest -n ${XDIST_WORKERS:-3}");
        justfileIn(sculptorDir, justfile(recipe("test-integration", 1, line("pytest -n ${XDIST_WORKERS:-3}")),
                offloadRecipe(sculptorDir, "test-offload"), recipe("lint", 40, line("ruff check"))));

        BenchmarkPlan plan = plan(ProjectConfig.at("sculptor", sculptorDir));

        assertThat(only(plan).runs()).extracting(PlannedRun::kind).containsExactly(RunKind.BASELINE, RunKind.HIGH);
        assertThat(plan.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.profileId()).contains("sculptor");
            assertThat(problem.message()).isEqualTo(Justfiles.SOURCE + " has no recipe `test-integration-offload`;"
                    + " did you mean `test-offload` (runs `offload run`)? Set the right one with offload_recipe ="
                    + " \"test-offload\" under"
                    + " [projects.sculptor] in " + CONFIG_FILE);
        });
    }

    @Test
    void configuredRecipeNamesAreUsed() {
        dryRun(sculptorDir, "it", "pytest -n ${XDIST_WORKERS:-3}");
        justfileIn(sculptorDir, justfile(recipe("it", 1, line("pytest -n ${XDIST_WORKERS:-3}")),
                offloadRecipe(sculptorDir, "it-offload")));
        ProjectConfig project = new ProjectConfig("sculptor", sculptorDir, Optional.of("it"),
                Optional.of("it-offload"), OptionalInt.empty(), Optional.empty(), Map.of());

        BenchmarkPlan plan = plan(project);

        assertThat(plan.problems()).isEmpty();
        assertThat(only(plan).runs()).extracting(PlannedRun::recipe).containsExactly("it", "it", "it-offload");
    }

    @Test
    void missingLocalRecipeNeverSuggestsTheOffloadRecipe() {
        justfileIn(mngDir, justfile(offloadRecipe(mngDir, "test-offload")));

        BenchmarkPlan plan = plan(ProjectConfig.at("mng", mngDir));

        assertThat(only(plan).runs()).extracting(PlannedRun::kind).containsExactly(RunKind.OFFLOAD);
        assertThat(messages(plan)).singleElement().asString()
                .contains("has no recipe `test-integration`")
                .doesNotContain("did you mean")
                .contains("baseline_recipe = \"RECIPE\"");
    }

    // ---------------------------------------------------------------- (7) offload

    private BenchmarkPlan planOffloadRecipe(String command) {
        dryRun(mngDir, "test-integration", "pytest -n ${PYTEST_NUMPROCESSES:-4}");
        dryRun(mngDir, "test-offload", command);
        justfileIn(mngDir, justfile(recipe("test-integration", 1, line("pytest -n ${PYTEST_NUMPROCESSES:-4}")),
                recipe("test-offload", 10, line(command))));
        return plan(ProjectConfig.at("mng", mngDir));
    }

    @Test
    void offloadRunUsesTheConfigNamedBeforeRun() {
        offloadConfig(mngDir.resolve("offload-modal.toml"), 50, 3);

        BenchmarkPlan plan = planOffloadRecipe("offload -c offload-modal.toml run");

        assertThat(plan.problems()).isEmpty();
        PlannedRun offload = run(plan, RunKind.OFFLOAD);
        assertThat(offload.recipe()).isEqualTo("test-offload");
        assertThat(offload.command()).containsExactly("just", "test-offload");
        assertThat(offload.environment()).isEmpty();
        assertThat(offload.maxParallel()).hasValue(50);
        assertThat(offload.maxParallelSource()).contains("offload-modal.toml:3");
        assertThat(offload.warmups()).isEqualTo(1);
        assertThat(offload.workers()).isEmpty();
        assertThat(offload.directory()).isEqualTo(mngDir);
    }

    @Test
    void offloadRunUsesTheConfigNamedAfterRun() {
        offloadConfig(mngDir.resolve("offload-modal.toml"), 60, 2);

        BenchmarkPlan plan = planOffloadRecipe("offload run -c offload-modal.toml");

        assertThat(run(plan, RunKind.OFFLOAD).maxParallel()).hasValue(60);
    }

    @Test
    void offloadRunUsesTheConfigGivenWithEquals() {
        offloadConfig(mngDir.resolve("offload-ci.toml"), 70, 2);

        BenchmarkPlan plan = planOffloadRecipe("offload --config=offload-ci.toml run");

        assertThat(run(plan, RunKind.OFFLOAD).maxParallel()).hasValue(70);
        assertThat(run(plan, RunKind.OFFLOAD).maxParallelSource()).contains("offload-ci.toml:2");
    }

    @Test
    void parallelOnTheCommandLineWinsOverTheConfig() {
        offloadConfig(mngDir.resolve("offload-modal.toml"), 50, 3);

        BenchmarkPlan plan = planOffloadRecipe("offload -c offload-modal.toml run --parallel 20");

        assertThat(run(plan, RunKind.OFFLOAD).maxParallel()).hasValue(20);
        assertThat(run(plan, RunKind.OFFLOAD).maxParallelSource()).contains("justfile:11, --parallel");
        assertThat(run(plan, RunKind.OFFLOAD).provider()).contains(OffloadProvider.MODAL);
    }

    @Test
    void missingMaxParallelIsOffloadsDefaultWithItsReason() {
        Path file = mngDir.resolve("offload.toml");
        when(offloadConfigs.read(file)).thenReturn(new OffloadConfig(file, OptionalInt.empty(), Optional.empty(),
                Optional.of(OffloadProvider.LOCAL)));

        BenchmarkPlan plan = planOffloadRecipe("offload run");

        assertThat(run(plan, RunKind.OFFLOAD).maxParallel()).hasValue(10);
        assertThat(run(plan, RunKind.OFFLOAD).maxParallelSource())
                .contains("Offload's default (offload.toml sets no max_parallel)");
        assertThat(run(plan, RunKind.OFFLOAD).provider()).as("the plan records the config's provider")
                .contains(OffloadProvider.LOCAL);
    }

    @Test
    void unreadableOffloadConfigIsAProblemAndTheLocalRunsArePlanned() {
        when(offloadConfigs.read(any())).thenThrow(new BenchException("offload.toml:1:8: invalid TOML"));

        BenchmarkPlan plan = planOffloadRecipe("offload run");

        assertThat(only(plan).runs()).extracting(PlannedRun::kind).containsExactly(RunKind.BASELINE, RunKind.HIGH);
        assertThat(plan.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.profileId()).contains("mng");
            assertThat(problem.message()).isEqualTo("recipe `test-offload` runs offload with config offload.toml:"
                    + " offload.toml:1:8: invalid TOML");
        });
    }

    // ---------------------------------------------------------------- (8) machine description

    @Nested
    class Machine {
        private BenchmarkPlan planWithMachine(Optional<String> configured) {
            return planner(config(configured)).plan(new Query(List.of()));
        }

        @Test
        void configurationWins() {
            BenchmarkPlan plan = planWithMachine(Optional.of(MACHINE));

            assertThat(plan.machine()).isEqualTo(new MachineDescription(MACHINE, MachineDescription.Source.CONFIG));
            verify(readmes, never()).currentSection(any());
            verify(machine, never()).describe();
        }

        @Test
        void readmeSentenceComesNext() {
            when(readmes.currentSection(Path.of("/offload/README.md"))).thenReturn("## Benchmarks\n\nSpeedups measured"
                    + " on Imbue projects using Offload with the Modal provider. All local baselines were run on a"
                    + " MacBook Pro with Apple M4 (10 cores: 4P + 6E), 16 GB RAM.\n\n### Sculptor\n");

            BenchmarkPlan plan = planWithMachine(Optional.empty());

            assertThat(plan.machine()).isEqualTo(new MachineDescription(
                    "MacBook Pro with Apple M4 (10 cores: 4P + 6E), 16 GB RAM", MachineDescription.Source.README));
            verify(machine, never()).describe();
            assertThat(plan.problems()).isEmpty();
        }

        @Test
        void readmeSentenceWithAnIsRead() {
            when(readmes.currentSection(any())).thenReturn("All local baselines were run on an Intel NUC 13.\n");

            assertThat(planWithMachine(Optional.empty()).machine().description()).isEqualTo("Intel NUC 13");
        }

        @Test
        void readmeSentenceEndsAtItsOwnFullStop() {
            when(readmes.currentSection(any())).thenReturn("All local baselines were run on a Test rig, 8 GB RAM."
                    + " Offload ran on Modal.\n");

            assertThat(planWithMachine(Optional.empty()).machine().description()).isEqualTo("Test rig, 8 GB RAM");
        }

        @Test
        void readmeSentenceKeepsDecimalPoints() {
            when(readmes.currentSection(any())).thenReturn("All local baselines were run on a Xeon @ 2.20GHz.\n");

            assertThat(planWithMachine(Optional.empty()).machine().description()).isEqualTo("Xeon @ 2.20GHz");
        }

        @Test
        void detectedMachineWhenTheReadmeHasNoSentence() {
            when(readmes.currentSection(any())).thenReturn("## Benchmarks\n\nNothing measured yet.\n");

            BenchmarkPlan plan = planWithMachine(Optional.empty());

            assertThat(plan.machine()).isEqualTo(new MachineDescription("detected machine",
                    MachineDescription.Source.DETECTED));
            assertThat(plan.problems()).isEmpty();
        }

        @Test
        void detectedMachineWhenTheReadmeCannotBeRead() {
            when(readmes.currentSection(any())).thenThrow(new BenchException("README.md has no Benchmarks heading"));

            BenchmarkPlan plan = planWithMachine(Optional.empty());

            assertThat(plan.machine().source()).isEqualTo(MachineDescription.Source.DETECTED);
            assertThat(plan.machine().description()).isEqualTo("detected machine");
            assertThat(plan.problems()).isEmpty();
        }

        @Test
        void undetectableMachineIsAGeneralProblem() {
            when(readmes.currentSection(any())).thenReturn("");
            when(machine.describe()).thenReturn(Optional.empty());

            BenchmarkPlan plan = planWithMachine(Optional.empty());

            assertThat(plan.machine()).isEqualTo(new MachineDescription("unknown machine",
                    MachineDescription.Source.DETECTED));
            assertThat(plan.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.profileId()).isEmpty();
                assertThat(problem.message()).contains("set `machine = \"...\"` in " + CONFIG_FILE);
            });
        }

        @Test
        void planNamesTheReadme() {
            assertThat(planWithMachine(Optional.of(MACHINE)).readme()).isEqualTo(Path.of("/offload/README.md"));
        }
    }

    // ---------------------------------------------------------------- (9) project folder missing

    @Test
    void missingProjectFolderIsAProblemAndNothingIsReadThere() {
        Path missing = root.resolve("not-checked-out");

        BenchmarkPlan plan = plan(ProjectConfig.at("mng", missing));

        assertThat(only(plan).path()).isEqualTo(missing);
        assertThat(only(plan).runs()).isEmpty();
        assertThat(plan.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.profileId()).contains("mng");
            assertThat(problem.message()).isEqualTo("project folder " + missing + " does not exist; check it out"
                    + " there, or set `path` under [projects.mng] in " + CONFIG_FILE);
        });
        verify(just, never()).read(any());
        verify(just, never()).dryRun(any(), any());
    }

    @Test
    void unreadableJustfileIsAProblemForThatProjectOnly() {
        when(just.read(mngDir)).thenThrow(new BenchException("error: no justfile found"));
        addoptsOnly(plainDir);

        BenchmarkPlan plan = plan(ProjectConfig.at("mng", mngDir), ProjectConfig.at("plain", plainDir));

        assertThat(plan.profiles()).extracting(ProjectPlan::profileId).containsExactly("mng", "plain");
        assertThat(plan.profiles().get(0).runs()).isEmpty();
        assertThat(plan.profiles().get(1).runs()).hasSize(3);
        assertThat(plan.problems()).containsExactly(Problem.of("mng", Problem.Kind.PROJECT, "error: no justfile found"));
    }

    @Test
    void projectOfAnUninstalledProfileIsAProblem() {
        Path other = plainDir;
        BenchmarkPlan plan = plan(ProjectConfig.at("other", other));

        assertThat(messages(plan)).singleElement().asString().contains("unknown profile \"other\"");
        verify(just, never()).read(any());
    }

    // ---------------------------------------------------------------- (10) selecting profiles

    @Nested
    class Selection {
        /** Both projects configured, mng first; their folders are absent, which only adds problems. */
        private BenchConfig both() {
            return config(ProjectConfig.at("mng", root.resolve("absent-mng")),
                    ProjectConfig.at("sculptor", root.resolve("absent-sculptor")));
        }

        private List<String> planned(List<String> requested) {
            return planner(both()).plan(new Query(requested)).profiles().stream().map(ProjectPlan::profileId)
                    .toList();
        }

        @Test
        void allOrNothingPlansEveryProjectInConfigurationOrder() {
            assertThat(planned(List.of())).containsExactly("mng", "sculptor");
            assertThat(planned(List.of("all"))).containsExactly("mng", "sculptor");
        }

        @Test
        void requestedProfilesFollowTheConfigurationsOrder() {
            assertThat(planned(List.of("sculptor", "mng"))).containsExactly("mng", "sculptor");
        }

        @Test
        void onlyTheRequestedProfileIsPlanned() {
            assertThat(planned(List.of("sculptor"))).containsExactly("sculptor");
        }

        @Test
        void unknownRequestedProfileIsAProblemNamingTheConfiguredOnes() {
            BenchmarkPlan plan = planner(both()).plan(new Query(List.of("mng", "nosuch")));

            assertThat(plan.profiles()).extracting(ProjectPlan::profileId).containsExactly("mng");
            assertThat(plan.problems()).contains(Problem.of("nosuch", Problem.Kind.PROFILE, "no project uses profile `nosuch` in "
                    + CONFIG_FILE + "; configured: mng, sculptor. Add a [projects.nosuch] table with its path"));
        }
    }

    @Test
    void projectsArePlannedInConfigurationOrderWithRunsInExecutionOrder() {
        addoptsOnly(plainDir);
        sculptorWithAutoAndShellCap();

        BenchmarkPlan plan = plan(ProjectConfig.at("sculptor", sculptorDir), ProjectConfig.at("plain", plainDir));

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.complete()).isTrue();
        assertThat(plan.profiles()).extracting(ProjectPlan::profileId).containsExactly("sculptor", "plain");
        for (ProjectPlan project : plan.profiles()) {
            assertThat(project.runs()).extracting(PlannedRun::kind)
                    .containsExactly(RunKind.BASELINE, RunKind.HIGH, RunKind.OFFLOAD);
        }
    }

    @Test
    void processEnvironmentIsTakenIntoAccount() {
        dryRun(plainDir, "test-integration", "pytest -n ${N:-2}");
        justfileIn(plainDir, justfile(recipe("test-integration", 1, line("pytest -n ${N:-2}")),
                offloadRecipe(plainDir, "test-offload")));
        Planner planner = new Planner(config(ProjectConfig.at("plain", plainDir)), profiles, just, pytest,
                offloadConfigs, machine, readmes, PlannerTest::onDisk, probe, Map.of("N", "3"),
                FakeLocks.free(new FakeLocks.RecordingHeld()));

        BenchmarkPlan plan = planner.plan(new Query(List.of()));

        assertThat(run(plan, RunKind.BASELINE).workers()).hasValue(3);
        assertThat(run(plan, RunKind.HIGH).workers()).hasValue(6);
        assertThat(run(plan, RunKind.HIGH).environment()).isEqualTo(Map.of("N", "6"));
    }

    /** The folders on disk, as the real adapter sees them. */
    /** Project folders as they are on disk; Offload's configurations are the mocked reader's, so they are there. */
    private static ProjectFolders.State onDisk(Path folder) {
        if (folder.getFileName().toString().endsWith(".toml")) {
            return ProjectFolders.State.FILE;
        }
        if (Files.isDirectory(folder)) {
            return ProjectFolders.State.FOLDER;
        }
        if (Files.isRegularFile(folder)) {
            return ProjectFolders.State.FILE;
        }
        return Files.exists(folder) ? ProjectFolders.State.OTHER : ProjectFolders.State.MISSING;
    }
}
