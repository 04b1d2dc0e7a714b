package dev.offloadbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** {@code bench}: the command line entry point, and the shell when asked for (or run alone on a terminal). */
public final class Main {
    private Main() {
    }

    /**
     * JLine reports through java.util.logging (a warning when stdin is not a terminal, say);
     * bench says what matters itself. Held here: a logger nobody references may be collected,
     * and its level with it. (In a class of its own, so that {@code --version} never starts logging.)
     */
    private static final class QuietJline {
        static final Logger JLINE = Logger.getLogger("org.jline");

        static void silence() {
            JLINE.setLevel(Level.OFF);
        }
    }

    public static void main(String[] args) {
        if (Bench.asksForVersionOnly(args)) {
            // nothing else to start: no command tree, no logging, no terminal
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            Bench.printVersion(out);
            System.exit(0);
        }
        QuietJline.silence();
        Map<String, String> environment = Map.copyOf(System.getenv());
        Path workingDirectory = Path.of("").toAbsolutePath();
        int exitCode;
        if (Bench.wantsShell(System.console() != null, args)) {
            exitCode = shell(environment, workingDirectory, args);
        } else {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            try (Bench bench = new Bench(environment, workingDirectory, out, err)) {
                exitCode = bench.run(args);
            }
            out.flush();
            err.flush();
        }
        System.exit(exitCode);
    }

    private static int shell(Map<String, String> environment, Path workingDirectory, String[] args) {
        // dumb(true): where stdin is no terminal (piped lines), a plain line reader, without a warning
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
                Bench bench = new Bench(environment, workingDirectory, terminal.writer(), terminal.writer())) {
            return bench.shell(terminal, args);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal for the shell", e);
        }
    }
}
