package dev.offloadbench.domain.service.running;

import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.run.Execution;
import dev.offloadbench.domain.run.Termination;
import dev.offloadbench.domain.run.TestTally;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an execution counts: INVALID when the process did not exit by itself or exited
 * non-zero, when its output reports failed, errored or not-run tests, or when it ran no test.
 * A worker count other than the plan's is noted, not held against the run.
 */
final class Verdict {
    private Verdict() {
    }

    static Validity validity(Execution execution) {
        List<String> reasons = new ArrayList<>();
        TestTally tally = execution.tally();
        if (execution.termination() == Termination.TIMED_OUT) {
            reasons.add("timed out");
        } else if (execution.termination() == Termination.CANCELLED) {
            reasons.add("interrupted");
        } else if (execution.exitCode() != 0) {
            reasons.add("exit code " + execution.exitCode());
        }
        if (tally.failed() > 0) {
            reasons.add(tally.failed() + " failed");
        }
        if (tally.errors() > 0) {
            reasons.add(tally.errors() + (tally.errors() == 1 ? " error" : " errors"));
        }
        if (tally.notRun() > 0) {
            reasons.add(tally.notRun() + " not run");
        }
        if (execution.termination() == Termination.EXITED && (tally.noTestsRan() || tally.ran() == 0)) {
            reasons.add(tally.summarySeen() || tally.noTestsRan() ? "no test ran"
                    : "no test ran (no test summary in the output)");
        }
        return reasons.isEmpty() ? Validity.VALID : Validity.invalid(String.join("; ", reasons));
    }

    /** {@code validity} with one more reason not to count the run. */
    static Validity withReason(Validity validity, String reason) {
        return Validity.invalid(validity.valid() ? reason : validity.reason() + "; " + reason);
    }

    static List<String> notes(Execution execution, PlannedRun planned) {
        List<String> notes = new ArrayList<>();
        TestTally tally = execution.tally();
        if (planned.workers().isPresent() && tally.workersStarted().isPresent()
                && planned.workers().getAsInt() != tally.workersStarted().getAsInt()) {
            notes.add("xdist started " + tally.workersStarted().getAsInt() + " workers; the plan said "
                    + planned.workers().getAsInt());
        }
        if (tally.flaky() > 0) {
            notes.add(tally.flaky() + " flaky (passed only on retry)");
        }
        return notes;
    }
}
