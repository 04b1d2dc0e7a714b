package dev.offloadbench.spi.examples;

import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.spi.ProfileProvider;
import java.util.List;

/**
 * An example plugin: the profile of the bundled demo project ({@code examples/demo}). A plugin
 * is this class, a service file naming it, and the domain jar as a provided dependency.
 */
public final class ExampleProfiles implements ProfileProvider {
    static final Profile DEMO = new Profile("demo", "Demo", "Unit Tests", List.of(
            "{{testCount}} small pytest tests, each sleeping briefly to stand in for real work.",
            "Individual tests are cheap but not free, so the default xdist cap is n={{baseline.workers}}.",
            "Offload bypasses xdist entirely, fanning out across up to {{maxParallel}} isolated sandboxes."
                    + "{{#if offload}} Against a suite this small its per-sandbox overhead weighs heavily,"
                    + " yielding a {{offload.speedup}}x speedup.{{/if}}"));

    @Override
    public List<Profile> profiles() {
        return List.of(DEMO);
    }
}
