package dev.offloadbench.domain.service.running;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.plan.PlannedRuns;
import dev.offloadbench.domain.run.Execution;
import dev.offloadbench.domain.run.Termination;
import dev.offloadbench.domain.run.TestTally;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class VerdictTest {
    private static final Instant START = Instant.parse("2024-05-01T00:00:00Z");

    /** pytest's summary: collected, passed, failed, errors, skipped; no worker line. */
    private static TestTally pytest(int collected, int passed, int failed, int errors, int skipped) {
        return new TestTally(OptionalInt.of(collected), passed, failed, errors, skipped, 0, 0, 0, 0,
                OptionalInt.empty(), true, false);
    }

    private static Execution execution(int exitCode, Termination termination, TestTally tally) {
        return new Execution(exitCode, termination, Duration.ofSeconds(5), START, START.plusSeconds(5),
                Path.of("/log"), tally);
    }

    private static Execution exited(int exitCode, TestTally tally) {
        return execution(exitCode, Termination.EXITED, tally);
    }

    private static String reason(Execution execution) {
        Validity validity = Verdict.validity(execution);
        assertThat(validity.valid()).as("valid").isFalse();
        return validity.reason();
    }

    @Test
    void aRunThatExitedZeroWithPassingTestsIsValid() {
        assertThat(Verdict.validity(exited(0, pytest(12, 10, 0, 0, 2)))).isEqualTo(Validity.VALID);
    }

    @Test
    void aNonZeroExitCodeMakesTheRunInvalidEvenWhenEveryTestPassed() {
        assertThat(reason(exited(3, pytest(12, 12, 0, 0, 0)))).isEqualTo("exit code 3");
    }

    @Test
    void failedTestsAreCounted() {
        assertThat(reason(exited(1, pytest(12, 10, 2, 0, 0)))).isEqualTo("exit code 1; 2 failed");
    }

    @Test
    void failedTestsMakeTheRunInvalidEvenWhenTheRecipeExitedZero() {
        assertThat(reason(exited(0, pytest(12, 11, 1, 0, 0)))).isEqualTo("1 failed");
    }

    @Test
    void errorsAreCountedInTheSingularAndThePlural() {
        assertThat(reason(exited(1, pytest(12, 11, 0, 1, 0)))).isEqualTo("exit code 1; 1 error");
        assertThat(reason(exited(1, pytest(12, 10, 0, 2, 0)))).isEqualTo("exit code 1; 2 errors");
    }

    @Test
    void testsOffloadDidNotRunMakeTheRunInvalid() {
        TestTally offload = new TestTally(OptionalInt.of(10), 7, 0, 0, 0, 0, 0, 3, 0, OptionalInt.empty(), true,
                false);

        assertThat(reason(exited(1, offload))).isEqualTo("exit code 1; 3 not run");
    }

    @Test
    void pytestSayingNoTestsRanIsInvalid() {
        TestTally none = new TestTally(OptionalInt.of(0), 0, 0, 0, 0, 0, 0, 0, 0, OptionalInt.empty(), true, true);

        assertThat(reason(exited(5, none))).isEqualTo("exit code 5; no test ran");
    }

    @Test
    void aSummaryWithOnlySkippedTestsMeansNoTestRan() {
        assertThat(reason(exited(0, pytest(3, 0, 0, 0, 3)))).isEqualTo("no test ran");
    }

    @Test
    void outputWithoutAnySummaryIsInvalidSayingTheSummaryIsMissing() {
        assertThat(reason(exited(0, TestTally.NOTHING)))
                .isEqualTo("no test ran (no test summary in the output)");
    }

    @Test
    void aTimedOutRunIsInvalidBecauseItTimedOutNotForMissingTests() {
        assertThat(reason(execution(-1, Termination.TIMED_OUT, TestTally.NOTHING))).isEqualTo("timed out");
    }

    @Test
    void anInterruptedRunIsInvalidBecauseItWasInterrupted() {
        assertThat(reason(execution(-1, Termination.CANCELLED, TestTally.NOTHING))).isEqualTo("interrupted");
    }

    @Test
    void flakyTestsCountAsRunAndKeepTheRunValid() {
        TestTally flakyOnly = new TestTally(OptionalInt.of(4), 3, 0, 0, 0, 0, 0, 0, 1, OptionalInt.empty(), true,
                false);

        assertThat(Verdict.validity(exited(0, flakyOnly))).isEqualTo(Validity.VALID);
    }

    @Test
    void aWorkerCountOtherThanThePlansIsNoted() {
        TestTally tally = new TestTally(OptionalInt.of(12), 12, 0, 0, 0, 0, 0, 0, 0, OptionalInt.of(2), true, false);

        assertThat(Verdict.notes(exited(0, tally), local(4))).containsExactly("xdist started 2 workers; the plan said 4");
        assertThat(Verdict.validity(exited(0, tally))).isEqualTo(Validity.VALID);
    }

    @Test
    void thePlannedWorkerCountNeedsNoNote() {
        TestTally tally = new TestTally(OptionalInt.of(12), 12, 0, 0, 0, 0, 0, 0, 0, OptionalInt.of(4), true, false);

        assertThat(Verdict.notes(exited(0, tally), local(4))).isEmpty();
    }

    @Test
    void flakyTestsAreNoted() {
        TestTally tally = new TestTally(OptionalInt.of(4), 3, 0, 0, 0, 0, 0, 0, 1, OptionalInt.empty(), true, false);

        assertThat(Verdict.notes(exited(0, tally), offload())).containsExactly("1 flaky (passed only on retry)");
    }

    @Test
    void anOffloadRunHasNoWorkerCountToCompare() {
        TestTally tally = new TestTally(OptionalInt.of(4), 4, 0, 0, 0, 0, 0, 0, 0, OptionalInt.of(2), true, false);

        assertThat(Verdict.notes(exited(0, tally), offload())).isEmpty();
    }

    private static PlannedRun local(int workers) {
        return PlannedRuns.unprobed(RunKind.BASELINE, "test-integration", List.of("just", "test-integration"), Map.of(),
                Path.of("/p"), OptionalInt.of(workers), Optional.empty(), OptionalInt.empty(), Optional.empty(), 0,
                List.of());
    }

    private static PlannedRun offload() {
        return SessionRunnerTest.planned("mng", RunKind.OFFLOAD);
    }
}
