package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.port.out.RunExecutor;
import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Execution;
import dev.offloadbench.domain.run.ExecutionRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The output of a real child process, in MiB per second: a shell pipeline printing 256 MiB of
 * one of three line shapes as fast as {@code yes} can ({@code [gw0] [ 50%] PASSED ...},
 * {@code gw0 [4] / gw1 [4] ...}, coloured lines). Three ways to take it:
 * <ul>
 * <li>{@code discarded}: the child writes to {@code /dev/null} itself, nobody reads: the child's own speed;</li>
 * <li>{@code pipeRead}: a plain Java loop reads the pipe and drops the bytes: the pipe's speed;</li>
 * <li>{@code executor}: {@link StreamingRunExecutor} runs it as a benchmark run: drained into a
 * log, followed, then parsed after the exit; the whole call, spawn to return.</li>
 * </ul>
 * Goal: {@code executor} within about 15% of {@code pipeRead} for every shape, parsing included.
 * ({@code benchmarks/fidelity} measures the timed window alone, through {@code bench run}.)
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DrainBenchmark {
    static final int MIB = 256;

    @Param({"XDIST_PROGRESS", "XDIST_WORKERS", "COLOURED"})
    public Shape shape;

    /** What one line of the output looks like. */
    public enum Shape {
        XDIST_PROGRESS("[gw0] [ 50%] PASSED tests/test_module_17.py::test_case_4[param-3]"),
        XDIST_WORKERS("gw0 [4] / gw1 [4] / gw2 [4] / gw3 [4]"),
        COLOURED("\\033[32m[gw1] [ 75%] \\033[1mPASSED\\033[0m tests/test_module_17.py::test_case_4[param-3]");

        final String line;

        Shape(String line) {
            this.line = line;
        }
    }

    private Path folder;
    private String script;
    private final StreamingRunExecutor executor = new StreamingRunExecutor(System.getenv());

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("offload-bench-drain-");
        script = "yes \"$(printf '" + shape.line.replace("%", "%%") + "')\" | head -c " + (MIB * 1024L * 1024L);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(folder.resolve("run.log"));
        Files.deleteIfExists(folder);
    }

    @Benchmark
    @OperationsPerInvocation(MIB)
    public int discarded() throws Exception {
        Process process = new ProcessBuilder("sh", "-c", script).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return process.waitFor();
    }

    @Benchmark
    @OperationsPerInvocation(MIB)
    public long pipeRead() throws Exception {
        Process process = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        long total = 0;
        byte[] buffer = new byte[256 * 1024];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
            }
        }
        process.waitFor();
        return total;
    }

    @Benchmark
    @OperationsPerInvocation(MIB)
    public Execution executor() {
        Execution execution = executor.execute(new ExecutionRequest(List.of("sh", "-c", script), Map.of(), folder,
                folder.resolve("run.log"), Optional.of(Duration.ofMinutes(5)), "drain-benchmark-" + java.util.UUID.randomUUID(),
                Optional.empty()), new RunExecutor.OutputListener() { },
                new Cancellation());
        if (execution.exitCode() != 0 || shape == Shape.XDIST_WORKERS && execution.tally().workersStarted()
                .orElse(0) != 4) {
            throw new IllegalStateException("the run did not go as it should: " + execution);
        }
        return execution;
    }
}
