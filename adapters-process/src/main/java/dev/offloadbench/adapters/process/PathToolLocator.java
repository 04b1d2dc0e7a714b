package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.port.out.CommandRunner;
import dev.offloadbench.domain.port.out.ToolLocator;
import java.io.File;
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

    @Override
    public Optional<Tool> find(String name, List<String> versionArguments) {
        return locate(name).map(path -> version(path, versionArguments));
    }

    Optional<Path> locate(String name) {
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

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    private Tool version(Path tool, List<String> versionArguments) {
        List<String> argv = new ArrayList<>();
        argv.add(tool.toString());
        argv.addAll(versionArguments);
        String command = Processes.display(argv);
        CommandRunner.Completed completed;
        try {
            completed = runner.run(argv, Path.of("").toAbsolutePath(), environment, VERSION_TIMEOUT);
        } catch (BenchException e) {
            return unknown(tool, "`" + command + "` could not be run");
        }
        if (completed.timedOut()) {
            return unknown(tool, "`" + command + "` did not answer within " + VERSION_TIMEOUT.toSeconds() + " s");
        }
        if (completed.exitCode() != 0) {
            return unknown(tool, "`" + command + "` exited " + completed.exitCode());
        }
        return completed.output().lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst()
                .map(line -> new Tool(tool, line))
                .orElseGet(() -> unknown(tool, "`" + command + "` printed nothing"));
    }

    private static Tool unknown(Path tool, String why) {
        return new Tool(tool, "unknown (" + why + ")", false);
    }
}
