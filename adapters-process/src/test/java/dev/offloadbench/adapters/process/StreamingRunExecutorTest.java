package dev.offloadbench.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.port.out.RunExecutor;
import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Execution;
import dev.offloadbench.domain.run.ExecutionRequest;
import dev.offloadbench.domain.run.Termination;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs({OS.LINUX, OS.MAC})
class StreamingRunExecutorTest {
    private static final Optional<Duration> GENEROUS = Optional.of(Duration.ofSeconds(60));

    @TempDir
    Path dir;

    private final StreamingRunExecutor executor = new StreamingRunExecutor(System.getenv());
    private final EchoedOutput echo = new EchoedOutput();

    private ExecutionRequest sh(String script) {
        return Requests.of(List.of("sh", "-c", script), Map.of(), dir, dir.resolve("run.log"), GENEROUS);
    }

    private Execution run(ExecutionRequest request) {
        return executor.execute(request, echo, new Cancellation());
    }

    @Test
    void reportsTheExitCodeAndTheTimeTheProcessTook() {
        Execution execution = run(sh("sleep 1; exit 3"));

        assertThat(execution.termination()).isEqualTo(Termination.EXITED);
        assertThat(execution.exitCode()).isEqualTo(3);
        assertThat(execution.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(1))
                .isLessThan(Duration.ofSeconds(11));
        assertThat(Duration.between(execution.started(), execution.finished())).isEqualTo(execution.elapsed());
        assertThat(execution.log()).isEqualTo(dir.resolve("run.log"));
    }

    @Test
    void closesStandardInputSoReadersSeeItsEndAtOnce() {
        Execution execution = run(Requests.of(List.of("cat"), Map.of(), dir, dir.resolve("run.log"),
                Optional.of(Duration.ofSeconds(20))));

        assertThat(execution.termination()).isEqualTo(Termination.EXITED);
        assertThat(execution.exitCode()).isZero();
    }

    @Test
    void runsInTheFolderWithTheBaseEnvironmentPlusTheRequestsOwn() throws IOException {
        StreamingRunExecutor withBase = new StreamingRunExecutor(
                Map.of("PATH", System.getenv("PATH"), "FROM_BASE", "base", "OVERRIDDEN", "base"));
        ExecutionRequest request = Requests.of(
                List.of("sh", "-c", "pwd; echo \"$FROM_BASE $OVERRIDDEN $FROM_RUN\"; echo \"home=${HOME-unset}\""),
                Map.of("OVERRIDDEN", "run", "FROM_RUN", "-n 8"), dir, dir.resolve("run.log"), GENEROUS);

        Execution execution = withBase.execute(request, echo, new Cancellation());

        assertThat(execution.exitCode()).isZero();
        assertThat(echo.lines()).containsExactly(dir.toRealPath().toString(), "base run -n 8", "home=unset");
    }

    @Test
    void writesStdoutAndStderrToTheLogInTheOrderTheyCame() throws IOException {
        Execution execution = run(sh("echo out-1; echo err-1 >&2; echo out-2; echo err-2 >&2; printf 'no newline'"));

        assertThat(Files.readString(execution.log())).isEqualTo("out-1\nerr-1\nout-2\nerr-2\nno newline");
        assertThat(echo.text()).as("the echo gets every byte").isEqualTo(Files.readString(execution.log()));
    }

    @Test
    void createsTheLogsFolderAndKeepsTheBytesAsPrinted() throws IOException {
        Path log = dir.resolve("sessions/abc/run-1.log");
        Execution execution = run(Requests.of(List.of("printf", "a\\rb\\r\\nc\\n"), Map.of(), dir, log,
                GENEROUS));

        assertThat(Files.readString(execution.log())).isEqualTo("a\rb\r\nc\n");
        assertThat(echo.lines()).containsExactly("a", "b", "c");
    }

    @Test
    void keepsStreamingWhenTheListenerFails() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        Execution execution = executor.execute(sh("echo a; echo b; echo '== 2 passed in 0.01s =='"),
                new EchoedOutput() {
                    @Override
                    public void output(byte[] block, int offset, int length) {
                        calls.incrementAndGet();
                        throw new IllegalStateException("display broke");
                    }
                }, new Cancellation());

        assertThat(execution.exitCode()).isZero();
        assertThat(calls).hasValue(1);
        assertThat(Files.readString(execution.log())).endsWith("2 passed in 0.01s ==\n");
        assertThat(execution.tally().passed()).isEqualTo(2);
    }

    @Test
    void streamsHundredsOfMegabytesWithoutKeepingThemAndParsesThemAfterTheExit() throws IOException {
        // 200 MB in 2,000,000 lines of 100 (fold leaves the last one open), then one line of 1 MB, then a summary.
        String script = "head -c 200000000 /dev/zero | tr '\\0' x | fold -w 100; echo;"
                + " head -c 1000000 /dev/zero | tr '\\0' y; echo; echo '==== 3 passed in 1.00s ===='";

        Execution execution = executor.execute(sh(script), EchoedOutput.NONE, new Cancellation());

        assertThat(execution.exitCode()).isZero();
        assertThat(Files.size(execution.log())).isEqualTo(200_000_000L + 2_000_000L + 1_000_001L
                + "==== 3 passed in 1.00s ====\n".length());
        assertThat(execution.tally().passed()).isEqualTo(3);
    }

    @Test
    void echoesEveryByteInBlocksRatherThanLineByLine() throws IOException {
        String script = "i=0; while [ $i -lt 20000 ]; do echo \"[gw0] [ 50%] PASSED tests/test_$i.py::test_x\";"
                + " i=$((i+1)); done";

        Execution execution = executor.execute(sh(script), echo, new Cancellation());

        assertThat(execution.exitCode()).isZero();
        assertThat(echo.text()).isEqualTo(Files.readString(execution.log()));
        assertThat(echo.lines()).hasSize(20_000);
        assertThat(echo.blocks).as("blocks, not 20,000 lines").isLessThan(2_000);
    }

    @Test
    void tellsTheLatestCompleteLineWhileTheCommandRuns() {
        CountDownLatch seen = new CountDownLatch(1);
        // the command waits until the listener has heard its line: it could not end otherwise
        Execution execution = executor.execute(Requests.of(List.of("sh", "-c",
                "echo first; printf 'second\\n\\n   \\n'; printf 'half a line'; while [ ! -f heard ]; do sleep 0.01; done"),
                Map.of(), dir, dir.resolve("run.log"), GENEROUS), new RunExecutor.OutputListener() {
                    @Override
                    public void latestLine(String line) {
                        if (line.equals("second")) {
                            seen.countDown();
                            touch(dir.resolve("heard"));
                        }
                    }
                }, new Cancellation());

        assertThat(execution.exitCode()).isZero();
        assertThat(seen.getCount()).isZero();
    }

    private static void touch(Path file) {
        try {
            Files.createFile(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void parsesTheOutputAndTheLogFileItNames() throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs/pytest.log"), "gw0 [4] / gw1 [4]\n....\n=== 4 passed in 0.50s ===\n");

        Execution execution = run(sh("echo 'log: logs/pytest.log'; echo OK"));

        assertThat(execution.tally().collected()).hasValue(4);
        assertThat(execution.tally().workersStarted()).hasValue(2);
        assertThat(execution.tally().passed()).isEqualTo(4);
        assertThat(Files.readString(execution.log())).isEqualTo("log: logs/pytest.log\nOK\n");
    }

    @Test
    void doesNotStartWhenAlreadyCancelled() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();

        Execution execution = executor.execute(sh("touch started"), echo, cancellation);

        assertThat(execution.termination()).isEqualTo(Termination.CANCELLED);
        assertThat(execution.exitCode()).isEqualTo(-1);
        assertThat(dir.resolve("started")).doesNotExist();
    }

    @Test
    void namesTheCommandWhenTheProgramDoesNotExist() {
        String missing = "no-such-program-" + ProcessHandle.current().pid();
        ExecutionRequest request = Requests.of(List.of(missing, "--flag"), Map.of(), dir,
                dir.resolve("run.log"), GENEROUS);

        assertThatThrownBy(() -> run(request)).isInstanceOf(BenchException.class)
                .hasMessageContaining(missing + " --flag").hasMessageContaining(dir.toString())
                .hasMessageContaining("not found on the PATH");
    }

    @Test
    void findsAProgramGivenAsAPathFromTheRunsFolder() throws IOException {
        Path script = dir.resolve("bin/hello");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\necho hello from \"$0\"\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();

        Execution execution = run(Requests.of(List.of("./bin/hello"), Map.of(), dir, dir.resolve("run.log"),
                GENEROUS));

        assertThat(execution.exitCode()).isZero();
        assertThat(echo.lines()).singleElement().asString().startsWith("hello from ").endsWith("bin/hello");
    }

    @Test
    void runsTheNativeJustInPlaceOfItsNodeWrapperAndPutsItFirstOnTheRunsPath() throws IOException {
        Path bin = PathToolLocatorTest.npmInstall(dir.resolve("npm"), false);
        Files.writeString(dir.resolve("justfile"), """
                test:
                    @echo "first on PATH: ${PATH%%:*}"
                    @just --version
                """);
        StreamingRunExecutor withWrapper = new StreamingRunExecutor(Map.of("PATH", bin + ":/usr/bin:/bin"));

        Execution execution = withWrapper.execute(Requests.of(List.of("just", "test"), Map.of(), dir,
                dir.resolve("run.log"), GENEROUS), EchoedOutput.NONE, new Cancellation());

        assertThat(execution.exitCode()).isZero();
        String log = Files.readString(execution.log());
        assertThat(log).doesNotContain("the Node wrapper ran").contains("just 1.");
        assertThat(log).contains("first on PATH: " + dir.resolve("npm/lib/node_modules/rust-just/node_modules"
                + "/rust-just-linux-x64/bin"));
    }

    @Test
    void namesTheFolderWhenItDoesNotExist() {
        Path missing = dir.resolve("missing");
        ExecutionRequest request = Requests.of(List.of("true"), Map.of(), missing, dir.resolve("run.log"),
                GENEROUS);

        assertThatThrownBy(() -> run(request)).isInstanceOf(BenchException.class)
                .hasMessageContaining("`true`").hasMessageContaining(missing + " does not exist");
    }
}
