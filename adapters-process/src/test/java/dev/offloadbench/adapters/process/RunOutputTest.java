package dev.offloadbench.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.run.TestTally;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOutputTest {
    @TempDir
    Path dir;

    /** The output as a run's log gives it: bytes, cut into lines. */
    private static RunOutput read(String output) {
        RunOutput run = new RunOutput();
        byte[] bytes = output.getBytes(StandardCharsets.UTF_8);
        LineSplitter splitter = new LineSplitter(run::line);
        splitter.accept(bytes, 0, bytes.length);
        splitter.finish();
        run.end();
        return run;
    }

    /** The same output read line by line as text, every line decoded and matched: what the byte filter must agree with. */
    private static RunOutput readAsText(String output) {
        RunOutput run = new RunOutput();
        output.lines().forEach(run::line);
        run.end();
        return run;
    }

    @Test
    void theByteFilterReadsWhatReadingEveryLineAsTextReads() {
        String esc = "\u001B";
        List<String> prefixes = List.of("", " ", "\t", esc + "[32m", esc + "[1;31m ", esc + "]0;title\u0007", esc + "]8;;x"
                + esc + "\\", esc + "M", esc + "[", esc + "[?25l", "\u2003", "\u00A0", esc + "]", esc + "x");
        List<String> bodies = List.of("collected 7 items", "collecting ... collected 5 items / 2 deselected",
                "created: 3/3 workers", "3 workers [9 items]", "gw0 [6] / gw1 [6]", "gw0 I / gw1 C", "gw0 [1234567890] / gw1 [1]",
                "gw0 [6] / gw1", "gw0 [6] / gw1 [6] PASSED", "gw12 ok", "gw0 [6]" + esc + "[0m / gw1 [6]",
                "==== 2 failed, 5 passed in 1.20s ====", "4 passed in 0.30s", "no tests ran in 0.01s",
                "[gw0] [ 50%] PASSED tests/test_a.py::test_b", "2024-01-02 12:00:00 INFO 3 passed in 1s",
                "log: out/pytest.log", "Test Results:", "  Total: 9", "Passed: 8", "Failed: 1", "Some tests failed.",
                "12 passed, 1 warning in 3.00s", "gw0 [6] / gw1 [6] \u2003", "3 workers [9 items]   ");
        List<String> suffixes = List.of("", " ", esc + "[0m", "\t" + esc + "[0m  ");
        java.util.Random random = new java.util.Random(11);
        for (int run = 0; run < 300; run++) {
            StringBuilder output = new StringBuilder();
            for (int line = 0; line < 12; line++) {
                output.append(prefixes.get(random.nextInt(prefixes.size())))
                        .append(bodies.get(random.nextInt(bodies.size())))
                        .append(suffixes.get(random.nextInt(suffixes.size()))).append('\n');
            }
            RunOutput bytes = read(output.toString());
            RunOutput text = readAsText(output.toString());
            assertThat(bytes.tally()).as(output.toString()).isEqualTo(text.tally());
            assertThat(bytes.logFiles(Path.of("/p"))).as(output.toString()).isEqualTo(text.logFiles(Path.of("/p")));
        }
    }

    @Test
    void readsXdistWorkerLinesFromTheirBytes() {
        TestTally tally = read("gw0 [4] / gw1 [4] / gw2 [4]\n").tally();

        assertThat(tally.workersStarted()).hasValue(3);
        assertThat(tally.collected()).hasValue(4);
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
