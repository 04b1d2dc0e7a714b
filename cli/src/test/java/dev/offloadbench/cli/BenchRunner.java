package dev.offloadbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs {@code bench} in-process, as {@link Main} would, and keeps what it printed. */
public final class BenchRunner {
    private final Map<String, String> environment;
    private final Path workingDirectory;

    public BenchRunner(Map<String, String> environment, Path workingDirectory) {
        this.environment = environment;
        this.workingDirectory = workingDirectory;
    }

    /** Working in the environment's HOME. */
    public BenchRunner(Map<String, String> environment) {
        this(environment, Path.of(environment.getOrDefault("HOME", ".")));
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new Bench(environment, workingDirectory, new PrintWriter(out, true),
                new PrintWriter(err, true)).run(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    public record Result(int exitCode, String out, String err) {
    }
}
