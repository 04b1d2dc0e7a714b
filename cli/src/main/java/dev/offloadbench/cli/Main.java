package dev.offloadbench.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** {@code bench}: the command line entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int exitCode = new Bench(Map.copyOf(System.getenv()), Path.of("").toAbsolutePath(), out, err).run(args);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }
}
