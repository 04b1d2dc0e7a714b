package dev.offloadbench.domain.port.out;

import dev.offloadbench.domain.check.CheckResult;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.session.Attempt;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.spi.RunListener;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What a benchmark session tells the person watching it, as it happens: its probes, then its runs. */
public interface ProgressListener extends ProbeListener {
    /** The prerequisites, checked before the first run. */
    void checked(List<CheckResult> results);

    void sessionStarted(Session session, boolean resumed);

    /** The machine is busy right before a run: a benchmark now would measure the other programs too. */
    void machineBusy(MachineProbe.Load load);

    /**
     * An execution starts.
     *
     * @param number 1-based, among the warm-ups or among the samples of this run
     * @param estimate the same run's time in the previous session, when there is one
     */
    void attemptStarted(String profileId, RunKind kind, List<String> command, boolean warmup, int number, int of,
            Optional<Duration> estimate);

    /** Whether every byte of each run's output is to be echoed ({@code --show-output}) through {@link #output}. */
    default boolean echoesOutput() {
        return false;
    }

    /** A block of the running command's output, as printed, in order (only when {@link #echoesOutput}). */
    default void output(byte[] bytes, int offset, int length) {
    }

    /** The running command's latest complete output line, when it changed. */
    default void latestOutputLine(String line) {
    }

    void attemptFinished(String profileId, RunKind kind, Attempt attempt);

    /** A run that will not execute, and why (finished in the session being resumed, offload missing...). */
    void runSkipped(String profileId, RunKind kind, String reason);

    /** Recorded sessions that cannot be read: skipped, and said so once. */
    default void sessionsSkipped(List<SessionStore.Unreadable> unreadable) {
    }

    /**
     * A plugin's run listener threw (or failed to link) when told {@code event}; the session
     * goes on without that call.
     */
    default void listenerFailed(RunListener listener, String event, Throwable cause) {
    }
}
