package dev.offloadbench.spi.examples.nextest;

import dev.offloadbench.domain.model.HighWorkers;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.spi.ProfileProvider;
import dev.offloadbench.domain.model.RunDefaults;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The profile {@code offload-cargo}: Offload's own Rust test suite, as its justfile runs it
 * ({@code just test} runs {@code cargo nextest run}, {@code just test-cargo-modal} runs it
 * through Offload with {@code offload-cargo-modal.toml}). nextest runs one test per logical CPU
 * unless {@code NEXTEST_TEST_THREADS} says otherwise: the high run sets it to twice that. The
 * report's local rows name the runner {@code cargo-nextest}.
 */
public final class OffloadCargoProfile implements ProfileProvider {
    static final Profile OFFLOAD_CARGO = new Profile("offload-cargo", "Offload", "Rust Tests (cargo-nextest)",
            List.of(
                "{{testCount}} Rust tests, run by cargo-nextest, each in a process of its own.",
                "Locally nextest runs one test per logical CPU by default: n={{baseline.workers}} on this machine.",
                "Offload fans the tests out across up to {{maxParallel}} sandboxes"
                        + "{{#if offload}}, a {{offload.speedup}}x speedup{{/if}}."),
            new RunDefaults("test", "test-cargo-modal", Optional.of("NEXTEST_TEST_THREADS"),
                    HighWorkers.doubledCappedAt(64), Map.of(), Optional.of(NextestOutputParser.NAME)),
            List.of("Offload Rust Tests", "Offload Unit Tests"),
            // the report's local rows: "| cargo-nextest, n=8 (baseline) |"
            NextestOutputParser.NAME);

    @Override
    public List<Profile> profiles() {
        return List.of(OFFLOAD_CARGO);
    }
}
