package dev.offloadbench.spi.examples.demo;

import dev.offloadbench.domain.model.HighWorkers;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.model.RunDefaults;
import dev.offloadbench.domain.spi.ProfileProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An example plugin: the profile of the bundled demo project ({@code examples/demo}). A plugin
 * is this class, a service file naming it, and the SPI jar (offload-bench-spi) as a provided
 * dependency.
 */
public final class DemoProfiles implements ProfileProvider {
    static final Profile DEMO = new Profile("demo", "Demo", "Unit Tests", List.of(
            "{{testCount}} small pytest tests, each sleeping briefly to stand in for real work.",
            "Individual tests are cheap but not free, so the default xdist cap is n={{baseline.workers}}.",
            // a line about Offload only when Offload ran: a skipped Offload claims nothing
            "{{#if offload}}Offload bypasses xdist entirely, fanning out across up to {{maxParallel}} {{sandboxes}}."
                    + " Against a suite this small its per-sandbox overhead weighs heavily,"
                    + " yielding a {{offload.speedup}}x speedup.{{/if}}"),
            // how the demo runs: its recipes, the variable its recipe reads for the worker count, the high-run rule
            new RunDefaults("test-integration", "test-offload", Optional.of("XDIST_WORKERS"),
                    HighWorkers.doubledCappedAt(8), Map.of()));

    @Override
    public List<Profile> profiles() {
        return List.of(DEMO);
    }
}
