package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.port.out.CommandRunner;
import dev.offloadbench.domain.port.out.ToolLocator;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds executables on the PATH of a given environment (the first match wins, as in a shell) and
 * asks them their version. A name containing a path separator is taken as a path.
 *
 * <p>The npm package {@code rust-just} installs {@code just} as a Node script that starts the
 * native binary it ships: about half a second of Node for every call. Where the {@code just}
 * found is that wrapper, the native binary beside it is used instead (for reading justfiles, for
 * the runs, and in {@code bench check}), and said so ({@link Program#wrapper}).
 */
public final class PathToolLocator implements ToolLocator {
    static final Duration VERSION_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, String> environment;
    private final CommandRunner runner;

    /** The current process's environment. */
    public PathToolLocator() {
        this(System.getenv());
    }

    public PathToolLocator(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.runner = new ProcessCommandRunner();
    }

    /**
     * A program to run.
     *
     * @param path the executable
     * @param wrapper the npm wrapper found on the PATH that {@code path}, its native binary, stands in for
     */
    record Program(Path path, Optional<Path> wrapper) {
    }

    @Override
    public Optional<Tool> find(String name, List<String> versionArguments) {
        return program(name).map(program -> version(program, versionArguments));
    }

    /** The executable that runs for {@code name}: the native binary in place of rust-just's npm wrapper. */
    Optional<Path> locate(String name) {
        return program(name).map(Program::path);
    }

    /** The executable that runs for {@code name}, and the wrapper it stands in for. */
    Optional<Program> program(String name) {
        return onPath(name).map(found -> nativeJustOf(found).map(binary -> new Program(binary, Optional.of(found)))
                .orElseGet(() -> new Program(found, Optional.empty())));
    }

    private Optional<Path> onPath(String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (name.contains("/") || name.contains(File.separator)) {
                Path path = Path.of(name).toAbsolutePath();
                return isExecutableFile(path) ? Optional.of(path) : Optional.empty();
            }
            for (String folder : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
                // An empty PATH entry means the current folder; a tool must not be picked up from there by accident.
                if (folder.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(folder).resolve(name);
                if (isExecutableFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * When {@code executable} is rust-just's Node wrapper ({@code .../rust-just/lib/index.mjs},
     * usually reached through a link such as {@code /usr/bin/just}), the native binary of its
     * platform package: {@code rust-just/node_modules/rust-just-<platform>/bin/just}, or the same
     * package installed beside it.
     */
    static Optional<Path> nativeJustOf(Path executable) {
        Path script;
        try {
            script = executable.toRealPath();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        Path lib = script.getParent();
        Path pkg = lib == null ? null : lib.getParent();
        if (pkg == null || !script.getFileName().toString().equals("index.mjs")
                || !lib.getFileName().toString().equals("lib") || !pkg.getFileName().toString().equals("rust-just")) {
            return Optional.empty();
        }
        for (Path modules : List.of(pkg.resolve("node_modules"), pkg.getParent())) {
            Optional<Path> binary = platformBinary(modules);
            if (binary.isPresent()) {
                return binary;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> platformBinary(Path modules) {
        if (modules == null || !Files.isDirectory(modules)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> packages = Files.newDirectoryStream(modules, "rust-just-*")) {
            for (Path pkg : packages) {
                Path binary = pkg.resolve("bin").resolve("just");
                if (isExecutableFile(binary)) {
                    return Optional.of(binary);
                }
            }
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    private Tool version(Program program, List<String> versionArguments) {
        Path tool = program.path();
        List<String> argv = new ArrayList<>();
        argv.add(tool.toString());
        argv.addAll(versionArguments);
        String command = Processes.display(argv);
        CommandRunner.Completed completed;
        try {
            completed = runner.run(argv, Path.of("").toAbsolutePath(), environment, VERSION_TIMEOUT);
        } catch (BenchException e) {
            return unknown(program, "`" + command + "` could not be run");
        }
        if (completed.timedOut()) {
            return unknown(program, "`" + command + "` did not answer within " + VERSION_TIMEOUT.toSeconds() + " s");
        }
        if (completed.exitCode() != 0) {
            return unknown(program, "`" + command + "` exited " + completed.exitCode());
        }
        return completed.output().lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst()
                .map(line -> new Tool(tool, line, program.wrapper()))
                .orElseGet(() -> unknown(program, "`" + command + "` printed nothing"));
    }

    private static Tool unknown(Program program, String why) {
        return new Tool(program.path(), "unknown (" + why + ")", false, program.wrapper());
    }
}
