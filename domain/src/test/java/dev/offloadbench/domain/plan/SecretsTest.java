package dev.offloadbench.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.probe.ObservedPytest;
import dev.offloadbench.domain.probe.ProbeResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void aMaskedPlanKeepsEverythingButTheSecretsItsRunsHandOn() {
        Map<String, String> environment = Map.of("API_TOKEN", "s3cret-value");
        FileDigest config = new FileDigest(Path.of("/p/mng/offload-modal.toml"), "a".repeat(64));
        PlannedRun run = new PlannedRun(RunKind.OFFLOAD, "test-offload", List.of("just", "test-offload"), environment,
                Path.of("/p/mng"), OptionalInt.empty(), Optional.empty(), OptionalInt.of(40),
                Optional.of("offload-modal.toml:3 (s3cret-value)"), 1, List.of("saw s3cret-value"),
                Optional.of(OffloadProvider.MODAL), Optional.empty(), Optional.of(config));
        BenchmarkPlan plan = new BenchmarkPlan(new MachineDescription("Test rig (4 cores)", MachineDescription.Source.CONFIG), Path.of("/r/README.md"),
                List.of(new ProjectPlan("mng", Path.of("/p/mng"), List.of(run))), List.of());

        PlannedRun masked = Secrets.in(List.of(environment)).mask(plan).profiles().get(0).runs().get(0);

        assertThat(masked.notes()).containsExactly("saw " + Secrets.REDACTED);
        assertThat(masked.maxParallelSource()).contains("offload-modal.toml:3 (" + Secrets.REDACTED + ")");
        assertThat(masked.offloadConfig()).contains(config);
        assertThat(masked.provider()).contains(OffloadProvider.MODAL);
        assertThat(masked.maxParallel()).hasValue(40);
    }

    @Test
    void whatAProbeSawIsMaskedWithTheVersionsKept() {
        ObservedPytest.Versions versions = new ObservedPytest.Versions(Optional.of("3.11.4"), Optional.of("8.3.2"),
                Optional.of("3.6.1"));
        ProbeResult probe = ProbeResult.observed(List.of(new ObservedPytest(8, Optional.of("8"), OptionalInt.empty(),
                OptionalInt.empty(), true, Path.of("/p/mng"), Optional.empty(), Path.of("/p/mng"),
                List.of("--token=s3cret-value"), "/usr/bin/python3", versions)), List.of(), 0, java.time.Duration.ZERO);

        ObservedPytest masked = Secrets.in(List.of(Map.of("API_TOKEN", "s3cret-value"))).mask(probe).pytest().get(0);

        assertThat(masked.arguments()).containsExactly("--token=" + Secrets.REDACTED);
        assertThat(masked.versions()).isEqualTo(versions);
        assertThat(masked.workers()).isEqualTo(8);
    }
}
