package dev.offloadbench.cli.plugin;

import dev.offloadbench.adapters.storage.JsonResultsExporter;
import dev.offloadbench.domain.profile.BuiltInProfiles;
import dev.offloadbench.domain.profile.ProfileRegistry;
import java.util.List;

/** What comes with offload-bench, installed exactly as a plugin jar's contributions are. */
public final class BuiltInPlugin {
    private BuiltInPlugin() {
    }

    /** The profiles mng and sculptor, and the exporter {@code json} (the results document). */
    public static Plugin create() {
        return new Plugin(ProfileRegistry.BUILT_IN, new BuiltInProfiles().profiles(), List.of(),
                List.of(new JsonResultsExporter()), List.of());
    }
}
