package dev.offloadbench.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code bench shell}: only declares the command for help and completion. {@code Bench} starts
 * the shell itself, since the shell runs every line as an invocation of its own.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "Start the interactive shell (bench> run all). Also what `bench` alone does on a terminal.")
public final class ShellCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalStateException("the shell is started by Bench, not as a command");
    }
}
