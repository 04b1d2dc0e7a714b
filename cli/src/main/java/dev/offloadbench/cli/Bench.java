package dev.offloadbench.cli;

import dev.offloadbench.cli.command.ExitCodes;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.offloadbench.cli.command.BenchCommand;
import dev.offloadbench.cli.platform.XdgDirectories;
import dev.offloadbench.cli.plugin.PluginLoader;
import dev.offloadbench.cli.wiring.BenchModule;
import dev.offloadbench.cli.wiring.GuiceFactory;
import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.profile.BuiltInProfiles;
import dev.offloadbench.domain.profile.ProfileRegistry;
import java.io.PrintWriter;
import dev.offloadbench.cli.wiring.Invocation;
import dev.offloadbench.cli.shell.BenchShell;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Terminal;
import java.util.Map;
import picocli.CommandLine;

/**
 * One invocation of offload-bench: wiring, then the command. Everything it needs from the
 * process (environment, output streams) comes in through the constructor, so tests run it
 * in-process exactly as {@link Main} does.
 */
public final class Bench {
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final PrintWriter out;
    private final PrintWriter err;
    private boolean warned;

    public Bench(Map<String, String> environment, Path workingDirectory, PrintWriter out, PrintWriter err) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        GlobalOptions global = GlobalOptions.parse(args);
        boolean verbose = global.verbose;
        warnOnce();
        try {
            CommandLine commandLine = commandLine(new Invocation(environment, workingDirectory, global.configFile()));
            commandLine.setExecutionExceptionHandler(new ErrorReporter(verbose));
            return commandLine.execute(args);
        } catch (BenchException e) {
            // raised while wiring, before any command ran (a broken plugin jar, say)
            err.println("error: " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            return ExitCodes.BAD_INPUT;
        }
    }

    /** Settings that are ignored (a relative XDG folder) are said once per invocation, on standard error. */
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
     * The interactive shell on {@code terminal} (this Bench's writers must be the terminal's).
     * Global options given with it ({@code --config PATH}) apply to every line.
     */
    public int shell(Terminal terminal, String... args) {
        List<String> global = new ArrayList<>(List.of(args));
        global.remove("shell");
        Invocation invocation = new Invocation(environment, workingDirectory, GlobalOptions.parse(args).configFile());
        CommandLine tree = commandLine(invocation);
        return new BenchShell(terminal, tree.getCommandSpec(), words -> {
            List<String> line = new ArrayList<>(global);
            line.addAll(List.of(words));
            return run(line.toArray(String[]::new));
        }, invocation.stateDirectory().resolve("history")).run();
    }

    /** The command tree, wired for one invocation. */
    CommandLine commandLine(Invocation invocation) {
        ProfileRegistry profiles = new ProfileRegistry().install(new BuiltInProfiles());
        PluginLoader.fromEnvironment(environment).providers().forEach(profiles::install);
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new BenchModule(invocation, profiles));
        CommandLine commandLine = new CommandLine(BenchCommand.class, new GuiceFactory(injector));
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine;
    }
}
