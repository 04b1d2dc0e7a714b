package dev.offloadbench.domain.run;

import java.util.Objects;

/**
 * A process of a run that was still running when it should not have been (after the command
 * itself had ended, or left by a bench that died), and was ended.
 *
 * @param command what it was running, as far as the system tells
 */
public record LeftoverProcess(long pid, String command) {
    public LeftoverProcess {
        Objects.requireNonNull(command, "command");
    }

    @Override
    public String toString() {
        return command.isEmpty() ? "pid " + pid : command + " (pid " + pid + ")";
    }
}
