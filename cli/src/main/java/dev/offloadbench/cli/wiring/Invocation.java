package dev.offloadbench.cli.wiring;

import dev.offloadbench.files.XdgDirectories;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one invocation knows before anything is wired: the process environment, the working
 * directory, and the global options that decide the wiring ({@code --config}).
 */
public record Invocation(Map<String, String> environment, Path workingDirectory, Optional<Path> configFile) {
    public Invocation {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(configFile, "configFile");
    }

    /** {@code $XDG_STATE_HOME/offload-bench}, by default {@code ~/.local/state/offload-bench}: sessions and the lock. */
    public Path stateDirectory() {
        return new XdgDirectories(environment).state();
    }
}
