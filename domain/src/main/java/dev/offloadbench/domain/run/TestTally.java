package dev.offloadbench.domain.run;

import java.util.OptionalInt;

/**
 * What a run's output said about its tests: pytest's collected items and summary counts, the
 * xdist workers it started, or Offload's summary block. Counts a tool did not print are zero;
 * {@code summarySeen} says whether a closing summary was printed at all.
 *
 * @param collected pytest's "collected N items", xdist's "N workers [M items]" or "gw0 [M]", or Offload's Total
 * @param workersStarted xdist's "created: N/N workers", or the number of gwN on its status line
 * @param notRun Offload's "Not Run"
 * @param flaky Offload's "Flaky" (passed only on retry)
 * @param noTestsRan pytest said "no tests ran"
 */
public record TestTally(OptionalInt collected, int passed, int failed, int errors, int skipped, int xfailed,
        int xpassed, int notRun, int flaky, OptionalInt workersStarted, boolean summarySeen, boolean noTestsRan) {
    public static final TestTally NOTHING = new TestTally(OptionalInt.empty(), 0, 0, 0, 0, 0, 0, 0, 0,
            OptionalInt.empty(), false, false);

    /**
     * The tests of the run: the collected items when the output said, else every test its summary
     * counts (pytest's {@code -q} under xdist prints no collected line).
     */
    public OptionalInt testCount() {
        if (collected.isPresent()) {
            return collected;
        }
        return summarySeen ? OptionalInt.of(ran() + skipped + notRun) : OptionalInt.empty();
    }

    /** Tests that ran to an outcome. */
    public int ran() {
        return passed + failed + errors + xfailed + xpassed + flaky;
    }
}
