package dev.offloadbench.domain.port.out;

import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Execution;
import dev.offloadbench.domain.run.ExecutionRequest;
import dev.offloadbench.domain.run.LeftoverProcess;
import java.util.Collection;
import java.util.List;

/**
 * Runs one benchmark command to its end, timed, its output streamed to a log and parsed once the
 * command has exited, and contains it: no process the command starts outlives the run.
 */
public interface RunExecutor {
    /**
     * Runs the command with the request's marker in its environment; returns when it and every
     * process it started are gone. On timeout or cancellation the whole process tree is ended and
     * the execution says so. Whatever way the command ends, every process still carrying the
     * marker (whatever process group or session it moved to) is ended too, SIGTERM first and
     * SIGKILL after a grace period, and named in {@link Execution#leftovers()}. Memory stays
     * constant whatever the output's size.
     *
     * @param output hears the output as it is read back from the log (for progress or an echo), and the start
     * @throws dev.offloadbench.domain.BenchException when the command cannot be started
     */
    Execution execute(ExecutionRequest request, OutputListener output, Cancellation cancellation);

    /**
     * Ends every process still carrying one of {@code markers}, and every member of a process
     * group or session such a process leads: what a bench that died (kill -9) left running.
     * Only call it while holding the session lock, so that no live session owns these markers.
     *
     * @return what was ended (empty when nothing was left)
     * @throws dev.offloadbench.domain.BenchException naming the processes that could not be ended
     */
    List<LeftoverProcess> endLeftovers(Collection<String> markers);

    /**
     * The command's output, read back from its log behind the command (never holding it up), and
     * its start. Called on threads of the executor's own, never on the one that reads the
     * command's output.
     */
    interface OutputListener {
        /** Whether {@link #output} is to get every byte, as it comes (to echo it); otherwise only {@link #latestLine}. */
        default boolean wantsEveryByte() {
            return false;
        }

        /** The next block of output, bytes as the command printed them, in order; valid during the call only. */
        default void output(byte[] bytes, int offset, int length) {
        }

        /** The latest complete, non-blank line of output (colour codes kept) when it changed, a few times a second at most. */
        default void latestLine(String line) {
        }

        /**
         * The command's process has started, with this pid; when {@code leadsProcessGroup} it
         * leads a process group (and session) of its own whose id is its pid. Called once, on the
         * executing thread, right after the start and before the wait for the end; the time
         * already runs, but the exit is observed on another thread, so what happens here never
         * lengthens the measurement.
         */
        default void started(long pid, boolean leadsProcessGroup) {
        }
    }
}
