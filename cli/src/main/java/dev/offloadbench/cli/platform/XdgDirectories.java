package dev.offloadbench.cli.platform;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where offload-bench keeps its files, after the XDG base directory rules: configuration (and
 * plugins) under {@code $XDG_CONFIG_HOME} (default {@code ~/.config}), sessions, the lock and the
 * shell's history under {@code $XDG_STATE_HOME} (default {@code ~/.local/state}). A relative
 * value is ignored, as the rules say, and {@link #warnings()} says so.
 */
public final class XdgDirectories {
    private static final List<String> VARIABLES = List.of("XDG_CONFIG_HOME", "XDG_STATE_HOME");

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

    /** One line for each XDG variable that is set but ignored (a relative path), saying what is used instead. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (String variable : VARIABLES) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank() && absolute(value) == null) {
                String fallback = variable.equals("XDG_CONFIG_HOME") ? "~/.config" : "~/.local/state";
                warnings.add(variable + "=" + value + " is not an absolute path, so it is ignored (the XDG base"
                        + " directory rules say so) and " + fallback + " is used; set it to an absolute path");
            }
        }
        return warnings;
    }

    private Path base(String variable, String underHome) {
        String value = environment.get(variable);
        if (value != null && !value.isBlank()) {
            Path path = absolute(value);
            if (path != null) {
                return path;
            }
        }
        return Path.of(environment.getOrDefault("HOME", System.getProperty("user.home"))).resolve(underHome);
    }

    private static Path absolute(String value) {
        try {
            Path path = Path.of(value);
            return path.isAbsolute() ? path : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
