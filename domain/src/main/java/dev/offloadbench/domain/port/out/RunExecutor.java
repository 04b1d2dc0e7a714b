package dev.offloadbench.domain.port.out;

import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Execution;
import dev.offloadbench.domain.run.ExecutionRequest;

/** Runs one benchmark command to its end, timed, its output streamed to a log and parsed as it comes. */
public interface RunExecutor {
    /**
     * Runs the command; returns when it and every process it started are gone. On timeout or
     * cancellation the whole process tree is ended and the execution says so. Memory stays
     * constant whatever the output's size.
     *
     * @param output receives each output line as it is produced (for progress)
     * @throws dev.offloadbench.domain.BenchException when the command cannot be started
     */
    Execution execute(ExecutionRequest request, OutputListener output, Cancellation cancellation);

    /** Output lines as they come. */
    interface OutputListener {
        void line(String line);
    }
}
