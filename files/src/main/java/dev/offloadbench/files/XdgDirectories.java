package dev.offloadbench.files;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's home and where offload-bench keeps its files, after the XDG base directory rules,
 * from the environment the program was given; the one place that reads {@code HOME},
 * {@code XDG_CONFIG_HOME} and {@code XDG_STATE_HOME}, for the configuration, the plugin folder,
 * the state folder (sessions, the run lock) and the shell's history alike.
 *
 * <ul>
 *   <li>{@code HOME} unset or empty counts as unset: the JVM's {@code user.home} (the account's
 *       home) is used. A relative {@code HOME} is ignored too, with a warning, so that no folder
 *       of the program ever depends on the current folder.
 *   <li>{@code XDG_CONFIG_HOME} and {@code XDG_STATE_HOME} are used when they are absolute paths;
 *       unset or empty they take their defaults ({@code ~/.config}, {@code ~/.local/state}); a
 *       relative one is ignored, as the rules say, and {@link #warnings()} says so.
 * </ul>
 */
public final class XdgDirectories {
    /** The folder under the XDG bases that is offload-bench's own. */
    public static final String APPLICATION = "offload-bench";
    private static final String CONFIG_HOME = "XDG_CONFIG_HOME";
    private static final String STATE_HOME = "XDG_STATE_HOME";

    private final Map<String, String> environment;

    public XdgDirectories(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The user's home: {@code HOME} when it is an absolute path, else the account's home ({@code user.home}). */
    public Path home() {
        return absolute(environment.get("HOME"))
                .orElseGet(() -> Path.of(System.getProperty("user.home")).toAbsolutePath())
                .normalize();
    }

    /** {@code $XDG_CONFIG_HOME}, by default {@code ~/.config}. */
    public Path configHome() {
        return base(CONFIG_HOME, ".config");
    }

    /** {@code $XDG_STATE_HOME}, by default {@code ~/.local/state}. */
    public Path stateHome() {
        return base(STATE_HOME, ".local/state");
    }

    /** {@code $XDG_CONFIG_HOME/offload-bench}: the user's configuration file and the plugin folder. */
    public Path config() {
        return configHome().resolve(APPLICATION);
    }

    /** {@code $XDG_STATE_HOME/offload-bench}: sessions, the run lock and the shell's history. */
    public Path state() {
        return stateHome().resolve(APPLICATION);
    }

    /**
     * A path as the user wrote it: {@code ~} and {@code ~/...} relative to the {@link #home()},
     * other relative paths relative to {@code base}; absolute and normalized.
     */
    public Path expand(String raw, Path base) {
        Path path;
        if (raw.equals("~")) {
            path = home();
        } else if (raw.startsWith("~/")) {
            path = home().resolve(raw.substring(2));
        } else {
            path = base.resolve(raw);
        }
        return path.toAbsolutePath().normalize();
    }

    /** One line for each variable that is set but ignored (a relative path), saying what is used instead. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        String home = environment.get("HOME");
        if (ignored(home)) {
            warnings.add("HOME=" + home + " is not an absolute path, so it is ignored and your account's home, "
                    + home() + ", is used; set HOME to an absolute path");
        }
        for (String variable : List.of(CONFIG_HOME, STATE_HOME)) {
            String value = environment.get(variable);
            if (ignored(value)) {
                String fallback = variable.equals(CONFIG_HOME) ? "~/.config" : "~/.local/state";
                warnings.add(variable + "=" + value + " is not an absolute path, so it is ignored (the XDG base"
                        + " directory rules say so) and " + fallback + " is used; set it to an absolute path");
            }
        }
        return warnings;
    }

    private Path base(String variable, String underHome) {
        return absolute(environment.get(variable)).orElseGet(() -> home().resolve(underHome)).normalize();
    }

    /** Set to something that is not an absolute path (empty counts as unset). */
    private static boolean ignored(String value) {
        return value != null && !value.isEmpty() && absolute(value).isEmpty();
    }

    private static Optional<Path> absolute(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(value);
            return path.isAbsolute() ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
