package dev.offloadbench.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.run.TestTally;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@link TestTally} lives in domain.run; its test sits with the session tests that depend on it. */
class TestTallyTest {
    @Test
    void theTestCountIsTheCollectedItemsWhenPrinted() {
        TestTally tally = new TestTally(OptionalInt.of(20), 10, 1, 0, 2, 0, 0, 0, 0, OptionalInt.empty(), true,
                false);

        assertThat(tally.testCount()).hasValue(20);
    }

    @Test
    void withoutACollectedLineTheSummaryCountsEveryTest() {
        // pytest -q under xdist: "1 failed, 7 passed, 2 skipped, 1 xfailed, 1 xpassed, 1 error"; Offload: not run, flaky
        TestTally tally = new TestTally(OptionalInt.empty(), 7, 1, 1, 2, 1, 1, 3, 1, OptionalInt.empty(), true,
                false);

        assertThat(tally.ran()).isEqualTo(7 + 1 + 1 + 1 + 1 + 1);
        assertThat(tally.testCount()).hasValue(12 + 2 + 3);
    }

    @Test
    void withoutCollectedLineOrSummaryThereIsNoCount() {
        assertThat(TestTally.NOTHING.testCount()).isEmpty();
        assertThat(TestTally.NOTHING.ran()).isZero();
    }
}
