package dev.offloadbench.cli.shell;

import dev.offloadbench.files.AtomicFile;
import dev.offloadbench.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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
 * spec, history is kept in a private file (0600, in a folder 0700), Ctrl-C at the prompt clears
 * the line, Ctrl-D (or {@code exit}) leaves.
 *
 * <p>Ctrl-C while a line runs stops that command and comes back to the prompt, whatever the
 * command: the shell's handler interrupts the thread running the line (a command waiting for a
 * lock or a child process gives up, saying so), and {@code run}, {@code plan} and
 * {@code update-readme}, which install handlers of their own while they run, cancel as they do
 * on the command line. The shell itself never dies of a Ctrl-C.
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
        preparePrivateHistory();
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("offload-bench")
                .completer(new PicocliJLineCompleter(commands))
                .parser(new DefaultParser())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .build();
        terminal.writer().println("offload-bench shell: type a command (help lists them), Ctrl-D or exit to leave.");
        terminal.writer().flush();
        // Outside the prompt (where the line reader has its own), Ctrl-C stops the line that runs.
        AtomicReference<Thread> running = new AtomicReference<>();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
            Thread line = running.get();
            if (line != null) {
                line.interrupt();
            }
        });
        try {
            while (true) {
                Thread.interrupted(); // a Ctrl-C that came as the last line ended is spent
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
                running.set(Thread.currentThread());
                try {
                    execute.applyAsInt(words.toArray(String[]::new));
                } finally {
                    running.set(null);
                    Thread.interrupted();
                }
                terminal.writer().flush();
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
        saveHistory(reader);
        return 0;
    }

    /** The history says what was typed (paths, profile names): for its owner alone, as the rest of the state folder. */
    private void preparePrivateHistory() {
        try {
            PrivateFiles.folder(historyFile.getParent());
            PrivateFiles.file(historyFile);
        } catch (IOException e) {
            terminal.writer().println("warning: the history may not be kept: cannot prepare " + historyFile + " ("
                    + AtomicFile.reason(e) + ")");
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
