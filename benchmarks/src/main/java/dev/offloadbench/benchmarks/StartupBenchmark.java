package dev.offloadbench.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-up, as a person at a terminal feels it: whole JVMs started one after another, each
 * running one command of the built {@code cli/target/offload-bench.jar} (the
 * {@code offload-bench.jar} system property names another) with the options the {@code bench}
 * launcher gives short commands (Serial collector, C1 only, its class-data archive when one was
 * made), against {@code java -version} on the same JVM. Goal: {@code --version} within 6 times
 * {@code java -version}; {@code --help} builds the command tree (picocli) and loads no plugin.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class StartupBenchmark {
    @Param({"java -version", "bench --version", "bench --help", "bench completion bash"})
    public String command;

    private List<String> argv;

    @Setup
    public void setUp() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jar = Path.of(System.getProperty("offload-bench.jar", "cli/target/offload-bench.jar")).toAbsolutePath();
        argv = new ArrayList<>();
        argv.add(java);
        if (command.equals("java -version")) {
            argv.add("-version");
            return;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./bench --version does)");
        }
        argv.addAll(List.of("-XX:+UseSerialGC", "-Xmx96m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        Path archive = jar.resolveSibling("offload-bench.jsa");
        if (Files.isRegularFile(archive)) {
            argv.add("-XX:SharedArchiveFile=" + archive);
        }
        argv.addAll(List.of("-jar", jar.toString()));
        argv.addAll(List.of(command.substring("bench ".length()).split(" ")));
    }

    @Benchmark
    public int start() throws Exception {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " exited " + exit);
        }
        return exit;
    }
}
