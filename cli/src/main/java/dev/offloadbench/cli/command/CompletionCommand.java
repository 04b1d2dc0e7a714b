package dev.offloadbench.cli.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench completion bash|zsh}: a completion script for the shell, generated from the
 * command tree (zsh runs the same script through bashcompinit, which the script loads itself).
 * It completes commands, options, run kinds, {@code all} and {@code latest}; the shell
 * ({@code bench shell}) also completes profile ids and session ids.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a completion script for bash or zsh. Load it with:",
            "  source <(bench completion bash)      (bash; or save it under ~/.local/share/bash-completion/completions/bench)",
            "  source <(bench completion zsh)       (zsh)"})
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "bash|zsh", completionCandidates = Shells.class, description = "The shell.")
    String shell;

    /** The shells a script is made for. */
    public static final class Shells implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("bash", "zsh").iterator();
        }
    }

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new ParameterException(spec.commandLine(), "no completion script for \"" + shell
                    + "\": give bash or zsh");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash("bench", spec.root().commandLine()));
        out.flush();
        return ExitCodes.OK;
    }
}
