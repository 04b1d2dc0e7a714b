package dev.offloadbench.domain.service.planning;

import dev.offloadbench.domain.service.planning.ShellWords.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Finds a program's invocation among the command lines a recipe runs. */
final class CommandLines {
    private CommandLines() {
    }

    /**
     * An invocation of a program: the line it is on, the program as written (a name, or a path),
     * and the words after it.
     */
    record Invocation(int lineIndex, String line, Word program, List<Word> arguments) {
    }

    /** The first command (in line order) whose program matches, with the words after the program. */
    static Optional<Invocation> find(List<String> lines, Predicate<List<Word>> startsAt) {
        return findAll(lines, startsAt).stream().findFirst();
    }

    /** Every command whose program matches, in line order. */
    static List<Invocation> findAll(List<String> lines, Predicate<List<Word>> startsAt) {
        List<Invocation> found = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            for (List<Word> command : commands(line)) {
                Optional<List<Word>> rest = programAt(command, startsAt);
                if (rest.isPresent()) {
                    int skip = isModuleRun(rest.get()) ? 2 : 1;
                    found.add(new Invocation(index, line, rest.get().get(0),
                            List.copyOf(rest.get().subList(skip, rest.get().size()))));
                }
            }
        }
        return found;
    }

    /** The simple commands of a line: its words, split at the control operators. */
    static List<List<Word>> commands(String line) {
        return commands(ShellWords.split(line));
    }

    /**
     * The command from the program on, when it is run directly or through launchers: variable
     * assignments, expansions that may be empty or hold a launcher ({@code ${timeout_prefix}}),
     * programs that start another one ({@code uv run}, {@code env}, {@code timeout},
     * {@code python}...) with their options and the values those options take
     * ({@code uv run --project sculptor}, {@code env -u X}, {@code timeout --signal=INT -k 60s 900}).
     * Anything else means the program's name is some other program's argument
     * ({@code uv pip install pytest}).
     */
    private static Optional<List<Word>> programAt(List<Word> command, Predicate<List<Word>> startsAt) {
        String launcher = "";
        for (int i = 0; i < command.size(); i++) {
            List<Word> rest = command.subList(i, command.size());
            if (startsAt.test(rest)) {
                return Optional.of(rest);
            }
            String text = command.get(i).text();
            String program = basename(text);
            if (LAUNCHER_OPTIONS.containsKey(program) || program.matches("python[0-9.]*")) {
                launcher = program.startsWith("python") ? "python" : program;
            } else if (text.startsWith("-")) {
                if (!text.contains("=") && LAUNCHER_OPTIONS.getOrDefault(launcher, Set.of()).contains(text)) {
                    i++; // the option's value
                }
            } else if (!isAssignment(text) && !isExpansion(text) && !text.matches("[0-9.]+[smhd]?")
                    && !SUBCOMMANDS.contains(text)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean isAssignment(String text) {
        return text.matches("[A-Za-z_][A-Za-z0-9_]*=.*");
    }

    /** {@code $X}, {@code ${X}}, {@code ${X:-...}}: may be empty, or hold a launcher and its options. */
    private static boolean isExpansion(String text) {
        return text.matches("\\$(\\{[A-Za-z_][A-Za-z0-9_]*([:]?[-=+?][^}]*)?}|[A-Za-z_][A-Za-z0-9_]*)");
    }

    /** Launchers, with their options that take a value as the next word. */
    private static final Map<String, Set<String>> LAUNCHER_OPTIONS = Map.ofEntries(
            Map.entry("uv", Set.of("--project", "--directory", "--with", "--with-editable", "--with-requirements",
                    "--python", "-p", "--package", "--extra", "--group", "--only-group", "--no-group", "--env-file",
                    "--index", "--default-index", "--index-url", "--extra-index-url", "--find-links", "-f",
                    "--config-file", "--cache-dir", "--prerelease", "--resolution", "--exclude-newer", "--color",
                    "-w", "--refresh-package", "--upgrade-package", "-P", "--reinstall-package", "--link-mode",
                    "--keyring-provider", "--allow-insecure-host", "-C", "--config-setting", "--no-binary-package",
                    "--no-build-package", "--index-strategy")),
            Map.entry("uvx", Set.of("--from", "--with", "--python", "-p", "--index", "--index-url", "--cache-dir")),
            Map.entry("env", Set.of("-u", "--unset", "-C", "--chdir", "-S", "--split-string")),
            Map.entry("timeout", Set.of("-s", "--signal", "-k", "--kill-after")),
            Map.entry("nice", Set.of("-n", "--adjustment")),
            Map.entry("stdbuf", Set.of("-i", "-o", "-e")),
            Map.entry("xvfb-run", Set.of("-n", "--server-num", "-s", "--server-args", "-e", "--error-file", "-f",
                    "--auth-file", "-p", "--xauth-protocol")),
            Map.entry("sudo", Set.of("-u", "--user", "-g", "--group", "-C", "-D", "--chdir")),
            Map.entry("dotenv", Set.of("-f", "--file")),
            Map.entry("python", Set.of("-X", "-W")),
            Map.entry("poetry", Set.of("-C", "--directory", "-P", "--project")),
            Map.entry("pdm", Set.of("-p", "--project")),
            Map.entry("hatch", Set.of("-e", "--env")),
            Map.entry("pipenv", Set.of()),
            Map.entry("rye", Set.of()),
            Map.entry("coverage", Set.of("--rcfile", "--data-file", "--source", "--include", "--omit")),
            Map.entry("exec", Set.of("-a")),
            Map.entry("time", Set.of("-f", "--format", "-o", "--output")),
            Map.entry("command", Set.of()),
            Map.entry("nohup", Set.of()),
            Map.entry("tox", Set.of("-e")),
            Map.entry("nox", Set.of("-s", "--session")));

    /** Words of a launcher's command line that are no program: {@code uv run}, {@code coverage run}. */
    private static final Set<String> SUBCOMMANDS = Set.of("run", "exec", "--");

    /** pytest itself, {@code py.test}, or {@code python -m pytest}. */
    static boolean isPytest(List<Word> words) {
        String program = basename(words.get(0).text());
        return program.equals("pytest") || program.equals("py.test") || isModuleRun(words);
    }

    /** The {@code offload} binary. */
    static boolean isOffload(List<Word> words) {
        return basename(words.get(0).text()).equals("offload");
    }

    private static boolean isModuleRun(List<Word> words) {
        return words.size() > 1 && words.get(0).text().equals("-m") && words.get(1).text().equals("pytest");
    }

    static String basename(String word) {
        int slash = word.lastIndexOf('/');
        return slash < 0 ? word : word.substring(slash + 1);
    }

    private static List<List<Word>> commands(List<Word> words) {
        List<List<Word>> commands = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        for (Word word : words) {
            if (word.operator()) {
                if (!current.isEmpty()) {
                    commands.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(word);
            }
        }
        if (!current.isEmpty()) {
            commands.add(current);
        }
        return commands;
    }
}
