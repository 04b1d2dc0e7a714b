package dev.offloadbench.adapters.process;

import dev.offloadbench.benchmarks.SampleOutput;
import dev.offloadbench.domain.run.TestTally;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How fast a run's output is read once the run has exited: lines per second through the parsers
 * ({@link RunOutput} on text and, alone, {@link PytestOutput} and {@link OffloadOutput}), MiB per
 * second through {@link LineSplitter} (byte ranges, nothing decoded), and MiB per second through
 * both, in 1 MiB reads of the log, as {@link StreamingRunExecutor} parses it after the exit:
 * only the lines that can matter are decoded.
 *
 * <p>Parsing no longer shares the thread that drains the pipe ({@link DrainBenchmark} measures
 * that one), so it cannot slow a run; what it costs is the time between two runs. A 1 GiB log
 * should be read in seconds of one core. That such a run also stays in constant memory is checked
 * end to end by cli's {@code RunCommandTest.aRunPrintingHundredsOfMegabytesRunsInASmallHeap}.
 *
 * <p>Scores: {@code ops/s} is lines per second for the line benchmarks and MiB per second for the
 * byte benchmarks ({@link OperationsPerInvocation} counts lines or MiB).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class OutputParsingBenchmark {
    /** Lines per invocation of the line benchmarks: a whole 5,275-test session, verbose. */
    static final int LINES = 20_000;
    /** MiB per invocation of the byte benchmarks. */
    static final int MIB = 16;
    /** What the log is read in after the run. */
    private static final int CHUNK = LineSplitter.READ_CHUNK;

    /** A run's output of each kind, as lines and as the bytes of a long run repeating it. */
    @State(Scope.Benchmark)
    public static class Output {
        @Param({"XDIST", "XDIST_COLOUR", "OFFLOAD"})
        public SampleOutput.Kind kind;

        List<String> lines;
        byte[] bytes;

        @Setup
        public void setUp() {
            lines = SampleOutput.lines(kind, LINES);
            bytes = SampleOutput.repeated(lines, MIB * 1024 * 1024);
            // The benchmark must measure the parsers recognising everything, not missing it.
            RunOutput output = new RunOutput();
            lines.forEach(output::line);
            output.end();
            check(output.tally(), kind == SampleOutput.Kind.OFFLOAD);
        }
    }

    /** The plain pytest-xdist output, for the parsers measured alone. */
    @State(Scope.Benchmark)
    public static class XdistLines {
        List<String> lines;

        @Setup
        public void setUp() {
            lines = SampleOutput.lines(SampleOutput.Kind.XDIST, LINES);
        }
    }

    /** Every line through {@link RunOutput}: colour codes stripped, both parsers, {@code log:} lines looked for. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public TestTally runOutputLines(Output output) {
        RunOutput parsed = new RunOutput();
        for (String line : output.lines) {
            parsed.line(line);
        }
        parsed.end();
        return parsed.tally();
    }

    /** pytest's parser alone (the regular expressions tried on every line). */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public TestTally pytestOutputLines(XdistLines output) {
        PytestOutput parsed = new PytestOutput();
        for (String line : output.lines) {
            parsed.line(line);
        }
        return parsed.tally();
    }

    /** Offload's parser alone: on pytest's lines it should do next to nothing until its block. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public TestTally offloadOutputLines(XdistLines output) {
        OffloadOutput parsed = new OffloadOutput();
        for (String line : output.lines) {
            parsed.line(line);
        }
        parsed.end();
        return parsed.tally();
    }

    /** Bytes cut into lines (byte ranges), each line's length consumed. */
    @Benchmark
    @OperationsPerInvocation(MIB)
    public void lineSplitterBytes(Output output, Blackhole blackhole) {
        LineSplitter splitter = new LineSplitter((bytes, start, end) -> blackhole.consume(end - start));
        feed(splitter, output.bytes);
    }

    /** Bytes to a tally: the whole parsing path after the run, the byte filter deciding what is decoded. */
    @Benchmark
    @OperationsPerInvocation(MIB)
    public TestTally splitAndParseBytes(Output output) {
        RunOutput parsed = new RunOutput();
        LineSplitter splitter = new LineSplitter(parsed::line);
        feed(splitter, output.bytes);
        parsed.end();
        return parsed.tally();
    }

    private static void feed(LineSplitter splitter, byte[] bytes) {
        for (int at = 0; at < bytes.length; at += CHUNK) {
            splitter.accept(bytes, at, Math.min(CHUNK, bytes.length - at));
        }
        splitter.finish();
    }

    private static void check(TestTally tally, boolean offload) {
        int passed = offload ? SampleOutput.TESTS - SampleOutput.FAILED : SampleOutput.PASSED;
        boolean recognised = tally.summarySeen()
                && tally.collected().orElse(-1) == SampleOutput.TESTS
                && tally.passed() == passed
                && tally.failed() == SampleOutput.FAILED
                && (offload || tally.workersStarted().orElse(-1) == SampleOutput.WORKERS
                        && tally.skipped() == SampleOutput.SKIPPED);
        if (!recognised) {
            throw new IllegalStateException("the sample output is not parsed as the run it is: " + tally);
        }
    }
}
