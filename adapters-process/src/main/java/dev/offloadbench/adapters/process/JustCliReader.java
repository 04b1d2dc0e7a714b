package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.justfile.Justfile;
import dev.offloadbench.domain.justfile.RecipeCall;
import dev.offloadbench.domain.port.out.JustfileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads justfiles through the real {@code just} (1.57 tested): its JSON dump for the structure,
 * the justfile's text only to find the lines where recipes and variables are defined, and
 * {@code --dry-run} for the command lines a call would run. just runs in the project folder with
 * standard input closed, colours off and a timeout. When the {@code just} on the PATH is
 * rust-just's Node wrapper, its native binary runs instead ({@link PathToolLocator}): a plan makes
 * several calls, each of which would otherwise start Node first.
 */
public final class JustCliReader implements JustfileReader {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** {@code  ——▶ justfile:4:13}: where just points at a problem (U+2014 U+2014 U+25B6). */
    private static final Pattern LOCATION = Pattern.compile("^\\s*\u2014\u2014\u25B6 (.+):(\\d+):(\\d+)\\s*$");

    private final String justExecutable;
    private final Map<String, String> baseEnvironment;
    /** What runs for {@link #justExecutable}: found once, the native binary in place of rust-just's npm wrapper. */
    private String program;

    public JustCliReader() {
        this("just");
    }

    /** @param justExecutable the program to run: a name looked up on the PATH, or a path */
    public JustCliReader(String justExecutable) {
        this(justExecutable, System.getenv());
    }

    /** just runs with {@code baseEnvironment} (plus what a call adds) instead of this process's environment. */
    public JustCliReader(Map<String, String> baseEnvironment) {
        this("just", baseEnvironment);
    }

    public JustCliReader(String justExecutable, Map<String, String> baseEnvironment) {
        this.justExecutable = justExecutable;
        this.baseEnvironment = Map.copyOf(baseEnvironment);
    }

    @Override
    public Justfile read(Path projectDirectory) {
        Path directory = existingDirectory(projectDirectory);
        List<String> argv = List.of(justExecutable, "--color", "never", "--dump", "--dump-format", "json");
        Processes.Captured dump = run(argv, directory, Map.of());
        if (dump.exitCode() != 0) {
            throw failure("just could not read the justfile in " + directory, argv, directory, dump);
        }
        Justfile justfile;
        try {
            justfile = new JustDumpMapping(JustfileLines::of).justfile(JsonTree.parse(dump.stdout()));
        } catch (IOException | JustDumpMapping.MalformedDump e) {
            throw new BenchException("`" + Processes.display(argv) + "` in " + directory
                    + " printed JSON this tool does not understand (" + e.getMessage()
                    + "); it was tested with just 1.57: check `" + justExecutable + " --version`", e);
        }
        requireOwnJustfile(directory, justfile.source());
        return justfile;
    }

    @Override
    public Optional<String> evaluate(Path projectDirectory, RecipeCall call, String variable) {
        Path directory = existingDirectory(projectDirectory);
        List<String> argv = new ArrayList<>(List.of(justExecutable, "--color", "never", "--evaluate", "--"));
        call.variables().forEach((name, value) -> argv.add(name + "=" + value));
        argv.add(variable);
        Processes.Captured evaluated = run(argv, directory, call.environment());
        // just prints the bare value, without a line break
        return evaluated.exitCode() == 0 ? Optional.of(evaluated.stdout()) : Optional.empty();
    }

    @Override
    public List<String> dryRun(Path projectDirectory, RecipeCall call) {
        Path directory = existingDirectory(projectDirectory);
        List<String> argv = new ArrayList<>(List.of(justExecutable, "--dry-run", "--yes", "--color", "never"));
        // After `--`, a VAR=VALUE or argument that begins with '-' is not taken for an option.
        argv.add("--");
        List<String> callArgv = call.argv();
        argv.addAll(callArgv.subList(1, callArgv.size()));
        Processes.Captured dryRun = run(argv, directory, call.environment());
        if (dryRun.exitCode() != 0) {
            throw failure("`" + Processes.display(callArgv) + "` cannot be run in " + directory, argv, directory,
                    dryRun);
        }
        // just prints the command lines on stderr; stdout stays empty.
        List<String> lines = new ArrayList<>(dryRun.stderr().lines().toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return List.copyOf(lines);
    }

    private Processes.Captured run(List<String> argv, Path directory, Map<String, String> environment) {
        List<String> resolved = new ArrayList<>(argv);
        resolved.set(0, program());
        Processes.Captured captured;
        try {
            captured = Processes.capture(resolved, directory, baseEnvironment, environment, TIMEOUT);
        } catch (Processes.StartFailure e) {
            if (e.notFound()) {
                throw new BenchException("`" + justExecutable + "` was not found on the PATH; install it:"
                        + " npm install -g rust-just (or your package manager)", e);
            }
            throw new BenchException("cannot run `" + Processes.display(argv) + "` in " + directory + ": "
                    + e.getMessage(), e);
        }
        if (captured.timedOut()) {
            throw new BenchException("`" + Processes.display(argv) + "` in " + directory + " did not finish within "
                    + TIMEOUT.toSeconds() + " s and was stopped; does the justfile wait for something"
                    + " (a slow backtick, a prompt)?");
        }
        return captured;
    }

    private synchronized String program() {
        if (program == null) {
            program = new PathToolLocator(baseEnvironment).locate(justExecutable).map(Path::toString)
                    .orElse(justExecutable);
        }
        return program;
    }

    private static BenchException failure(String what, List<String> argv, Path directory,
            Processes.Captured captured) {
        List<String> stderr = captured.stderr().lines().toList();
        if (stderr.stream().anyMatch(line -> line.startsWith("error: no justfile found"))) {
            return noJustfile(directory, "");
        }
        Optional<String> error = stderr.stream().filter(line -> line.startsWith("error:")).findFirst();
        Optional<String> location = stderr.stream().map(LOCATION::matcher).filter(Matcher::matches).findFirst()
                .map(m -> directory.resolve(m.group(1)).normalize() + ":" + m.group(2) + ":" + m.group(3));
        StringBuilder message = new StringBuilder(what);
        location.ifPresent(l -> message.append(" at ").append(l));
        message.append(": ");
        if (error.isPresent()) {
            message.append(error.get());
        } else {
            String all = captured.stderr().strip();
            message.append(all.isEmpty() ? "no error message" : all);
        }
        message.append(" (`").append(Processes.display(argv)).append("` exited ").append(captured.exitCode())
                .append(')');
        return new BenchException(message.toString());
    }

    private static BenchException noJustfile(Path directory, String detail) {
        return new BenchException("no justfile in " + directory + detail
                + ": create one or set the project's path in offload-bench.toml");
    }

    /** just also finds justfiles in parent folders; a project's justfile must be its own. */
    private static void requireOwnJustfile(Path directory, Path source) {
        try {
            Path folder = source.toRealPath().getParent();
            if (!folder.equals(directory.toRealPath())) {
                throw noJustfile(directory, " (just would use " + source + " from a parent folder)");
            }
        } catch (IOException e) {
            // The dump named a file that cannot be resolved; the dump itself is still what just read.
        }
    }

    private static Path existingDirectory(Path projectDirectory) {
        Path directory = projectDirectory.toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new BenchException("the project folder " + directory
                    + (Files.exists(directory) ? " is not a folder;" : " does not exist;")
                    + " set the project's path in offload-bench.toml");
        }
        return directory;
    }
}
