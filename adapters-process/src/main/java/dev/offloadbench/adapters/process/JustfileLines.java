package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.justfile.SourceLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the lines where recipes and variables are defined, because just's JSON dump has no
 * positions. This only locates header lines; it never reads structure (just does that). The root
 * justfile is searched first, then the files it imports ({@code import 'x'}, {@code import? 'x'},
 * relative to the importing file), depth first.
 */
final class JustfileLines {
    private static final Pattern IMPORT = Pattern.compile("^import\\??\\s+(['\"])(.+?)\\1\\s*(#.*)?$");
    /** {@code name :=}, {@code export name :=}, {@code alias a := b}: never a recipe header. */
    private static final Pattern DEFINITION = Pattern.compile("^(?:[A-Za-z_-]+\\s+)?[A-Za-z_][A-Za-z0-9_-]*\\s*:=");
    private static final String ATTRIBUTES_ON_SAME_LINE = "(?:\\[[^\\]]*\\]\\s*)*";

    private final List<SourceText> files;

    private JustfileLines(List<SourceText> files) {
        this.files = files;
    }

    private record SourceText(Path file, List<String> lines) {
    }

    /** The root justfile and its imports; files that cannot be read are left out (no lines for them). */
    static JustfileLines of(Path rootJustfile) {
        List<SourceText> files = new ArrayList<>();
        collect(rootJustfile.toAbsolutePath().normalize(), new LinkedHashSet<>(), files);
        return new JustfileLines(files);
    }

    private static void collect(Path file, Set<Path> seen, List<SourceText> files) {
        if (!seen.add(file)) {
            return;
        }
        List<String> lines;
        try {
            lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return;
        }
        files.add(new SourceText(file, lines));
        Path folder = file.getParent();
        for (String line : lines) {
            Matcher imported = IMPORT.matcher(line.strip());
            if (imported.matches() && folder != null) {
                collect(folder.resolve(imported.group(2)).normalize(), seen, files);
            }
        }
    }

    Optional<SourceLine> recipe(String name) {
        Pattern header = Pattern.compile("^" + ATTRIBUTES_ON_SAME_LINE + "@?" + Pattern.quote(name)
                + "(?:\\s.*?)?\\s*:(?![=:])");
        return find(line -> !DEFINITION.matcher(line).find() && header.matcher(line).find());
    }

    Optional<SourceLine> assignment(String name) {
        Pattern definition = Pattern.compile("^(?:export\\s+|eager\\s+)?" + Pattern.quote(name) + "\\s*:=");
        return find(line -> definition.matcher(line).find());
    }

    private Optional<SourceLine> find(java.util.function.Predicate<String> matches) {
        for (SourceText source : files) {
            List<String> lines = source.lines();
            for (int i = 0; i < lines.size(); i++) {
                if (matches.test(lines.get(i))) {
                    return Optional.of(new SourceLine(source.file(), i + 1));
                }
            }
        }
        return Optional.empty();
    }
}
