package dev.offloadbench.domain.service.planning;

import dev.offloadbench.domain.service.planning.ShellWords.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Finds a program's invocation among the command lines a recipe runs. */
final class CommandLines {
    private CommandLines() {
    }

    /** The arguments of the first invocation of a program, and the line it is on. */
    record Invocation(int lineIndex, String line, List<Word> arguments) {
    }

    /** The first command (in line order) whose program matches, with the words after the program. */
    static Optional<Invocation> find(List<String> lines, Predicate<List<Word>> startsAt) {
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            for (List<Word> command : commands(ShellWords.split(line))) {
                for (int i = 0; i < command.size() && (i == 0 || isLauncher(command.get(i - 1))); i++) {
                    List<Word> rest = command.subList(i, command.size());
                    if (startsAt.test(rest)) {
                        int skip = isModuleRun(rest) ? 2 : 1;
                        return Optional.of(new Invocation(index, line, List.copyOf(rest.subList(skip, rest.size()))));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Words that may stand before the program on its command line: variable assignments, options,
     * numbers (a timeout) and programs that launch another one ({@code uv run}, {@code python},
     * {@code env}, {@code timeout}...). Anything else means the program's name is some other
     * program's argument ({@code uv pip install pytest}).
     */
    private static boolean isLauncher(Word word) {
        String text = word.text();
        return text.matches("[A-Za-z_][A-Za-z0-9_]*=.*") || text.startsWith("-") || text.matches("[0-9.]+[smhd]?")
                || LAUNCHERS.contains(basename(text)) || basename(text).matches("python[0-9.]*");
    }

    private static final java.util.Set<String> LAUNCHERS = java.util.Set.of("uv", "uvx", "run", "poetry", "pipenv",
            "pdm", "hatch", "rye", "env", "exec", "time", "command", "nice", "nohup", "stdbuf", "timeout",
            "xvfb-run", "coverage", "sudo", "dotenv", "tox", "nox");

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

    private static String basename(String word) {
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
