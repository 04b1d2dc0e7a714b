package dev.offloadbench.cli;

import dev.offloadbench.cli.command.BenchCommand;
import dev.offloadbench.cli.command.Completions;
import dev.offloadbench.cli.command.VersionProvider;
import dev.offloadbench.files.XdgDirectories;
import dev.offloadbench.cli.shell.BenchShell;
import dev.offloadbench.cli.wiring.BenchModule;
import dev.offloadbench.cli.wiring.Invocation;
import dev.offloadbench.cli.wiring.Wiring;
import dev.offloadbench.domain.config.BenchConfig;
import dev.offloadbench.domain.config.ProjectConfig;
import dev.offloadbench.domain.port.in.BrowseSessions;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionProject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

/**
 * offload-bench in this process: one command ({@link #run}) or the shell ({@link #shell}).
 * Everything it needs from the process (environment, output streams) comes in through the
 * constructor, so tests run it in-process exactly as {@link Main} does.
 *
 * <p>The wiring (plugins and injector) is made when the first command that needs it is about to
 * run, and then serves every later command of this Bench: a shell has one injector and one set
 * of plugin class loaders, closed with it. {@code --help}, {@code --version} and
 * {@code completion} make none.
 */
public final class Bench implements AutoCloseable {
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final PrintWriter out;
    private final PrintWriter err;
    private Wiring wiring;
    private boolean inShell;
    private boolean warned;

    public Bench(Map<String, String> environment, Path workingDirectory, PrintWriter out, PrintWriter err) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.out = out;
        this.err = err;
    }

    /** Runs one command line, as {@code bench ARGS...}; gives its exit code. */
    public int run(String... args) {
        if (asksForVersionOnly(args)) {
            printVersion(out);
            return 0;
        }
        GlobalOptions global = GlobalOptions.parse(args);
        warnOnce();
        Invocation invocation = new Invocation(environment, workingDirectory, global.configFile());
        return commandLine(invocation, global.verbose).execute(args);
    }

    /**
     * {@code bench --version} (or {@code -V}) alone: the version needs no command tree, and
     * building picocli's costs more than all the rest of the start-up.
     */
    public static boolean asksForVersionOnly(String... args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    /** The version, as {@code --version} prints it. */
    public static void printVersion(PrintWriter out) {
        for (String line : new VersionProvider().getVersion()) {
            out.println(line);
        }
        out.flush();
    }

    /** What is wrong with the environment (a relative XDG folder, say), said once per process or shell. */
    private void warnOnce() {
        if (!warned) {
            warned = true;
            new XdgDirectories(environment).warnings().forEach(warning -> err.println("warning: " + warning));
            err.flush();
        }
    }

    /**
     * Whether these arguments ask for the shell: {@code bench shell}, or {@code bench} alone on a
     * terminal (global options such as {@code --config} may stand around either).
     */
    public static boolean wantsShell(boolean interactive, String... args) {
        List<String> command = GlobalOptions.parse(args).rest;
        return command.equals(List.of("shell")) || command.isEmpty() && interactive;
    }

    /**
     * The interactive shell on {@code terminal} (this Bench's writers must be the terminal's), until
     * {@code exit} or end of input; exits 0. Global options given with it ({@code --config PATH})
     * apply to every line.
     */
    public int shell(Terminal terminal, String... args) {
        inShell = true;
        List<String> global = new ArrayList<>(List.of(args));
        global.remove("shell");
        Invocation invocation = new Invocation(environment, workingDirectory, GlobalOptions.parse(args).configFile());
        CommandLine tree = commandLine(invocation, false);
        return new BenchShell(terminal, tree.getCommandSpec(), words -> {
            List<String> line = new ArrayList<>(global);
            line.addAll(List.of(words));
            return run(line.toArray(String[]::new));
        }, invocation.stateDirectory().resolve("history")).run();
    }

    /** The command tree for one command line: nothing wired yet. */
    CommandLine commandLine(Invocation invocation, boolean verbose) {
        CommandLine commandLine = new CommandLine(BenchCommand.class,
                new CommandFactory(inShell, inShell ? new ShellCompletions(invocation) : Completions.NONE));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionStrategy(parseResult -> execute(parseResult, invocation));
        commandLine.setExecutionExceptionHandler(new ErrorReporter(verbose));
        commandLine.setParameterExceptionHandler(new UsageErrorReporter(verbose));
        return commandLine;
    }

    /**
     * Help and version requests, and commands that need no service, run as they are; any other
     * command gets its services injected, within a command scope of its own, then runs.
     */
    private int execute(ParseResult parseResult, Invocation invocation) {
        Integer help = CommandLine.executeHelpRequest(parseResult);
        if (help != null) {
            return help;
        }
        ParseResult last = parseResult;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        Object command = last.commandSpec().userObject();
        if (!BenchModule.needsServices(command.getClass())) {
            return new RunLast().execute(parseResult);
        }
        Wiring wired;
        try {
            wired = wiring();
        } catch (RuntimeException e) {
            throw new ExecutionException(last.commandSpec().commandLine(), e.getMessage(), e);
        }
        return wired.runCommand(invocation, command, () -> new RunLast().execute(parseResult));
    }

    /** The wiring, made at the first call (loading the plugins, reporting those that fail). */
    private Wiring wiring() {
        if (wiring == null) {
            wiring = Wiring.create(environment, workingDirectory, err);
        }
        return wiring;
    }

    /** The wiring, once a command has made it (for tests). */
    java.util.Optional<Wiring> currentWiring() {
        return java.util.Optional.ofNullable(wiring);
    }

    /** Closes the plugins' class loaders. */
    @Override
    public void close() {
        if (wiring != null) {
            wiring.close();
            wiring = null;
        }
    }

    /** Profiles and sessions as the shell completes them: whatever cannot be read completes nothing. */
    private final class ShellCompletions implements Completions {
        private final Invocation invocation;

        ShellCompletions(Invocation invocation) {
            this.invocation = invocation;
        }

        @Override
        public List<String> profileIds() {
            return quietly(() -> wiring().get(BenchConfig.class).projects().stream().map(ProjectConfig::profile)
                    .toList());
        }

        @Override
        public List<String> sessionIds() {
            return quietly(() -> wiring().get(BrowseSessions.class).list().stream().map(Session::id).toList());
        }

        @Override
        public List<String> recordedProfileIds() {
            return quietly(() -> wiring().get(BrowseSessions.class).list().stream()
                    .flatMap(session -> session.projects().stream()).map(SessionProject::profileId).distinct()
                    .toList());
        }

        private List<String> quietly(Supplier<List<String>> words) {
            try {
                return wiring().runCommand(invocation, null, words);
            } catch (RuntimeException e) {
                return List.of();
            }
        }
    }
}
