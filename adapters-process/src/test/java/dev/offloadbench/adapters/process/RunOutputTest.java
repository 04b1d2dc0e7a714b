package dev.offloadbench.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.run.TestTally;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOutputTest {
    @TempDir
    Path dir;

    private static RunOutput read(String output) {
        RunOutput run = new RunOutput();
        output.lines().forEach(run::line);
        run.end();
        return run;
    }

    @Test
    void removesColourCodesBeforeMatching() {
        String bold = "\u001B[1m";
        String red = "\u001B[31m";
        String reset = "\u001B[0m";
        TestTally tally = read(bold + "gw0 [3]" + reset + " / " + bold + "gw1 [3]" + reset + "\n"
                + red + "==== " + bold + "1 failed" + reset + ", \u001B[32m2 passed\u001B[0m" + red + " in 0.05s ====" + reset
                + "\n").tally();

        assertThat(tally.collected()).hasValue(3);
        assertThat(tally.workersStarted()).hasValue(2);
        assertThat(tally.failed()).isEqualTo(1);
        assertThat(tally.passed()).isEqualTo(2);
    }

    @Test
    void prefersOffloadsCountsWhenItsBlockWasSeen() {
        TestTally tally = read("""
                collected 9 items
                ==== 9 passed in 1.00s ====
                Test Results:
                  Total: 12
                  Passed: 11
                  Failed: 1
                Some tests failed.
                """).tally();

        assertThat(tally.collected()).hasValue(12);
        assertThat(tally.failed()).isEqualTo(1);
    }

    @Test
    void readsTheLogFileARecipeNamed() throws IOException {
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/pytest.log"), """
                gw0 I / gw1 I / gw2 I
                gw0 [6] / gw1 [6] / gw2 [6]
                ......
                ====== 6 passed in 2.00s ======
                """);
        RunOutput run = read("Running integration tests\nlog: out/pytest.log\nOK\n");

        run.readLogFiles(dir);

        TestTally tally = run.tally();
        assertThat(tally.collected()).hasValue(6);
        assertThat(tally.workersStarted()).hasValue(3);
        assertThat(tally.passed()).isEqualTo(6);
    }

    @Test
    void passesOverALogFileThatDoesNotExist() {
        RunOutput run = read("log: missing/pytest.log\n==== 1 passed in 0.01s ====\n");

        run.readLogFiles(dir);

        assertThat(run.tally().passed()).isEqualTo(1);
    }

    @Test
    void resolvesLogFilesAgainstTheRunsFolderAndKeepsAbsolutePaths() {
        RunOutput run = read("log: a/b.log\n  log: /tmp/abs.log  \nlogs: not-this\nlog:\n");

        assertThat(run.logFiles(dir)).containsExactly(dir.resolve("a/b.log"), Path.of("/tmp/abs.log"));
    }
}
