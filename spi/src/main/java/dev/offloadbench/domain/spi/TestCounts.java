package dev.offloadbench.domain.spi;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a run's output said about its tests. A run is INVALID when any test failed, errored or
 * did not run, or when no test ran. Build one from {@link #NONE} with the {@code with} methods:
 * they stay source and binary compatible when a count is added.
 *
 * @param tests every test of the run (the report's test count), when the output said
 * @param notRun tests the runner meant to run but did not (cancelled, timed out)
 * @param flaky tests that passed only on a retry (counted in {@code passed} too; not held against the run)
 * @param workers the workers (threads, processes) the runner said it started, when it said
 * @param summarySeen the runner printed its closing summary (without it, the run did not finish normally)
 */
public record TestCounts(OptionalInt tests, int passed, int failed, int errors, int skipped, int notRun, int flaky,
        OptionalInt workers, boolean summarySeen) {
    /** Nothing said yet. */
    public static final TestCounts NONE = new TestCounts(OptionalInt.empty(), 0, 0, 0, 0, 0, 0, OptionalInt.empty(),
            false);

    public TestCounts {
        Objects.requireNonNull(tests, "tests");
        Objects.requireNonNull(workers, "workers");
        if (passed < 0 || failed < 0 || errors < 0 || skipped < 0 || notRun < 0 || flaky < 0) {
            throw new IllegalArgumentException("test counts must not be negative");
        }
        if (tests.isPresent() && tests.getAsInt() < 0) {
            throw new IllegalArgumentException("tests must not be negative: " + tests.getAsInt());
        }
        if (workers.isPresent() && workers.getAsInt() < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers.getAsInt());
        }
    }

    public TestCounts withTests(int count) {
        return new TestCounts(OptionalInt.of(count), passed, failed, errors, skipped, notRun, flaky, workers,
                summarySeen);
    }

    public TestCounts withPassed(int count) {
        return new TestCounts(tests, count, failed, errors, skipped, notRun, flaky, workers, summarySeen);
    }

    public TestCounts withFailed(int count) {
        return new TestCounts(tests, passed, count, errors, skipped, notRun, flaky, workers, summarySeen);
    }

    public TestCounts withErrors(int count) {
        return new TestCounts(tests, passed, failed, count, skipped, notRun, flaky, workers, summarySeen);
    }

    public TestCounts withSkipped(int count) {
        return new TestCounts(tests, passed, failed, errors, count, notRun, flaky, workers, summarySeen);
    }

    public TestCounts withNotRun(int count) {
        return new TestCounts(tests, passed, failed, errors, skipped, count, flaky, workers, summarySeen);
    }

    public TestCounts withFlaky(int count) {
        return new TestCounts(tests, passed, failed, errors, skipped, notRun, count, workers, summarySeen);
    }

    public TestCounts withWorkers(int count) {
        return new TestCounts(tests, passed, failed, errors, skipped, notRun, flaky, OptionalInt.of(count),
                summarySeen);
    }

    public TestCounts withSummarySeen(boolean seen) {
        return new TestCounts(tests, passed, failed, errors, skipped, notRun, flaky, workers, seen);
    }
}
