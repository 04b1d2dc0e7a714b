package dev.offloadbench.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.run.TestTally;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PytestOutputTest {
    private static TestTally read(String output) {
        PytestOutput pytest = new PytestOutput();
        output.lines().forEach(pytest::line);
        return pytest.tally();
    }

    @Test
    void readsXdist31StatusLinesAndAPaddedSummary() {
        TestTally tally = read("""
                ============================= test session starts ==============================
                platform linux -- Python 3.11.2, pytest-7.2.1, pluggy-1.0.0+repack
                rootdir: /tmp/just-research/py1
                plugins: xdist-3.1.0
                gw0 I / gw1 I
                gw0 [12] / gw1 [12]

                ........sFXxE                                                            [100%]
                [gw1] linux -- Python 3.11.2 /usr/bin/python3
                =========================== short test summary info ============================
                FAILED tests/test_a.py::test_fail - assert 1 == 2
                ERROR tests/test_a.py::test_err - RuntimeError: x
                ==== 1 failed, 8 passed, 1 skipped, 1 xfailed, 1 xpassed, 1 error in 0.29s =====
                """);

        assertThat(tally).isEqualTo(new TestTally(OptionalInt.of(12), 8, 1, 1, 1, 1, 1, 0, 0, OptionalInt.of(2),
                true, false));
    }

    @Test
    void countsWorkersOnTheXdist31StatusLineEvenBeforeItemsAreKnown() {
        TestTally tally = read("gw0 I / gw1 C / gw2 ok / gw3 I\n");

        assertThat(tally.workersStarted()).hasValue(4);
        assertThat(tally.collected()).isEmpty();
        assertThat(tally.summarySeen()).isFalse();
    }

    @Test
    void readsXdist38WorkersAndItems() {
        TestTally tally = read("""
                ============================= test session starts ==============================
                platform linux -- Python 3.12.3, pytest-8.3.4, pluggy-1.5.0
                plugins: xdist-3.8.0
                created: 2/2 workers
                2 workers [12 items]

                ............                                                             [100%]
                ============================== 12 passed in 0.41s ==============================
                """);

        assertThat(tally.workersStarted()).hasValue(2);
        assertThat(tally.collected()).hasValue(12);
        assertThat(tally.passed()).isEqualTo(12);
        assertThat(tally.summarySeen()).isTrue();
    }

    @Test
    void readsASingleWorkerAndItem() {
        TestTally tally = read("created: 1/1 worker\n1 worker [1 item]\n1 passed in 0.20s\n");

        assertThat(tally.workersStarted()).hasValue(1);
        assertThat(tally.collected()).hasValue(1);
    }

    @Test
    void readsPlainPytestCollection() {
        assertThat(read("collected 5 items\n").collected()).hasValue(5);
        assertThat(read("collected 1 item\n").collected()).hasValue(1);
        assertThat(read("collected 3 items / 1 error\n").collected()).hasValue(3);
    }

    @Test
    void takesTheSelectedCountWhenTestsWereDeselected() {
        TestTally tally = read("""
                collected 7 items / 3 deselected / 4 selected
                ================= 4 passed, 3 deselected in 0.02s =================
                """);

        assertThat(tally.collected()).hasValue(4);
        assertThat(tally.passed()).isEqualTo(4);
        assertThat(read("collected 7 items / 3 deselected\n").collected()).hasValue(4);
    }

    @Test
    void readsAQuietSummaryWithoutPadding() {
        TestTally tally = read("""
                bringing up nodes...
                bringing up nodes...
                .F.sx
                1 failed, 7 passed, 2 skipped, 1 xfailed, 1 warning, 1 error in 0.03s
                """);

        assertThat(tally).isEqualTo(new TestTally(OptionalInt.empty(), 7, 1, 1, 2, 1, 0, 0, 0, OptionalInt.empty(),
                true, false));
    }

    @Test
    void readsSingularAndPluralWordsAndLongDurations() {
        TestTally tally = read("== 2 failed, 1 passed, 3 errors, 2 warnings in 65.43s (0:01:05) ==\n");

        assertThat(tally.failed()).isEqualTo(2);
        assertThat(tally.passed()).isEqualTo(1);
        assertThat(tally.errors()).isEqualTo(3);
    }

    @Test
    void saysWhenNoTestsRan() {
        TestTally quiet = read("no tests ran in 0.01s\n");
        TestTally padded = read("gw0 [0] / gw1 [0]\n============================ no tests ran in 0.25s =============\n");

        assertThat(quiet.noTestsRan()).isTrue();
        assertThat(quiet.summarySeen()).isTrue();
        assertThat(padded.noTestsRan()).isTrue();
        assertThat(padded.collected()).hasValue(0);
        assertThat(padded.workersStarted()).hasValue(2);
    }

    @Test
    void readsACollectionErrorSummary() {
        TestTally tally = read("""
                !!!!!!!!!!!!!!!!!!!! Interrupted: 1 error during collection !!!!!!!!!!!!!!!!!!!!
                1 error in 0.03s
                """);

        assertThat(tally.errors()).isEqualTo(1);
        assertThat(tally.summarySeen()).isTrue();
    }

    @Test
    void keepsTheLastSummary() {
        TestTally tally = read("1 failed, 1 passed in 0.10s\n===== 2 passed in 0.12s =====\n");

        assertThat(tally.failed()).isZero();
        assertThat(tally.passed()).isEqualTo(2);
    }

    @Test
    void doesNotTakeATestsOwnOutputForASummary() {
        TestTally tally = read("""
                3 passed
                Downloaded 3 files in 2.5s
                12 files in 0.3s
                the run passed in 1.0s
                ...  [100%]
                """);

        assertThat(tally).isEqualTo(TestTally.NOTHING);
    }

    @Test
    void ignoresVerboseWorkerLinesAndHugeNumbers() {
        TestTally tally = read("""
                [gw0] linux Python 3.11.2 cwd: /tmp/x
                [gw0] Python 3.11.2 (main, Mar 13 2023, 12:18:29) [GCC 12.2.0]
                collected 99999999999 items
                """);

        assertThat(tally).isEqualTo(TestTally.NOTHING);
    }
}
