package dev.offloadbench.adapters.config;

import java.nio.file.Path;
import java.util.Map;

/** The user's home directory and {@code ~} expansion, from the environment the tool was given. */
final class Home {
    private Home() {
    }

    /** {@code HOME} from the environment; the JVM's {@code user.home} when it is unset or empty. */
    static Path of(Map<String, String> environment) {
        String home = nonEmpty(environment.get("HOME"));
        if (home == null) {
            home = System.getProperty("user.home");
        }
        return Path.of(home).toAbsolutePath().normalize();
    }

    /**
     * {@code ~} and {@code ~/...} relative to {@code home}; other relative paths relative to
     * {@code base}. The result is absolute and normalized.
     */
    static Path expand(String raw, Path home, Path base) {
        Path path;
        if (raw.equals("~")) {
            path = home;
        } else if (raw.startsWith("~/")) {
            path = home.resolve(raw.substring(2));
        } else {
            path = base.resolve(raw);
        }
        return path.toAbsolutePath().normalize();
    }

    static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
