package dev.offloadbench.domain.service.planning;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word of a command line as the shell will see it at run time: a literal, or a parameter
 * expansion ({@code $N}, {@code ${N}}, {@code ${N:-4}}, {@code ${N-4}}, {@code ${N:=4}}) that reads
 * an environment variable, with its default.
 */
record ShellValue(String text, Optional<String> variable, Optional<String> fallback, boolean emptyIsUnset) {
    private static final Pattern EXPANSION =
            Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=])([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");

    static ShellValue of(String word) {
        Matcher m = EXPANSION.matcher(word);
        if (m.matches()) {
            String name = m.group(1) != null ? m.group(1) : m.group(4);
            boolean colon = m.group(2) != null && m.group(2).startsWith(":");
            return new ShellValue(word, Optional.of(name), Optional.ofNullable(m.group(3)), colon);
        }
        return new ShellValue(word, Optional.empty(), Optional.empty(), false);
    }

    /** The value the shell will use, given the run's environment; empty when it cannot be known. */
    Optional<String> resolve(Map<String, String> environment) {
        if (variable.isEmpty()) {
            return Optional.of(text);
        }
        String set = environment.get(variable.get());
        if (set == null || set.isEmpty() && emptyIsUnset) {
            return fallback.isPresent() || set == null ? fallback : Optional.of(set);
        }
        return Optional.of(set);
    }
}
