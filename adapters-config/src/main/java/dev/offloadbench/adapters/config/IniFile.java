package dev.offloadbench.adapters.config;

import dev.offloadbench.domain.BenchException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An ini file read the way pytest reads {@code pytest.ini}, {@code tox.ini} and
 * {@code setup.cfg}: with iniconfig's rules, not Python's configparser. {@code name = value} or
 * {@code name: value}; a line that starts with whitespace continues the previous value (joined
 * with a newline); lines whose first non-blank character is {@code #} or {@code ;} are comments
 * and are skipped, also inside a continued value; inline comments are stripped from section
 * headers only, never from values; section and key names are case-sensitive; a duplicate
 * section or key is an error, as is a key before any section.
 *
 * <p>No maintained Java library follows these rules and keeps line numbers, so this reader
 * stays this small: sections, their keys, the values and the line each key is on.
 */
final class IniFile {
    private static final String COMMENT_CHARS = "#;";

    /** A value and the 1-based line of its key. */
    record Entry(String value, int line) {
    }

    private final Map<String, Map<String, Entry>> sections;

    private IniFile(Map<String, Map<String, Entry>> sections) {
        this.sections = sections;
    }

    /** @throws BenchException naming the file and line when it cannot be read or parsed */
    static IniFile read(Path file) {
        return parse(file, TomlFiles.readText(file));
    }

    static IniFile parse(Path file, String text) {
        Map<String, Map<String, Entry>> sections = new LinkedHashMap<>();
        Map<String, Entry> section = null;
        String lastKey = null;
        String[] lines = text.split("\\R", -1);
        for (int index = 0; index < lines.length; index++) {
            int lineNumber = index + 1;
            String line = lines[index];
            if (isComment(line)) {
                continue;
            }
            line = line.stripTrailing();
            if (line.isEmpty()) {
                continue;
            }
            String continuation;
            if (line.charAt(0) == '[') {
                String header = withoutComments(line);
                if (header.endsWith("]")) {
                    String name = header.substring(1, header.length() - 1);
                    if (name.isEmpty()) {
                        throw error(file, lineNumber, "empty section name");
                    }
                    if (sections.containsKey(name)) {
                        throw error(file, lineNumber, "duplicate section '" + name + "'");
                    }
                    section = new LinkedHashMap<>();
                    sections.put(name, section);
                    lastKey = null;
                    continue;
                }
                // iniconfig takes a '[' line without a closing ']' for a continuation
                continuation = line.strip();
            } else if (!Character.isWhitespace(line.charAt(0))) {
                int equals = line.indexOf('=');
                int split = equals >= 0 && line.lastIndexOf(':', equals) < 0 ? equals : line.indexOf(':');
                if (split < 0) {
                    throw error(file, lineNumber, "unexpected line: '" + line + "'");
                }
                if (section == null) {
                    throw error(file, lineNumber, "no section header defined");
                }
                String key = line.substring(0, split).strip();
                if (section.containsKey(key)) {
                    throw error(file, lineNumber, "duplicate name '" + key + "'");
                }
                section.put(key, new Entry(line.substring(split + 1).strip(), lineNumber));
                lastKey = key;
                continue;
            } else {
                continuation = line.strip();
            }
            if (section == null || lastKey == null) {
                throw error(file, lineNumber, "unexpected value continuation");
            }
            Entry last = section.get(lastKey);
            String joined = last.value().isEmpty() ? continuation : last.value() + "\n" + continuation;
            section.put(lastKey, new Entry(joined, last.line()));
        }
        return new IniFile(sections);
    }

    boolean hasSection(String name) {
        return sections.containsKey(name);
    }

    /** The value of {@code key} in {@code section}; continued lines are joined with newlines. */
    Optional<Entry> entry(String section, String key) {
        return Optional.ofNullable(sections.getOrDefault(section, Map.of()).get(key));
    }

    private static boolean isComment(String line) {
        String stripped = line.stripLeading();
        return !stripped.isEmpty() && COMMENT_CHARS.indexOf(stripped.charAt(0)) >= 0;
    }

    private static String withoutComments(String line) {
        String result = line;
        for (char c : COMMENT_CHARS.toCharArray()) {
            int at = result.indexOf(c);
            if (at >= 0) {
                result = result.substring(0, at);
            }
            result = result.stripTrailing();
        }
        return result;
    }

    private static BenchException error(Path file, int line, String message) {
        return new BenchException(file + ":" + line + ": " + message);
    }
}
