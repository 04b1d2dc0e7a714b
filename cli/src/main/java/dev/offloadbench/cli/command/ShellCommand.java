package dev.offloadbench.cli.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bench shell}: starting the shell is for {@code Bench} (it needs the terminal); typed
 * inside the shell, it says so.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "Start the interactive shell (bench> run all). Also what `bench` alone does on a terminal.")
public final class ShellCommand implements Callable<Integer> {
    private final boolean inShell;

    @Spec
    CommandSpec spec;

    public ShellCommand() {
        this(false);
    }

    /** @param inShell whether this runs as a line of the shell */
    public ShellCommand(boolean inShell) {
        this.inShell = inShell;
    }

    @Override
    public Integer call() {
        if (inShell) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("You are already in the bench shell: type a command (help lists them), or exit to leave.");
            out.flush();
            return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("error: the shell needs a terminal; run bench shell in one");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }
}
