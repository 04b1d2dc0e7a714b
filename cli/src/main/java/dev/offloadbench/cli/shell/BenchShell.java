package dev.offloadbench.cli.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToIntFunction;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import picocli.CommandLine;
import picocli.shell.jline3.PicocliJLineCompleter;

/**
 * {@code bench>}: the same command tree as the command line, one line at a time. Each line runs
 * as a fresh invocation (nothing is kept between commands); completion comes from the command
 * spec, history is kept in a file, Ctrl-C at the prompt clears the line, Ctrl-D (or {@code exit})
 * leaves. Ctrl-C while {@code run} runs cancels the session, as on the command line.
 */
public final class BenchShell {
    private static final String PROMPT = "bench> ";

    private final Terminal terminal;
    private final CommandLine.Model.CommandSpec commands;
    private final ToIntFunction<String[]> execute;
    private final Path historyFile;

    /**
     * @param commands the command tree, for completion
     * @param execute runs one line's words, as {@code bench WORDS...} would, and gives its exit code
     */
    public BenchShell(Terminal terminal, CommandLine.Model.CommandSpec commands, ToIntFunction<String[]> execute,
            Path historyFile) {
        this.terminal = terminal;
        this.commands = commands;
        this.execute = execute;
        this.historyFile = historyFile;
    }

    /**
     * Reads and runs lines until EOF or {@code exit}; then 0, whatever the last command exited
     * with (each command's outcome has been said on the screen).
     */
    public int run() {
        createHistoryFolder();
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("offload-bench")
                .completer(new PicocliJLineCompleter(commands))
                .parser(new DefaultParser())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .build();
        terminal.writer().println("offload-bench shell: type a command (help lists them), Ctrl-D or exit to leave.");
        terminal.writer().flush();
        while (true) {
            String line;
            try {
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue; // Ctrl-C at the prompt: a fresh line
            } catch (EndOfFileException e) {
                break;
            }
            List<String> words = reader.getParsedLine().words().stream().filter(w -> !w.isEmpty()).toList();
            if (words.isEmpty()) {
                continue;
            }
            if (words.size() == 1 && (words.get(0).equals("exit") || words.get(0).equals("quit"))) {
                break;
            }
            execute.applyAsInt(words.toArray(String[]::new));
            terminal.writer().flush();
        }
        saveHistory(reader);
        return 0;
    }

    private void createHistoryFolder() {
        try {
            Files.createDirectories(historyFile.getParent());
        } catch (IOException e) {
            terminal.writer().println("warning: history will not be kept: cannot create " + historyFile.getParent());
        }
    }

    private void saveHistory(LineReader reader) {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            terminal.writer().println("warning: could not save the history to " + historyFile + ": " + e.getMessage());
            terminal.writer().flush();
        }
    }
}
