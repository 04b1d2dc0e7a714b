package dev.offloadbench.domain.service.planning;

import static dev.offloadbench.domain.service.planning.Justfiles.justfile;
import static dev.offloadbench.domain.service.planning.Justfiles.line;
import static dev.offloadbench.domain.service.planning.Justfiles.recipe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.offloadbench.domain.config.BenchConfig;
import dev.offloadbench.domain.config.ProjectConfig;
import dev.offloadbench.domain.justfile.SourceLine;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.model.HighWorkers;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.model.RunDefaults;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.plan.BenchmarkPlan;
import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.port.in.PlanBenchmark.Query;
import dev.offloadbench.domain.port.out.JustfileReader;
import dev.offloadbench.domain.port.out.MachineProbe;
import dev.offloadbench.domain.port.out.OffloadConfigReader;
import dev.offloadbench.domain.port.out.OffloadConfigReader.OffloadConfig;
import dev.offloadbench.domain.port.out.PytestConfigReader;
import dev.offloadbench.domain.port.out.ProjectFolders;
import dev.offloadbench.domain.port.out.ReadmeStore;
import dev.offloadbench.domain.port.out.RunProbe;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.service.containment.FakeLocks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile whose local runs use another runner than pytest-xdist (cargo-nextest, say): the
 * runner takes its worker count from the profile's variable, one per logical CPU without it.
 */
class PlannerOtherRunnerTest {
    private static final Profile NEXTEST = new Profile("offload-cargo", "Offload", "Rust Tests", List.of(),
            new RunDefaults("test", "test-cargo-modal", Optional.of("NEXTEST_TEST_THREADS"),
                    HighWorkers.doubledCappedAt(64), Map.of(), Optional.of("cargo-nextest")));

    @TempDir
    Path root;
    Path project;

    final JustfileReader just = mock(JustfileReader.class);
    final OffloadConfigReader offloadConfigs = mock(OffloadConfigReader.class);
    final MachineProbe machine = mock(MachineProbe.class);

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectory(root.resolve("offload"));
        when(machine.cores()).thenReturn(6);
        when(just.read(project)).thenReturn(justfile(recipe("test", 11, line("cargo nextest run")),
                recipe("test-cargo-modal", 15, line("offload -c offload-cargo-modal.toml run"))));
        when(just.dryRun(any(), any())).thenAnswer(invocation -> {
            String recipe = ((dev.offloadbench.domain.justfile.RecipeCall) invocation.getArgument(1)).recipe();
            return recipe.equals("test") ? List.of("cargo nextest run")
                    : List.of("offload -c offload-cargo-modal.toml run");
        });
        Path offloadToml = project.resolve("offload-cargo-modal.toml");
        when(offloadConfigs.read(offloadToml)).thenReturn(new OffloadConfig(offloadToml, OptionalInt.of(4),
                Optional.of(new SourceLine(offloadToml, 5)), Optional.of(OffloadProvider.MODAL)));
    }

    private BenchmarkPlan plan(Map<String, String> environment, ProjectConfig project) {
        BenchConfig config = new BenchConfig(Optional.empty(), Optional.of("box"), Path.of("/offload"),
                Path.of("/offload/README.md"), List.of(project));
        return new Planner(config, new ProfileRegistry().install("plugin", List.of(NEXTEST)), just,
                mock(PytestConfigReader.class), offloadConfigs, machine, mock(ReadmeStore.class),
                folder -> ProjectFolders.State.FOLDER, mock(RunProbe.class), environment,
                FakeLocks.free(new FakeLocks.RecordingHeld()))
                .plan(new Query(List.of()));
    }

    @Test
    void theBaselineRunsOneWorkerPerCoreAndTheHighRunSetsTheVariable() {
        BenchmarkPlan plan = plan(Map.of(), ProjectConfig.at("offload-cargo", project));

        assertThat(plan.problems()).isEmpty();
        List<PlannedRun> runs = plan.profiles().get(0).runs();
        PlannedRun baseline = runs.get(0);
        assertThat(baseline.kind()).isEqualTo(RunKind.BASELINE);
        assertThat(baseline.workers()).isEqualTo(OptionalInt.of(6));
        assertThat(baseline.environment()).doesNotContainKey("NEXTEST_TEST_THREADS");
        assertThat(baseline.workersSource()).contains("NEXTEST_TEST_THREADS unset (one per logical CPU)");
        assertThat(baseline.notes()).contains("output read by cargo-nextest");
        PlannedRun high = runs.get(1);
        assertThat(high.workers()).isEqualTo(OptionalInt.of(12));
        assertThat(high.environment()).containsEntry("NEXTEST_TEST_THREADS", "12");
        assertThat(runs.get(2).maxParallel()).isEqualTo(OptionalInt.of(4));
    }

    @Test
    void aCountTheEnvironmentAlreadySetsIsTheBaseline() {
        BenchmarkPlan plan = plan(Map.of("NEXTEST_TEST_THREADS", "3"), ProjectConfig.at("offload-cargo", project));

        assertThat(plan.profiles().get(0).runs().get(0).workers()).isEqualTo(OptionalInt.of(3));
        assertThat(plan.profiles().get(0).runs().get(0).workersSource())
                .contains("NEXTEST_TEST_THREADS=3 in the run's environment");
        assertThat(plan.profiles().get(0).runs().get(1).environment()).containsEntry("NEXTEST_TEST_THREADS", "6");
    }

    @Test
    void aCountThatIsNoNumberIsAProblem() {
        BenchmarkPlan plan = plan(Map.of("NEXTEST_TEST_THREADS", "num-cpus-ish"),
                ProjectConfig.at("offload-cargo", project));

        assertThat(plan.complete()).isFalse();
        assertThat(plan.problems().get(0).message()).contains("NEXTEST_TEST_THREADS is \"num-cpus-ish\"")
                .contains("not a worker count");
    }
}
