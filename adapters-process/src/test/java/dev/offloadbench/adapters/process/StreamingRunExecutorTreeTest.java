package dev.offloadbench.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Execution;
import dev.offloadbench.domain.run.ExecutionRequest;
import dev.offloadbench.domain.run.Termination;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Timeouts and cancellations end the run's whole process tree, however it is built. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class StreamingRunExecutorTreeTest {
    /**
     * A tree with everything that makes ending it hard: background children, a grandchild
     * shell with children of its own, a child that ignores SIGTERM, and a child that left the
     * process group with setsid (when there is one). Every pid goes to {@code pids}; once all
     * are written, the script says {@code all-started} and waits.
     */
    private static final String TREE = """
            sleep 300 & echo $! >> pids
            sh -c 'sleep 300 & echo $! >> pids; sleep 300 & echo $! >> pids; wait' & echo $! >> pids
            sh -c 'trap "" TERM; sleep 300 & echo $! >> pids; wait' & echo $! >> pids
            expected=6
            if command -v setsid >/dev/null 2>&1; then
              setsid sh -c 'sleep 300 & echo $! >> pids; wait' & echo $! >> pids
              expected=8
            fi
            while [ "$(wc -l < pids)" -lt "$expected" ]; do sleep 0.02; done
            echo all-started
            wait
            """;

    @TempDir
    Path dir;

    @AfterEach
    void leaveNothingBehind() throws IOException {
        // Should a test fail, its processes must not outlive it.
        if (Files.exists(dir.resolve("pids"))) {
            pids().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    private StreamingRunExecutor executor(boolean processGroups) {
        StreamingRunExecutor executor = processGroups ? new StreamingRunExecutor(System.getenv())
                : new StreamingRunExecutor(System.getenv(), Optional.empty());
        if (processGroups) {
            assumeThat(executor.usesProcessGroups()).as("setsid and kill are on the PATH").isTrue();
        }
        return executor;
    }

    private ExecutionRequest tree(Optional<Duration> timeout) throws IOException {
        Files.createFile(dir.resolve("pids"));
        return new ExecutionRequest(List.of("sh", "-c", TREE), Map.of(), dir, dir.resolve("run.log"), timeout);
    }

    private List<Long> pids() throws IOException {
        return Files.readAllLines(dir.resolve("pids")).stream().map(String::strip).filter(line -> !line.isEmpty())
                .map(Long::parseLong).toList();
    }

    @ParameterizedTest(name = "process groups: {0}")
    @ValueSource(booleans = {true, false})
    void endsTheWholeTreeOnTimeout(boolean processGroups) throws IOException {
        Execution execution = executor(processGroups).execute(tree(Optional.of(Duration.ofSeconds(3))),
                line -> { }, new Cancellation());

        assertThat(Files.readString(dir.resolve("run.log"))).as("every process started before the timeout")
                .contains("all-started");
        assertThat(execution.termination()).isEqualTo(Termination.TIMED_OUT);
        assertThat(execution.exitCode()).isEqualTo(-1);
        assertThat(execution.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(pids()).hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(pid -> assertThat(running(pid)).as("process %d", pid).isFalse());
    }

    @Test
    void endsTheWholeTreeWhenCancelledFromAnotherThread() throws Exception {
        StreamingRunExecutor executor = executor(true);
        Cancellation cancellation = new Cancellation();
        CountDownLatch allStarted = new CountDownLatch(1);
        ExecutionRequest request = tree(Optional.empty());

        CompletableFuture<Execution> running = CompletableFuture.supplyAsync(() -> executor.execute(request, line -> {
            if (line.equals("all-started")) {
                allStarted.countDown();
            }
        }, cancellation));
        assertThat(allStarted.await(60, TimeUnit.SECONDS)).as("the tree started").isTrue();
        cancellation.cancel();
        Execution execution = running.get(60, TimeUnit.SECONDS);

        assertThat(execution.termination()).isEqualTo(Termination.CANCELLED);
        assertThat(execution.exitCode()).isEqualTo(-1);
        assertThat(pids()).hasSize(8).allSatisfy(pid -> assertThat(running(pid)).as("process %d", pid).isFalse());
    }

    @Test
    void endsWhatTheCommandLeftRunningWhenItExitedByItself() throws IOException {
        Files.createFile(dir.resolve("pids"));
        ExecutionRequest request = new ExecutionRequest(
                List.of("sh", "-c", "sleep 300 & echo $! >> pids; sleep 300 >/dev/null 2>&1 & echo $! >> pids; exit 4"),
                Map.of(), dir, dir.resolve("run.log"), Optional.of(Duration.ofSeconds(60)));

        Execution execution = executor(true).execute(request, line -> { }, new Cancellation());

        assertThat(execution.termination()).isEqualTo(Termination.EXITED);
        assertThat(execution.exitCode()).isEqualTo(4);
        assertThat(execution.elapsed()).isLessThan(Duration.ofSeconds(30));
        assertThat(pids()).hasSize(2).allSatisfy(pid -> assertThat(running(pid)).as("process %d", pid).isFalse());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void startsTheCommandAsTheLeaderOfItsOwnProcessGroup() {
        StreamingRunExecutor executor = executor(true);
        List<String> lines = new java.util.ArrayList<>();
        ExecutionRequest request = new ExecutionRequest(
                List.of("sh", "-c", "echo $$; read -r stat < /proc/$$/stat; echo \"${stat##*) }\""), Map.of(), dir,
                dir.resolve("run.log"), Optional.of(Duration.ofSeconds(60)));

        executor.execute(request, lines::add, new Cancellation());

        String pid = lines.get(0);
        String[] fields = lines.get(1).split(" ");
        assertThat(fields[2]).as("process group").isEqualTo(pid);
        assertThat(fields[3]).as("session").isEqualTo(pid);
    }

    /** Alive and not a zombie (a killed orphan may wait for a reaper that never comes in a container). */
    private static boolean running(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.isDirectory(Path.of("/proc"))) {
            return true;
        }
        try {
            String text = Files.readString(stat);
            char state = text.charAt(text.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }
}
