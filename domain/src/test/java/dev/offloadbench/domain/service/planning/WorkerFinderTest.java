package dev.offloadbench.domain.service.planning;

import static dev.offloadbench.domain.service.planning.Justfiles.assignment;
import static dev.offloadbench.domain.service.planning.Justfiles.at;
import static dev.offloadbench.domain.service.planning.Justfiles.envOrDefault;
import static dev.offloadbench.domain.service.planning.Justfiles.exported;
import static dev.offloadbench.domain.service.planning.Justfiles.justfile;
import static dev.offloadbench.domain.service.planning.Justfiles.line;
import static dev.offloadbench.domain.service.planning.Justfiles.parameter;
import static dev.offloadbench.domain.service.planning.Justfiles.recipe;
import static dev.offloadbench.domain.service.planning.Justfiles.var;
import static dev.offloadbench.domain.service.planning.Justfiles.withDependencies;
import static dev.offloadbench.domain.service.planning.Justfiles.withEnvironment;
import static dev.offloadbench.domain.service.planning.Justfiles.withParameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.offloadbench.domain.justfile.Expression;
import dev.offloadbench.domain.justfile.Justfile;
import dev.offloadbench.domain.justfile.Recipe;
import dev.offloadbench.domain.justfile.RecipeCall;
import dev.offloadbench.domain.justfile.SourceLine;
import dev.offloadbench.domain.port.out.JustfileReader;
import dev.offloadbench.domain.port.out.PytestConfigReader;
import dev.offloadbench.domain.port.out.PytestConfigReader.PytestConfig;
import dev.offloadbench.domain.service.planning.WorkerFinder.Finding;
import dev.offloadbench.domain.service.planning.WorkerFinder.Place;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkerFinderTest {
    private static final Path DIR = Path.of("/projects/demo");
    private static final RecipeCall CALL = RecipeCall.of("test");

    private final JustfileReader just = mock(JustfileReader.class);
    private final PytestConfigReader pytestConfig = mock(PytestConfigReader.class);

    @BeforeEach
    void noPytestConfiguration() {
        when(pytestConfig.find(any(), any())).thenReturn(Optional.empty());
    }

    private void dryRunPrints(String... lines) {
        when(just.dryRun(eq(DIR), any())).thenReturn(List.of(lines));
    }

    private void pytestConfig(String addopts, int line) {
        Path file = DIR.resolve("pyproject.toml");
        when(pytestConfig.find(eq(DIR), any())).thenReturn(Optional.of(new PytestConfig(file, Optional.of(addopts),
                Optional.of(new SourceLine(file, line)))));
    }

    private Finding find(int cores, Justfile justfile, RecipeCall call, Map<String, String> environment) {
        return new WorkerFinder(just, pytestConfig, cores).find(DIR, justfile, call, environment);
    }

    private Finding find(Justfile justfile) {
        return find(2, justfile, CALL, Map.of());
    }

    @Test
    void literalCountOnTheCommandLine() {
        dryRunPrints("echo start", "uv run pytest -n 4 tests");
        Justfile justfile = justfile(recipe("test", 10, line("echo start"), line("uv run pytest -n 4 tests")));

        Finding finding = find(justfile);

        assertThat(finding.workers()).isEqualTo(4);
        assertThat(finding.written()).isEqualTo("-n 4");
        assertThat(finding.source()).contains(at(12));
        assertThat(finding.auto()).isFalse();
        assertThat(finding.target().place()).isEqualTo(Place.COMMAND_LINE);
        assertThat(finding.target().option()).isEqualTo("-n");
        assertThat(finding.notes()).isEmpty();
        verify(just).dryRun(DIR, CALL);
    }

    @Test
    void literalCountOffersOnlyTheProfilesVariableAndPytestAddoptsForTheProbeToTry() {
        dryRunPrints("pytest -n 4");
        Justfile justfile = justfile(recipe("test", 1, line("pytest -n 4")));
        WorkerFinder finder = new WorkerFinder(just, pytestConfig, 2);
        Finding finding = finder.find(DIR, justfile, CALL, Map.of());

        assertThat(finder.overrides(Optional.of(finding), justfile, Optional.of("PYTEST_NUMPROCESSES")))
                .containsExactly(new WorkerOverride.EnvironmentVariable("PYTEST_NUMPROCESSES",
                        "the profile's override variable"), new WorkerOverride.PytestAddopts("-n"));
    }

    @Test
    void countInAJustVariableComesFromTheAssignmentLine() {
        dryRunPrints("pytest -n 4 tests");
        Justfile justfile = justfile(List.of(recipe("test", 5, line("pytest -n ", var("workers"), " tests"))),
                List.of(assignment("workers", envOrDefault("PYTEST_NUMPROCESSES", "4"), 1)));
        WorkerFinder finder = new WorkerFinder(just, pytestConfig, 2);

        Finding finding = finder.find(DIR, justfile, CALL, Map.of());

        assertThat(finding.workers()).isEqualTo(4);
        assertThat(finding.source()).contains(at(1));
        assertThat(finder.overrides(Optional.of(finding), justfile, Optional.empty())).containsExactly(
                new WorkerOverride.EnvironmentVariable("PYTEST_NUMPROCESSES", "read by justfile variable `workers`"),
                new WorkerOverride.JustVariable("workers"), new WorkerOverride.PytestAddopts("-n"));
    }

    @Test
    void justVariableWithALiteralValueIsOverriddenWithJustAlone() {
        dryRunPrints("pytest -n 3");
        Justfile justfile = justfile(List.of(recipe("test", 5, line("pytest -n ", var("workers")))),
                List.of(assignment("workers", new Expression.Literal("3"), 2)));
        WorkerFinder finder = new WorkerFinder(just, pytestConfig, 2);

        Finding finding = finder.find(DIR, justfile, CALL, Map.of());

        assertThat(finding.source()).contains(at(2));
        assertThat(finder.overrides(Optional.of(finding), justfile, Optional.of("PYTEST_NUMPROCESSES")))
                .containsExactly(new WorkerOverride.EnvironmentVariable("PYTEST_NUMPROCESSES",
                        "the profile's override variable"), new WorkerOverride.JustVariable("workers"),
                        new WorkerOverride.PytestAddopts("-n"));
    }

    @Test
    void profileVariableComesFirstAmongTheVariablesAnAssignmentReads() {
        dryRunPrints("pytest -n 3");
        Expression either = new Expression.Call("env_var_or_default", List.of(new Expression.Literal("OTHER"),
                envOrDefault("MINE", "3")));
        Justfile justfile = justfile(List.of(recipe("test", 5, line("pytest -n ", var("workers")))),
                List.of(assignment("workers", either, 2)));
        WorkerFinder finder = new WorkerFinder(just, pytestConfig, 2);

        Finding finding = finder.find(DIR, justfile, CALL, Map.of());

        assertThat(finder.overrides(Optional.of(finding), justfile, Optional.of("MINE")))
                .extracting(o -> o instanceof WorkerOverride.EnvironmentVariable v ? v.name() : o.describe())
                .startsWith("MINE", "OTHER");
    }

    @Test
    void countInARecipeParameterComesFromTheRecipeHeader() {
        dryRunPrints("pytest -n 4");
        Recipe test = withParameters(recipe("test", 7, line("pytest -n ", var("workers"))),
                parameter("workers", "4"));
        Justfile justfile = justfile(List.of(test), List.of(assignment("workers", new Expression.Literal("9"), 1)));
        WorkerFinder finder = new WorkerFinder(just, pytestConfig, 2);

        Finding finding = finder.find(DIR, justfile, CALL, Map.of());

        assertThat(finding.source()).contains(at(7));
        assertThat(finder.overrides(Optional.of(finding), justfile, Optional.empty()))
                .containsExactly(new WorkerOverride.RecipeArgument(test, "workers"),
                        new WorkerOverride.PytestAddopts("-n"));
    }

    @Test
    void countInADependencyComesFromTheDependencysLine() {
        dryRunPrints("echo build", "pytest -n 6");
        Recipe build = recipe("build", 1, line("echo build"));
        Recipe unit = recipe("unit", 3, line("pytest -n 6"));
        Recipe test = withDependencies(recipe("test", 6, List.of()), "build", "unit");

        Finding finding = find(justfile(build, unit, test));

        assertThat(finding.workers()).isEqualTo(6);
        assertThat(finding.source()).contains(at(4));
    }

    @Test
    void countFromAShellVariableWithDefault() {
        dryRunPrints("pytest -n ${XDIST_WORKERS:-3}");
        Justfile justfile = justfile(recipe("test", 1, line("pytest -n ${XDIST_WORKERS:-3}")));
        WorkerFinder finder = new WorkerFinder(just, pytestConfig, 2);

        Finding unset = finder.find(DIR, justfile, CALL, Map.of());
        Finding fromProcess = finder.find(DIR, justfile, CALL, Map.of("XDIST_WORKERS", "5"));
        Finding fromCall = finder.find(DIR, justfile, CALL.withEnvironment(Map.of("XDIST_WORKERS", "7")),
                Map.of("XDIST_WORKERS", "5"));

        assertThat(unset.workers()).isEqualTo(3);
        assertThat(unset.written()).isEqualTo("-n 3");
        assertThat(unset.source()).contains(at(2));
        assertThat(fromProcess.workers()).isEqualTo(5);
        assertThat(fromCall.workers()).as("the call's environment wins over the process's").isEqualTo(7);
        assertThat(finder.overrides(Optional.of(unset), justfile, Optional.empty())).containsExactly(
                new WorkerOverride.EnvironmentVariable("XDIST_WORKERS", "read by the recipe's shell"),
                new WorkerOverride.PytestAddopts("-n"));
    }

    @Test
    void shellVariableThatJustExportsIsOverriddenAsAJustVariable() {
        dryRunPrints("pytest -n ${WORKERS:-2}");
        Justfile justfile = justfile(List.of(recipe("test", 3, line("pytest -n ${WORKERS:-2}"))),
                List.of(exported("WORKERS", new Expression.Literal("2"), 1)));
        WorkerFinder finder = new WorkerFinder(just, pytestConfig, 2);
        Finding finding = finder.find(DIR, justfile, CALL, Map.of());

        assertThat(finder.overrides(Optional.of(finding), justfile, Optional.empty()))
                .containsExactly(new WorkerOverride.JustVariable("WORKERS"), new WorkerOverride.PytestAddopts("-n"));
    }

    @Test
    void shellVariableUnderSetExportIsOverriddenAsAJustVariable() {
        dryRunPrints("pytest -n ${workers:-2}");
        Justfile justfile = justfile(List.of(recipe("test", 3, line("pytest -n ${workers:-2}"))),
                List.of(assignment("workers", new Expression.Literal("2"), 1)), true);
        WorkerFinder finder = new WorkerFinder(just, pytestConfig, 2);
        Finding finding = finder.find(DIR, justfile, CALL, Map.of());

        assertThat(finder.overrides(Optional.of(finding), justfile, Optional.empty()))
                .containsExactly(new WorkerOverride.JustVariable("workers"), new WorkerOverride.PytestAddopts("-n"));
    }

    @Test
    void shellVariableExportedByJustResolvesToItsValue() {
        dryRunPrints("pytest -n ${WORKERS:-2}");
        Justfile justfile = justfile(List.of(recipe("test", 3, line("pytest -n ${WORKERS:-2}"))),
                List.of(exported("WORKERS", new Expression.Literal("4"), 1)));

        assertThat(find(justfile).workers()).isEqualTo(4);
    }

    @Test
    void aComputedVariableJustExportsIsAskedOfJust() {
        dryRunPrints("pytest -n ${WORKERS:-2}");
        Expression computed = new Expression.Call("env_var_or_default",
                List.of(new Expression.Literal("N"), new Expression.Literal("5")));
        Justfile justfile = justfile(List.of(recipe("test", 3, line("pytest -n ${WORKERS:-2}"))),
                List.of(exported("WORKERS", computed, 1)));
        when(just.evaluate(any(), any(), eq("WORKERS"))).thenReturn(Optional.of("5"));

        assertThat(find(justfile).workers()).isEqualTo(5);
    }

    @Test
    void aVariableThatRunsACommandIsNotEvaluatedWhilePlanning() {
        dryRunPrints("pytest -n ${WORKERS:-2}");
        Justfile justfile = justfile(List.of(recipe("test", 3, line("pytest -n ${WORKERS:-2}"))),
                List.of(exported("WORKERS", new Expression.Backtick("nproc"), 1)));

        assertThat(find(justfile).workers()).isEqualTo(2);
        verify(just, never()).evaluate(any(), any(), any());
    }

    @Test
    void recipeEnvAttributeIsPartOfTheEnvironment() {
        dryRunPrints("pytest -n ${XDIST_WORKERS:-2}");
        Recipe test = withEnvironment(recipe("test", 3, line("pytest -n ${XDIST_WORKERS:-2}")),
                Map.of("XDIST_WORKERS", "3"));

        assertThat(find(justfile(test)).workers()).isEqualTo(3);
    }

    @Test
    void shellVariableWithoutDefaultOrValueIsAProblem() {
        dryRunPrints("pytest -n $N");
        Justfile justfile = justfile(recipe("test", 1, line("pytest -n $N")));

        assertThatThrownBy(() -> find(justfile))
                .isInstanceOf(PlanProblem.class)
                .hasMessageContaining("recipe `test`")
                .hasMessageContaining("$N")
                .hasMessageContaining("not set and has no default");
    }

    @Test
    void autoStartsOneWorkerPerCore() {
        dryRunPrints("pytest -n auto");
        Justfile justfile = justfile(recipe("test", 1, line("pytest -n auto")));
        WorkerFinder finder = new WorkerFinder(just, pytestConfig, 6);

        Finding finding = finder.find(DIR, justfile, CALL, Map.of());

        assertThat(finding.workers()).isEqualTo(6);
        assertThat(finding.auto()).isTrue();
        assertThat(finding.written()).isEqualTo("-n auto");
        assertThat(finding.notes()).containsExactly("-n auto starts one worker per core: 6 on this machine");
        assertThat(finder.overrides(Optional.of(finding), justfile, Optional.empty()))
                .containsExactly(new WorkerOverride.AutoWorkers(), new WorkerOverride.PytestAddopts("-n"));
    }

    @Test
    void logicalIsAutoToo() {
        dryRunPrints("pytest -n logical");
        Finding finding = find(4, justfile(recipe("test", 1, line("pytest -n logical"))), CALL, Map.of());
        assertThat(finding.auto()).isTrue();
        assertThat(finding.workers()).isEqualTo(4);
    }

    @Test
    void autoFollowsPytestXdistAutoNumWorkers() {
        dryRunPrints("pytest -n auto");
        Justfile justfile = justfile(recipe("test", 1, line("pytest -n auto")));

        Finding finding = find(16, justfile, CALL, Map.of("PYTEST_XDIST_AUTO_NUM_WORKERS", " 5 "));

        assertThat(finding.workers()).isEqualTo(5);
        assertThat(finding.notes()).containsExactly("-n auto starts PYTEST_XDIST_AUTO_NUM_WORKERS=5 workers");
    }

    @Test
    void autoIgnoresAPytestXdistAutoNumWorkersThatIsNotANumber() {
        dryRunPrints("pytest -n auto");
        Finding finding = find(3, justfile(recipe("test", 1, line("pytest -n auto"))), CALL,
                Map.of("PYTEST_XDIST_AUTO_NUM_WORKERS", "many"));
        assertThat(finding.workers()).isEqualTo(3);
    }

    @Test
    void maxprocessesCapsAuto() {
        dryRunPrints("pytest -n auto --maxprocesses ${XDIST_WORKERS:-3} tests");
        Justfile justfile = justfile(recipe("test", 20, line("#!/usr/bin/env bash"), line("set -eu"),
                line("pytest -n auto --maxprocesses ${XDIST_WORKERS:-3} tests")));
        WorkerFinder finder = new WorkerFinder(just, pytestConfig, 16);

        Finding finding = finder.find(DIR, justfile, CALL, Map.of());

        assertThat(finding.workers()).isEqualTo(3);
        assertThat(finding.written()).isEqualTo("-n auto --maxprocesses 3");
        assertThat(finding.target().option()).isEqualTo("--maxprocesses");
        assertThat(finding.source()).contains(at(23));
        assertThat(finder.overrides(Optional.of(finding), justfile, Optional.of("XDIST_WORKERS"))).containsExactly(
                new WorkerOverride.EnvironmentVariable("XDIST_WORKERS", "read by the recipe's shell"),
                new WorkerOverride.AutoWorkers(), new WorkerOverride.PytestAddopts("--maxprocesses"));
    }

    @Test
    void autoOnFewerCoresThanTheCapStartsOnePerCore() {
        dryRunPrints("pytest -n auto --maxprocesses ${XDIST_WORKERS:-3}");
        Justfile justfile = justfile(recipe("test", 1, line("pytest -n auto --maxprocesses ${XDIST_WORKERS:-3}")));

        Finding finding = find(2, justfile, CALL, Map.of());

        assertThat(finding.workers()).isEqualTo(2);
        assertThat(finding.auto()).isTrue();
    }

    @Test
    void maxprocessesCapsAnExplicitCountToo() {
        dryRunPrints("pytest -n 6 --maxprocesses=4");
        Finding finding = find(justfile(recipe("test", 1, line("pytest -n 6 --maxprocesses=4"))));

        assertThat(finding.workers()).isEqualTo(4);
        assertThat(finding.written()).isEqualTo("-n 6 --maxprocesses 4");
        assertThat(finding.target().option()).isEqualTo("--maxprocesses");
    }

    @Test
    void maxprocessesAboveTheCountLeavesTheCountDecisive() {
        dryRunPrints("pytest -n 2 --maxprocesses 4");
        Finding finding = find(justfile(recipe("test", 1, line("pytest -n 2 --maxprocesses 4"))));

        assertThat(finding.workers()).isEqualTo(2);
        assertThat(finding.target().option()).isEqualTo("-n");
        assertThat(finding.target().word().text()).isEqualTo("2");
    }

    @Test
    void countFromPytestConfigurationAddopts() {
        dryRunPrints("pytest tests");
        pytestConfig("-ra -n 4", 57);
        Justfile justfile = justfile(recipe("test", 1, line("pytest tests")));
        WorkerFinder finder = new WorkerFinder(just, pytestConfig, 2);

        Finding finding = finder.find(DIR, justfile, CALL, Map.of());

        assertThat(finding.workers()).isEqualTo(4);
        assertThat(finding.target().place()).isEqualTo(Place.PYTEST_CONFIG);
        assertThat(finding.source()).map(SourceLine::toString).contains("pyproject.toml:57");
        assertThat(finder.overrides(Optional.of(finding), justfile, Optional.of("PYTEST_NUMPROCESSES"))).containsExactly(
                new WorkerOverride.EnvironmentVariable("PYTEST_NUMPROCESSES", "the profile's override variable"),
                new WorkerOverride.PytestAddopts("-n"));
        assertThat(finder.overrides(Optional.of(finding), justfile, Optional.empty()))
                .containsExactly(new WorkerOverride.PytestAddopts("-n"));
    }

    @Test
    void pytestAddoptsInTheEnvironmentWinsOverTheConfiguration() {
        dryRunPrints("pytest tests");
        pytestConfig("-n 4", 57);
        Justfile justfile = justfile(recipe("test", 1, line("pytest tests")));

        Finding finding = find(2, justfile, CALL.withEnvironment(Map.of("PYTEST_ADDOPTS", "-x -n 8")), Map.of());

        assertThat(finding.workers()).isEqualTo(8);
        assertThat(finding.target().place()).isEqualTo(Place.PYTEST_ADDOPTS);
        assertThat(finding.source()).isEmpty();
    }

    @Test
    void commandLineWinsOverPytestAddoptsAndConfiguration() {
        dryRunPrints("pytest -n 2 tests");
        pytestConfig("-n 4", 57);
        Justfile justfile = justfile(recipe("test", 1, line("pytest -n 2 tests")));

        Finding finding = find(2, justfile, CALL, Map.of("PYTEST_ADDOPTS", "-n 8"));

        assertThat(finding.workers()).isEqualTo(2);
        assertThat(finding.target().place()).isEqualTo(Place.COMMAND_LINE);
    }

    @Test
    void maxprocessesFromTheConfigurationCapsACountFromTheCommandLine() {
        dryRunPrints("pytest -n 6");
        pytestConfig("--maxprocesses=3", 9);
        Finding finding = find(justfile(recipe("test", 1, line("pytest -n 6"))));

        assertThat(finding.workers()).isEqualTo(3);
        assertThat(finding.target().place()).isEqualTo(Place.PYTEST_CONFIG);
        assertThat(finding.source()).map(SourceLine::toString).contains("pyproject.toml:9");
    }

    @Test
    void pytestWithoutXdistIsAProblemNamingTheCommandAndTheConfiguration() {
        dryRunPrints("pytest tests");
        Justfile justfile = justfile(recipe("test", 1, line("pytest tests")));

        assertThatThrownBy(() -> find(justfile))
                .isInstanceOf(PlanProblem.class)
                .hasMessageContaining("recipe `test` runs pytest without xdist")
                .hasMessageContaining("(pytest tests)")
                .hasMessageContaining("pytest has no configuration file with addopts");

        pytestConfig("-ra", 3);
        assertThatThrownBy(() -> find(justfile))
                .hasMessageContaining("nor in the addopts of " + DIR.resolve("pyproject.toml"));
    }

    @Test
    void recipeThatDoesNotRunPytestIsAProblemShowingWhatItRuns() {
        dryRunPrints("echo a", "echo b", "echo c", "echo d");
        assertThatThrownBy(() -> find(justfile(recipe("test", 1, line("echo a")))))
                .isInstanceOf(PlanProblem.class)
                .hasMessage("recipe `test` does not run pytest; it runs: echo a ; echo b ; echo c ; ...");

        dryRunPrints();
        assertThatThrownBy(() -> find(justfile(recipe("test", 1, line("echo a")))))
                .hasMessageEndingWith("it runs: nothing");
    }

    @Test
    void countThatIsNotANumberIsAProblem() {
        dryRunPrints("pytest -n many");
        assertThatThrownBy(() -> find(justfile(recipe("test", 1, line("pytest -n many")))))
                .isInstanceOf(PlanProblem.class)
                .hasMessageContaining("worker count `many`, which is not a number");
    }

    @Test
    void maxprocessesThatIsNotANumberIsAProblem() {
        dryRunPrints("pytest -n 2 --maxprocesses lots");
        assertThatThrownBy(() -> find(justfile(recipe("test", 1, line("pytest -n 2 --maxprocesses lots")))))
                .isInstanceOf(PlanProblem.class)
                .hasMessageContaining("--maxprocesses `lots`, which is not a number");
    }

    @Test
    void zeroWorkersIsAProblem() {
        dryRunPrints("pytest -n 0");
        assertThatThrownBy(() -> find(justfile(recipe("test", 1, line("pytest -n 0")))))
                .isInstanceOf(PlanProblem.class)
                .hasMessageContaining("runs pytest with -n 0, which starts no xdist worker");
    }

    @Test
    void countAfterAnEarlierCommandOnTheSameLine() {
        dryRunPrints("cd tests && uv run pytest -n 5");
        Finding finding = find(justfile(recipe("test", 1, line("cd tests && uv run pytest -n 5"))));
        assertThat(finding.workers()).isEqualTo(5);
        assertThat(finding.target().line()).isEqualTo("cd tests && uv run pytest -n 5");
    }

    @Test
    void mngrsCountIsTracedToTheVariableThatHoldsItNotItsNeighbour() {
        // mngr (HEAD): `uv run pytest {{_parallel}} {{_skip_acceptance_and_release}} ...`
        dryRunPrints("uv run pytest -n 4 --dist=worksteal --max-worker-restart=0 -m 'not acceptance and not release'"
                + " --cov-fail-under=80");
        Justfile justfile = justfile(List.of(recipe("test", 20, line("uv run pytest ", var("_parallel"), " ",
                var("_skip_acceptance_and_release"), " --cov-fail-under=80"))), List.of(
                assignment("_parallel", new Expression.Literal("-n 4 --dist=worksteal --max-worker-restart=0"), 10),
                assignment("_skip_acceptance_and_release",
                        new Expression.Literal("-m 'not acceptance and not release'"), 13)));
        WorkerFinder finder = new WorkerFinder(just, pytestConfig, 2);

        Finding finding = finder.find(DIR, justfile, CALL, Map.of());

        assertThat(finding.workers()).isEqualTo(4);
        assertThat(finding.source()).contains(at(10));
        WorkerOverride keeping = new WorkerOverride.JustVariableKeepingOptions("_parallel",
                "-n 4 --dist=worksteal --max-worker-restart=0", "-n");
        assertThat(finder.overrides(Optional.of(finding), justfile, Optional.of("PYTEST_NUMPROCESSES")))
                .containsExactly(new WorkerOverride.EnvironmentVariable("PYTEST_NUMPROCESSES",
                        "the profile's override variable"), keeping, new WorkerOverride.PytestAddopts("-n"));
        assertThat(keeping.apply(CALL, 8).argv()).containsExactly("just",
                "_parallel=-n 8 --dist=worksteal --max-worker-restart=0", "test");
        assertThat(keeping.describe()).isEqualTo("justfile variable `_parallel` (just _parallel=\"-n N"
                + " --dist=worksteal --max-worker-restart=0\", keeping its other options)");
    }

    @Test
    void aCountInsideAVariableIsReplacedInEveryFormItTakes() {
        assertThat(WorkerOverride.JustVariableKeepingOptions.withCount("--dist load -n4", "-n", 8))
                .isEqualTo("--dist load -n8");
        assertThat(WorkerOverride.JustVariableKeepingOptions.withCount("--numprocesses=2 -x", "-n", 8))
                .isEqualTo("--numprocesses=8 -x");
        assertThat(WorkerOverride.JustVariableKeepingOptions.withCount("-n auto --maxprocesses 3", "--maxprocesses",
                6)).isEqualTo("-n auto --maxprocesses 6");
    }

    @Test
    void sculptorsScriptSetsTheCountInBranchesAndNamesTheVariableThatSelectsThem() {
        // sculptor (HEAD): a shebang script; the dry run prints it with its interpolations filled in
        List<String> script = List.of("#!/usr/bin/env bash", "set -euo pipefail",
                "if [ -n \"${XDIST_WORKERS:-}\" ]; then", "  xdist_args=\"-n ${XDIST_WORKERS}\"", "else",
                "  xdist_args=\"-n auto --maxprocesses 3\"", "fi", "timeout_prefix=\"\"", "_do_test_integration() {",
                "  ${timeout_prefix} uv run --project sculptor pytest ${xdist_args} -v sculptor/tests/integration/",
                "}", "quiet_by_default test-integration _do_test_integration");
        when(just.dryRun(eq(DIR), any())).thenReturn(script);
        Justfile justfile = justfile(recipe("test", 1520, script.stream().map(Justfiles::line).toList()));
        WorkerFinder finder = new WorkerFinder(just, pytestConfig, 16);

        Finding unset = finder.find(DIR, justfile, CALL, Map.of());
        Finding set = finder.find(DIR, justfile, CALL.withEnvironment(Map.of("XDIST_WORKERS", "8")), Map.of());

        assertThat(unset.workers()).isEqualTo(3);
        assertThat(unset.written()).isEqualTo("-n auto --maxprocesses 3");
        assertThat(unset.source()).as("the assignment's line").contains(at(1526));
        assertThat(unset.notes()).first().asString().startsWith("the script sets `xdist_args`")
                .endsWith("(XDIST_WORKERS selects the branch)");
        assertThat(set.workers()).isEqualTo(8);
        assertThat(set.source()).contains(at(1524));
        assertThat(finder.overrides(Optional.of(unset), justfile, Optional.empty())).first()
                .isEqualTo(new WorkerOverride.EnvironmentVariable("XDIST_WORKERS",
                        "read by the script where it sets `xdist_args`"));
    }
}
