package dev.offloadbench.cli;

import dev.offloadbench.cli.command.Completions;
import dev.offloadbench.cli.command.HistoryProfileCandidates;
import dev.offloadbench.cli.command.ProfileCandidates;
import dev.offloadbench.cli.command.SessionCandidates;
import dev.offloadbench.cli.command.ShellCommand;
import picocli.CommandLine;

/**
 * Makes what picocli asks for without wiring anything: commands are plain objects until one is
 * about to run (then {@link Bench} injects its services), so that {@code --help},
 * {@code --version} and completion load no plugin and build no injector. The shell's commands
 * know they run in the shell, and its completion candidates know this machine's profiles and
 * sessions.
 */
final class CommandFactory implements CommandLine.IFactory {
    private final boolean inShell;
    private final Completions completions;

    CommandFactory(boolean inShell, Completions completions) {
        this.inShell = inShell;
        this.completions = completions;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == ShellCommand.class) {
            return type.cast(new ShellCommand(inShell));
        }
        if (type == ProfileCandidates.class) {
            return type.cast(new ProfileCandidates(completions));
        }
        if (type == HistoryProfileCandidates.class) {
            return type.cast(new HistoryProfileCandidates(completions));
        }
        if (type == SessionCandidates.class) {
            return type.cast(new SessionCandidates(completions));
        }
        return CommandLine.defaultFactory().create(type);
    }
}
