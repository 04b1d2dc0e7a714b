package dev.offloadbench.spi.examples.nextest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.spi.TestCounts;
import dev.offloadbench.domain.spi.TestOutputReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The parser on output recorded from real nextest runs (see src/test/resources/nextest/README.md). */
class NextestOutputParserTest {
    private static TestCounts read(String text) {
        TestOutputReader reader = new NextestOutputParser().newReader();
        // offload-bench hands the parser lines without colour codes
        text.replaceAll("\u001B\\[[0-9;]*m", "").lines().forEach(reader::line);
        return reader.counts();
    }

    private static String recorded(String name) throws IOException {
        try (InputStream in = NextestOutputParserTest.class.getResourceAsStream("/nextest/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void countsAPassingRun() throws IOException {
        TestCounts counts = read(recorded("run-output.ansi"));

        assertThat(counts.tests()).isEqualTo(OptionalInt.of(14));
        assertThat(counts.passed()).isEqualTo(14);
        assertThat(counts.skipped()).isEqualTo(177);
        assertThat(counts.failed() + counts.errors() + counts.notRun()).isZero();
        assertThat(counts.summarySeen()).isTrue();
        assertThat(counts.workers()).as("nextest does not print its thread count").isEmpty();
    }

    @Test
    void aTestThatPassedOnRetryIsFlakyNotFailed() throws IOException {
        TestCounts counts = read(recorded("flaky-output.ansi"));

        assertThat(counts.tests()).isEqualTo(OptionalInt.of(1));
        assertThat(counts.passed()).isEqualTo(1);
        assertThat(counts.flaky()).isEqualTo(1);
        assertThat(counts.failed()).isZero();
    }

    @Test
    void aLeakyFailureIsAFailure() throws IOException {
        TestCounts counts = read(recorded("leak-fail.ansi"));

        assertThat(counts.passed()).isZero();
        assertThat(counts.failed()).isEqualTo(1);
        assertThat(counts.skipped()).isEqualTo(26);
    }

    @Test
    void aCancelledRunCountsWhatDidNotRunAndEveryKindOfFailure() {
        TestCounts counts = read("    Starting 10 tests across 2 binaries\n"
                + "     Summary [  15.750s] 8/10 tests run: 5 passed (1 slow, 1 flaky, 1 leaky), 2 failed,"
                + " 1 exec failed, 1 timed out, 2 skipped\n");

        assertThat(counts.tests()).isEqualTo(OptionalInt.of(10));
        assertThat(counts.notRun()).isEqualTo(2);
        assertThat(counts.passed()).isEqualTo(5);
        assertThat(counts.flaky()).isEqualTo(1);
        assertThat(counts.failed()).as("2 failed + 1 timed out").isEqualTo(3);
        assertThat(counts.errors()).as("exec failed").isEqualTo(1);
        assertThat(counts.skipped()).isEqualTo(2);
    }

    @Test
    void readsNextestsOwnSummaryLines() throws IOException {
        String lines = recorded("summary-lines.txt");
        // its first summary: "5 tests run: 5 passed, 0 skipped"; the last one: "0 tests run"
        TestCounts first = read(lines.lines().limit(2).reduce("", (a, b) -> a + b + "\n"));
        TestCounts last = read(lines.lines().skip(lines.lines().count() - 1).findFirst().orElseThrow());

        assertThat(first.passed()).isEqualTo(5);
        assertThat(first.tests()).isEqualTo(OptionalInt.of(5));
        assertThat(last.summarySeen()).isTrue();
        assertThat(last.tests()).isEqualTo(OptionalInt.of(0));
    }

    @Test
    void withoutASummaryTheRunDidNotFinish() {
        TestCounts counts = read("    Starting 3 tests across 1 binary\n        PASS [   0.005s] crate tests::a\n");

        assertThat(counts.summarySeen()).isFalse();
        assertThat(counts.tests()).isEqualTo(OptionalInt.of(3));
        assertThat(counts.passed()).isZero();
    }

    @Test
    void theProfileNamesThisParser() {
        assertThat(OffloadCargoProfile.OFFLOAD_CARGO.runs().outputParser()).contains(new NextestOutputParser().name());
        assertThat(OffloadCargoProfile.OFFLOAD_CARGO.runs().localRecipe()).isEqualTo("test");
    }
}
