package dev.offloadbench.domain.probe;

import dev.offloadbench.domain.run.LeftoverProcess;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * What probing a run showed: every pytest and offload start, how the command ended and how long
 * it took, or why the probe could not tell.
 *
 * @param exitCode the command's exit code (-1 when it was ended)
 * @param problem why the probe could not tell (empty when it could)
 * @param outputTail the last lines of the command's output, to show with a problem
 * @param leftovers processes the command left running after it ended, which the probe ended
 */
public record ProbeResult(Outcome outcome, List<ObservedPytest> pytest, List<ObservedOffload> offload, int exitCode,
        Duration elapsed, String problem, List<String> outputTail, List<LeftoverProcess> leftovers) {
    /** How the probe ended. */
    public enum Outcome {
        /** The command ran to its end; what it started is recorded (possibly nothing). */
        OBSERVED,
        /** The command could not run, or pytest could not start. */
        FAILED,
        /** The command ran past the probe's time limit and was ended, with everything it started. */
        TIMED_OUT,
        /** The user interrupted the probe. */
        CANCELLED
    }

    public ProbeResult {
        Objects.requireNonNull(outcome, "outcome");
        pytest = List.copyOf(pytest);
        offload = List.copyOf(offload);
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(problem, "problem");
        outputTail = List.copyOf(outputTail);
        leftovers = List.copyOf(leftovers);
    }

    public static ProbeResult observed(List<ObservedPytest> pytest, List<ObservedOffload> offload, int exitCode,
            Duration elapsed) {
        return new ProbeResult(Outcome.OBSERVED, pytest, offload, exitCode, elapsed, "", List.of(), List.of());
    }

    public static ProbeResult failed(Outcome outcome, String problem, int exitCode, Duration elapsed,
            List<String> outputTail) {
        if (outcome == Outcome.OBSERVED) {
            throw new IllegalArgumentException("a failed probe has another outcome");
        }
        return new ProbeResult(outcome, List.of(), List.of(), exitCode, elapsed, problem, outputTail, List.of());
    }

    /**
     * The xdist workers the run starts: the count every pytest start agrees on; empty when pytest
     * did not start, or its starts disagree.
     */
    public OptionalInt workers() {
        List<Integer> counts = pytest.stream().map(ObservedPytest::workers).distinct().toList();
        return counts.size() == 1 ? OptionalInt.of(counts.get(0)) : OptionalInt.empty();
    }

    /** The versions of Python, pytest and xdist the first pytest start said it runs on. */
    public ObservedPytest.Versions pytestVersions() {
        return pytest.isEmpty() ? ObservedPytest.Versions.UNKNOWN : pytest.get(0).versions();
    }

    /** The {@code offload … run} start, the first when there are several. */
    public Optional<ObservedOffload> offloadRun() {
        return offload.stream().filter(ObservedOffload::runs).findFirst();
    }

    /** The same result without the output lines: what a plan keeps once the probe has said what it saw. */
    public ProbeResult withoutOutput() {
        return new ProbeResult(outcome, pytest, offload, exitCode, elapsed, problem, List.of(), leftovers);
    }

    /** The same result, with the processes the command left running that the probe ended. */
    public ProbeResult withLeftovers(List<LeftoverProcess> ended) {
        return new ProbeResult(outcome, pytest, offload, exitCode, elapsed, problem, outputTail, ended);
    }

    /** The last output lines, indented, for a message. */
    public String tail() {
        return outputTail.isEmpty() ? "" : outputTail.stream().map(line -> "\n      | " + line)
                .collect(Collectors.joining());
    }
}
