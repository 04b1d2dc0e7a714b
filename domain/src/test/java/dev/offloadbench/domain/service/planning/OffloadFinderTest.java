package dev.offloadbench.domain.service.planning;

import static dev.offloadbench.domain.service.planning.Justfiles.justfile;
import static dev.offloadbench.domain.service.planning.Justfiles.line;
import static dev.offloadbench.domain.service.planning.Justfiles.recipe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.justfile.Justfile;
import dev.offloadbench.domain.justfile.RecipeCall;
import dev.offloadbench.domain.justfile.SourceLine;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.plan.Problem;
import dev.offloadbench.domain.port.out.JustfileReader;
import dev.offloadbench.domain.port.out.OffloadConfigReader;
import dev.offloadbench.domain.port.out.OffloadConfigReader.OffloadConfig;
import dev.offloadbench.domain.port.out.ProjectFolders;
import dev.offloadbench.domain.service.planning.OffloadFinder.Finding;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OffloadFinderTest {
    private static final Path DIR = Path.of("/projects/demo");
    private static final RecipeCall CALL = RecipeCall.of("test-offload");

    private final JustfileReader just = mock(JustfileReader.class);
    private final OffloadConfigReader configs = mock(OffloadConfigReader.class);
    /** Files that are not there; everything else is. */
    private final Set<Path> missing = new HashSet<>();
    private final OffloadFinder finder = new OffloadFinder(just, configs,
            path -> missing.contains(path) ? ProjectFolders.State.MISSING : ProjectFolders.State.FILE);

    {
        // any config file: Modal, no max_parallel (tests that care stub their own file)
        when(configs.read(any())).thenAnswer(call -> call.getArgument(0) == null ? null // while a test stubs read(any())
                : new OffloadConfig(call.getArgument(0), OptionalInt.empty(), Optional.empty(),
                        Optional.of(OffloadProvider.MODAL)));
    }

    /** A recipe whose single body line (header on line 4, so the body is line 5) is {@code command}. */
    private Justfile recipeRunning(String command) {
        when(just.dryRun(eq(DIR), any())).thenReturn(List.of(command));
        return justfile(recipe("test-offload", 4, line(command)));
    }

    private void configSets(String file, int maxParallel, int line) {
        Path path = DIR.resolve(file);
        when(configs.read(path)).thenReturn(new OffloadConfig(path, OptionalInt.of(maxParallel),
                Optional.of(new SourceLine(path, line)), Optional.of(OffloadProvider.MODAL)));
    }

    private Finding find(Justfile justfile) {
        return finder.find(DIR, justfile, CALL, Map.of());
    }

    @Test
    void defaultConfigIsOffloadTomlInTheRecipesDirectory() {
        Justfile justfile = recipeRunning("offload run");
        configSets("offload.toml", 50, 3);

        Finding finding = find(justfile);

        assertThat(finding.maxParallel()).isEqualTo(50);
        assertThat(finding.source()).isEqualTo("offload.toml:3");
        assertThat(finding.configFile()).isEqualTo(DIR.resolve("offload.toml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "offload -c offload-modal.toml run",
        "offload run -c offload-modal.toml",
        "offload --config offload-modal.toml run",
        "offload run --config=offload-modal.toml",
        "offload -coffload-modal.toml run",
        "cd . && offload run --config 'offload-modal.toml' -- -x",
    })
    void configFileIsReadWhereverTheOptionStands(String command) {
        Justfile justfile = recipeRunning(command);
        configSets("offload-modal.toml", 50, 3);

        Finding finding = find(justfile);

        assertThat(finding.maxParallel()).isEqualTo(50);
        assertThat(finding.source()).isEqualTo("offload-modal.toml:3");
        assertThat(finding.configFile()).isEqualTo(DIR.resolve("offload-modal.toml"));
        verify(configs).read(DIR.resolve("offload-modal.toml"));
    }

    /** sculptor's test-offload shape: nothing but the shell's own commands before offload, so nothing writes it. */
    @Test
    void aMissingConfigThatNothingBeforeOffloadCouldWriteIsAConfigurationProblem() {
        missing.add(DIR.resolve("offload.toml"));
        when(just.dryRun(eq(DIR), any())).thenReturn(List.of("#!/bin/bash", "set -ueo pipefail",
                "if ! command -v offload &>/dev/null; then", "    echo \"Error: 'offload' is not installed.\"",
                "    exit 1", "fi", "ulimit -n 8192", "offload run --trace  || [ $? -eq 2 ]"));
        Justfile justfile = justfile(recipe("test-offload", 4, line("offload run --trace")));

        assertThatThrownBy(() -> find(justfile)).isInstanceOfSatisfying(PlanProblem.class, problem -> {
            assertThat(problem.kind()).isEqualTo(Problem.Kind.OFFLOAD_CONFIG);
            assertThat(problem.getMessage()).contains(DIR.resolve("offload.toml") + " does not exist");
        });
        verify(configs, never()).read(any());
    }

    /** sculptor's test-offload-perf-fast shape: a script writes the config first; only the probe can tell. */
    @Test
    void aMissingConfigARecipeMayWriteFirstIsLeftToTheProbe() {
        missing.add(DIR.resolve("offload-perf-fast.toml"));
        when(just.dryRun(eq(DIR), any())).thenReturn(List.of("#!/bin/bash", "set -ueo pipefail", "ulimit -n 8192",
                "python3 tools/perf/make_fast_config.py", "offload run -c offload-perf-fast.toml --trace"));
        Justfile justfile = justfile(recipe("test-offload", 4, line("offload run")));

        assertThatThrownBy(() -> find(justfile)).isInstanceOfSatisfying(PlanProblem.class,
                problem -> assertThat(problem.kind()).isEqualTo(Problem.Kind.READING));
    }

    @Test
    void configPathIsRelativeToTheProjectAndNormalised() {
        Justfile justfile = recipeRunning("offload -c ./ci/../offload-ci.toml run");
        configSets("offload-ci.toml", 12, 2);

        assertThat(find(justfile).configFile()).isEqualTo(DIR.resolve("offload-ci.toml"));
    }

    @Test
    void configPathFromAShellVariableUsesItsDefault() {
        Justfile justfile = recipeRunning("offload -c ${OFFLOAD_CONFIG:-offload-modal.toml} run");
        configSets("offload-modal.toml", 40, 1);

        assertThat(find(justfile).maxParallel()).isEqualTo(40);
    }

    @Test
    void configPathFromAnUnsetVariableWithoutDefaultIsAProblem() {
        Justfile justfile = recipeRunning("offload -c $OFFLOAD_CONFIG run");

        assertThatThrownBy(() -> find(justfile))
                .isInstanceOf(PlanProblem.class)
                .hasMessageContaining("gives offload `$OFFLOAD_CONFIG`, whose variable is not set and has no default");
    }

    @Test
    void parallelOnTheRunCommandWinsAndTheConfigStillGivesTheProvider() {
        Justfile justfile = recipeRunning("offload -c offload-modal.toml run --parallel 20");
        configSets("offload-modal.toml", 50, 3);

        Finding finding = find(justfile);

        assertThat(finding.maxParallel()).isEqualTo(20);
        assertThat(finding.source()).isEqualTo("justfile:5, --parallel");
        assertThat(finding.configFile()).isEqualTo(DIR.resolve("offload-modal.toml"));
        assertThat(finding.provider()).isEqualTo(OffloadProvider.MODAL);
    }

    @Test
    void parallelWithEqualsSignWins() {
        Justfile justfile = recipeRunning("offload run --parallel=30");
        assertThat(find(justfile).maxParallel()).isEqualTo(30);
    }

    @Test
    void theProviderIsTheConfigsProviderType() {
        Justfile justfile = recipeRunning("offload -c offload-local.toml run");
        Path path = DIR.resolve("offload-local.toml");
        when(configs.read(path)).thenReturn(new OffloadConfig(path, OptionalInt.of(4), Optional.empty(),
                Optional.of(OffloadProvider.LOCAL)));

        assertThat(find(justfile).provider()).isEqualTo(OffloadProvider.LOCAL);
    }

    @Test
    void aConfigWithoutAProviderIsAProblemOffloadWouldHaveToo() {
        Justfile justfile = recipeRunning("offload -c offload-modal.toml run");
        Path path = DIR.resolve("offload-modal.toml");
        when(configs.read(path)).thenReturn(new OffloadConfig(path, OptionalInt.of(4), Optional.empty(),
                Optional.empty()));

        assertThatThrownBy(() -> find(justfile))
                .isInstanceOf(PlanProblem.class)
                .hasMessage("recipe `test-offload` runs offload with config offload-modal.toml, which has no [provider]"
                        + " table; Offload needs one to know where to run the tests: add [provider] with"
                        + " type = \"modal\", \"local\" or \"default\"");
    }

    @Test
    void parallelFromAShellVariable() {
        Justfile justfile = recipeRunning("offload run --parallel ${OFFLOAD_PARALLEL:-16}");
        assertThat(find(justfile).maxParallel()).isEqualTo(16);
        assertThat(finder.find(DIR, justfile, CALL, Map.of("OFFLOAD_PARALLEL", "64")).maxParallel()).isEqualTo(64);
    }

    @Test
    void parallelThatIsNotANumberIsAProblem() {
        Justfile justfile = recipeRunning("offload run --parallel lots");
        assertThatThrownBy(() -> find(justfile))
                .isInstanceOf(PlanProblem.class)
                .hasMessageContaining("--parallel `lots`, which is not a number");
    }

    @Test
    void parallelBeforeRunIsNotRunsOption() {
        Justfile justfile = recipeRunning("offload --parallel 20 run");
        configSets("offload.toml", 50, 3);
        assertThat(find(justfile).maxParallel()).isEqualTo(50);
    }

    @Test
    void missingMaxParallelMeansOffloadsDefaultOfTen() {
        Justfile justfile = recipeRunning("offload -c offload-modal.toml run");
        Path path = DIR.resolve("offload-modal.toml");
        when(configs.read(path)).thenReturn(new OffloadConfig(path, OptionalInt.empty(), Optional.empty(),
                Optional.of(OffloadProvider.MODAL)));

        Finding finding = find(justfile);

        assertThat(finding.maxParallel()).isEqualTo(10);
        assertThat(finding.source()).isEqualTo("Offload's default (offload-modal.toml sets no max_parallel)");
    }

    @Test
    void maxParallelWithoutALineNamesTheFile() {
        Justfile justfile = recipeRunning("offload run");
        Path path = DIR.resolve("offload.toml");
        when(configs.read(path)).thenReturn(new OffloadConfig(path, OptionalInt.of(7), Optional.empty(),
                Optional.of(OffloadProvider.MODAL)));

        assertThat(find(justfile).source()).isEqualTo("offload.toml");
    }

    @Test
    void configReadFailureIsAProblemNamingTheRecipeAndTheFile() {
        Justfile justfile = recipeRunning("offload -c offload-modal.toml run");
        when(configs.read(any())).thenThrow(new BenchException("offload-modal.toml:2:7: expected a value"));

        assertThatThrownBy(() -> find(justfile))
                .isInstanceOf(PlanProblem.class)
                .hasMessage("recipe `test-offload` runs offload with config offload-modal.toml:"
                        + " offload-modal.toml:2:7: expected a value");
    }

    @Test
    void offloadWithoutRunIsAProblem() {
        Justfile justfile = recipeRunning("offload -c offload-modal.toml status");
        assertThatThrownBy(() -> find(justfile))
                .isInstanceOf(PlanProblem.class)
                .hasMessageContaining("runs offload without its `run` subcommand: offload -c offload-modal.toml status");
    }

    @Test
    void recipeThatDoesNotRunOffloadIsAProblemShowingWhatItRuns() {
        Justfile justfile = recipeRunning("pytest -n 4");
        assertThatThrownBy(() -> find(justfile))
                .isInstanceOf(PlanProblem.class)
                .hasMessage("recipe `test-offload` does not run `offload`; it runs: pytest -n 4");
    }

    @Test
    void offloadInADependencyIsFound() {
        when(just.dryRun(eq(DIR), any())).thenReturn(List.of("echo prepare", "offload run --parallel 8"));
        Justfile justfile = justfile(
                Justfiles.withDependencies(recipe("test-offload", 1, List.of()), "inner"),
                recipe("inner", 10, line("echo prepare"), line("offload run --parallel 8")));

        Finding finding = find(justfile);

        assertThat(finding.maxParallel()).isEqualTo(8);
        assertThat(finding.source()).isEqualTo("justfile:12, --parallel");
    }

    @Test
    void theCallsEnvironmentReachesShellWords() {
        Justfile justfile = recipeRunning("offload run --parallel $P");
        Finding finding = finder.find(DIR, justfile, CALL.withEnvironment(Map.of("P", "9")), Map.of("P", "3"));
        assertThat(finding.maxParallel()).isEqualTo(9);
    }
}
