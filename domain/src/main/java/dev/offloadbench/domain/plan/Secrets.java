package dev.offloadbench.domain.plan;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Environment variables whose names look secret ({@code *TOKEN*}, {@code *SECRET*}, {@code *KEY*},
 * {@code *PASSWORD*}, in any case): their values reach the runs, but are never written to a
 * session or shown in a plan; {@link #REDACTED} stands in for them.
 */
public final class Secrets {
    /** What is written and shown instead of a secret value. */
    public static final String REDACTED = "<redacted>";

    private static final String[] SECRET_WORDS = {"TOKEN", "SECRET", "KEY", "PASSWORD"};

    private Secrets() {
    }

    public static boolean looksSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (upper.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The environment as it may be shown or stored: secret values replaced by {@link #REDACTED}, sorted by name. */
    public static Map<String, String> redacted(Map<String, String> environment) {
        Map<String, String> shown = new TreeMap<>();
        environment.forEach((name, value) -> shown.put(name, looksSecret(name) ? REDACTED : value));
        return shown;
    }

    /** Whether this variable's value was redacted when it was stored. */
    public static boolean isRedacted(String name, String value) {
        return looksSecret(name) && REDACTED.equals(value);
    }
}
