package dev.offloadbench.cli.platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where offload-bench keeps its files, after the XDG base directory rules: configuration (and
 * plugins) under {@code $XDG_CONFIG_HOME} (default {@code ~/.config}), sessions, the lock and the
 * shell's history under {@code $XDG_STATE_HOME} (default {@code ~/.local/state}). A relative
 * value is ignored, as the rules say.
 */
public final class XdgDirectories {
    private final Map<String, String> environment;

    public XdgDirectories(Map<String, String> environment) {
        this.environment = environment;
    }

    /** {@code $XDG_CONFIG_HOME/offload-bench}. */
    public Path config() {
        return base("XDG_CONFIG_HOME", ".config").resolve("offload-bench");
    }

    /** {@code $XDG_STATE_HOME/offload-bench}. */
    public Path state() {
        return base("XDG_STATE_HOME", ".local/state").resolve("offload-bench");
    }

    private Path base(String variable, String underHome) {
        String value = environment.get(variable);
        if (value != null && !value.isBlank() && Path.of(value).isAbsolute()) {
            return Path.of(value);
        }
        return Path.of(environment.getOrDefault("HOME", System.getProperty("user.home"))).resolve(underHome);
    }
}
