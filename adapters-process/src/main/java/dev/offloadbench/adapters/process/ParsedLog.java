package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.run.TestTally;
import dev.offloadbench.domain.spi.TestCounts;
import dev.offloadbench.domain.spi.TestOutputParser;
import dev.offloadbench.domain.spi.TestOutputReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A finished run's log read by the output parser of a runner other than pytest, line by line in
 * constant memory, colour codes removed. It runs once the run has exited, so a slow parser never
 * holds up the run or its clock.
 */
final class ParsedLog {
    private ParsedLog() {
    }

    /** What the parser makes of the log; nothing when the log cannot be read. */
    static TestTally read(Path log, TestOutputParser parser) {
        TestOutputReader reader = parser.newReader();
        try (InputStream in = Files.newInputStream(log)) {
            LineSplitter.readAll(in, (bytes, start, end) -> reader.line(RunOutput.withoutAnsi(
                    new String(bytes, start, end - start, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            return TestTally.NOTHING;
        }
        return tally(reader.counts());
    }

    /** The runner's counts in the terms of a run's tally (flaky tests, counted as passed there, apart here). */
    static TestTally tally(TestCounts counts) {
        int flaky = Math.min(counts.flaky(), counts.passed());
        return new TestTally(counts.tests(), counts.passed() - flaky, counts.failed(), counts.errors(),
                counts.skipped(), 0, 0, counts.notRun(), flaky, counts.workers(), counts.summarySeen(), false);
    }
}
