package dev.offloadbench.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.run.TestTally;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class OffloadOutputTest {
    private static TestTally read(String output) {
        OffloadOutput offload = new OffloadOutput();
        output.lines().forEach(offload::line);
        offload.end();
        return offload.tally();
    }

    @Test
    void readsABlockWhereEveryTestPassed() {
        TestTally tally = read("""
                Running 12 tests on 4 sandboxes
                Test Results:
                  Total: 12
                  Passed: 12
                  Failed: 0
                  Duration: 41.2s
                All tests passed!
                """);

        assertThat(tally).isEqualTo(new TestTally(OptionalInt.of(12), 12, 0, 0, 0, 0, 0, 0, 0, OptionalInt.empty(),
                true, false));
    }

    @Test
    void readsNotRunAndFlakyWhenPrinted() {
        TestTally tally = read("""
                Test Results:
                Total: 20
                Passed: 15
                Failed: 2
                Not Run: 1
                Flaky: 2
                Duration: 1m 3s
                Some tests failed.
                """);

        assertThat(tally.collected()).hasValue(20);
        assertThat(tally.passed()).isEqualTo(15);
        assertThat(tally.failed()).isEqualTo(2);
        assertThat(tally.notRun()).isEqualTo(1);
        assertThat(tally.flaky()).isEqualTo(2);
        assertThat(tally.summarySeen()).isTrue();
    }

    @Test
    void countsABlockCutShortByTheEndOfTheOutput() {
        assertThat(read("Test Results:\n  Total: 3\n  Passed: 3\n").passed()).isEqualTo(3);
    }

    @Test
    void ignoresABlockWithoutATotalAndFieldsOutsideABlock() {
        assertThat(read("Passed: 4\nFailed: 1\n")).isEqualTo(TestTally.NOTHING);
        assertThat(read("Test Results:\nsomething else\nPassed: 4\n")).isEqualTo(TestTally.NOTHING);
    }

    @Test
    void keepsTheLastBlock() {
        TestTally tally = read("""
                Test Results:
                  Total: 2
                  Passed: 1
                  Failed: 1
                Some tests failed.
                Test Results:
                  Total: 2
                  Passed: 2
                  Failed: 0
                All tests passed!
                """);

        assertThat(tally.passed()).isEqualTo(2);
        assertThat(tally.failed()).isZero();
    }
}
