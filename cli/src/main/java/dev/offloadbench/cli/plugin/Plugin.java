package dev.offloadbench.cli.plugin;

import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.spi.ResultsExporter;
import dev.offloadbench.domain.spi.RunListener;
import dev.offloadbench.domain.spi.TestOutputParser;
import java.util.List;
import java.util.Objects;

/**
 * What one plugin provides, already instantiated: the built-in one, a jar's, or one a test
 * builds. All of them are installed the same way ({@link Plugins#install}).
 *
 * @param origin where it comes from, for messages and {@code bench profiles}: {@code built-in} or the jar's path
 */
public record Plugin(String origin, List<Profile> profiles, List<RunListener> listeners,
        List<ResultsExporter> exporters, List<TestOutputParser> parsers) {
    public Plugin {
        Objects.requireNonNull(origin, "origin");
        profiles = List.copyOf(profiles);
        listeners = List.copyOf(listeners);
        exporters = List.copyOf(exporters);
        parsers = List.copyOf(parsers);
    }

    boolean isEmpty() {
        return profiles.isEmpty() && listeners.isEmpty() && exporters.isEmpty() && parsers.isEmpty();
    }
}
