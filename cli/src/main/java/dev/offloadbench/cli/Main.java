package dev.offloadbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** {@code bench}: the command line entry point, and the shell when asked for (or run alone on a terminal). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Map<String, String> environment = Map.copyOf(System.getenv());
        Path workingDirectory = Path.of("").toAbsolutePath();
        int exitCode;
        if (Bench.wantsShell(System.console() != null, args)) {
            exitCode = shell(environment, workingDirectory, args);
        } else {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            exitCode = new Bench(environment, workingDirectory, out, err).run(args);
            out.flush();
            err.flush();
        }
        System.exit(exitCode);
    }

    private static int shell(Map<String, String> environment, Path workingDirectory, String[] args) {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            return new Bench(environment, workingDirectory, terminal.writer(), terminal.writer())
                    .shell(terminal, args);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal for the shell", e);
        }
    }
}
