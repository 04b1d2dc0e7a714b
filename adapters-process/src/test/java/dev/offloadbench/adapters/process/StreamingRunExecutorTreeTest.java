package dev.offloadbench.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.offloadbench.domain.port.out.RunExecutor;
import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Execution;
import dev.offloadbench.domain.run.ExecutionRequest;
import dev.offloadbench.domain.run.LeftoverProcess;
import dev.offloadbench.domain.run.Termination;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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

    /** Counts {@code latch} down once the command's latest output line is {@code line}. */
    private static RunExecutor.OutputListener saying(String line, CountDownLatch latch) {
        return new RunExecutor.OutputListener() {
            @Override
            public void latestLine(String latest) {
                if (latest.equals(line)) {
                    latch.countDown();
                }
            }
        };
    }

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
        return Requests.of(List.of("sh", "-c", TREE), Map.of(), dir, dir.resolve("run.log"), timeout);
    }

    private List<Long> pids() throws IOException {
        return Files.readAllLines(dir.resolve("pids")).stream().map(String::strip).filter(line -> !line.isEmpty())
                .map(Long::parseLong).toList();
    }

    @ParameterizedTest(name = "process groups: {0}")
    @ValueSource(booleans = {true, false})
    void endsTheWholeTreeOnTimeout(boolean processGroups) throws IOException {
        Execution execution = executor(processGroups).execute(tree(Optional.of(Duration.ofSeconds(3))),
                EchoedOutput.NONE, new Cancellation());

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

        CompletableFuture<Execution> running = CompletableFuture.supplyAsync(() -> executor.execute(request,
                saying("all-started", allStarted), cancellation));
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
        ExecutionRequest request = Requests.of(
                List.of("sh", "-c", "sleep 300 & echo $! >> pids; sleep 300 >/dev/null 2>&1 & echo $! >> pids; exit 4"),
                Map.of(), dir, dir.resolve("run.log"), Optional.of(Duration.ofSeconds(60)));

        Execution execution = executor(true).execute(request, EchoedOutput.NONE, new Cancellation());

        assertThat(execution.termination()).isEqualTo(Termination.EXITED);
        assertThat(execution.exitCode()).isEqualTo(4);
        assertThat(execution.elapsed()).isLessThan(Duration.ofSeconds(30));
        assertThat(pids()).hasSize(2).allSatisfy(pid -> assertThat(running(pid)).as("process %d", pid).isFalse());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void startsTheCommandAsTheLeaderOfItsOwnProcessGroup() {
        StreamingRunExecutor executor = executor(true);
        EchoedOutput echo = new EchoedOutput();
        ExecutionRequest request = Requests.of(
                List.of("sh", "-c", "echo $$; read -r stat < /proc/$$/stat; echo \"${stat##*) }\""), Map.of(), dir,
                dir.resolve("run.log"), Optional.of(Duration.ofSeconds(60)));

        executor.execute(request, echo, new Cancellation());
        List<String> lines = echo.lines();

        String pid = lines.get(0);
        String[] fields = lines.get(1).split(" ");
        assertThat(fields[2]).as("process group").isEqualTo(pid);
        assertThat(fields[3]).as("session").isEqualTo(pid);
    }

    /**
     * A daemon as hostile suites leave them: double-forked (its parent exits at once), in a session
     * of its own (so neither in the run's process group nor a descendant of its command), ignoring
     * SIGTERM. Its pid and its child's go to {@code pids}; then the script waits for both.
     */
    private static final String DAEMON = """
            sh -c 'setsid sh -c "trap \\"\\" TERM; sleep 300 & echo \\$! >> pids; echo \\$\\$ >> pids; wait" & exit 0'
            while [ "$(wc -l < pids)" -lt 2 ]; do sleep 0.02; done
            """;

    private ExecutionRequest daemonThen(String rest, Duration timeout) throws IOException {
        Files.createFile(dir.resolve("pids"));
        Path script = Files.writeString(dir.resolve("run.sh"), DAEMON + rest + "\n");
        return Requests.of(List.of("sh", script.toString()), Map.of(), dir, dir.resolve("run.log"),
                Optional.of(timeout));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void endsADoubleForkedDaemonThatLeftTheRunsGroupOnceTheCommandExitsAndSaysSo() throws IOException {
        ExecutionRequest request = daemonThen("exit 0", Duration.ofSeconds(60));

        Execution execution = executor(true).execute(request, EchoedOutput.NONE, new Cancellation());

        assertThat(execution.termination()).isEqualTo(Termination.EXITED);
        assertThat(execution.exitCode()).isZero();
        assertThat(pids()).hasSize(2).allSatisfy(pid -> assertThat(running(pid)).as("process %d", pid).isFalse());
        assertThat(execution.leftovers()).extracting(LeftoverProcess::pid).containsExactlyInAnyOrderElementsOf(pids());
        assertThat(execution.leftovers()).anySatisfy(process -> assertThat(process.command()).startsWith("sleep 300"));
    }

    @ParameterizedTest(name = "cancelled: {0}")
    @ValueSource(booleans = {true, false})
    @EnabledOnOs(OS.LINUX)
    void endsADoubleForkedDaemonOnTimeoutAndOnCancellation(boolean cancel) throws Exception {
        Cancellation cancellation = new Cancellation();
        ExecutionRequest request = daemonThen("echo all-started; sleep 300",
                Duration.ofSeconds(cancel ? 120 : 4));
        CountDownLatch started = new CountDownLatch(1);

        CompletableFuture<Execution> running = CompletableFuture.supplyAsync(() -> executor(true).execute(request,
                saying("all-started", started), cancellation));
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        if (cancel) {
            cancellation.cancel();
        }
        Execution execution = running.get(60, TimeUnit.SECONDS);

        assertThat(execution.termination()).isEqualTo(cancel ? Termination.CANCELLED : Termination.TIMED_OUT);
        assertThat(pids()).hasSize(2).allSatisfy(pid -> assertThat(running(pid)).as("process %d", pid).isFalse());
        assertThat(execution.leftovers()).as("what escaped the run's group").extracting(LeftoverProcess::pid)
                .containsExactlyInAnyOrderElementsOf(pids());
    }

    @Test
    void givesTheCommandTheRunsMarkerAndTellsTheListenerItsPid() {
        long[] started = {-1};
        boolean[] leads = {false};
        EchoedOutput echo = new EchoedOutput() {
            @Override
            public void started(long pid, boolean leadsProcessGroup) {
                started[0] = pid;
                leads[0] = leadsProcessGroup;
            }
        };
        ExecutionRequest request = new ExecutionRequest(List.of("sh", "-c", "echo \"$OFFLOAD_BENCH_RUN\"; echo $$"),
                Map.of(), dir, dir.resolve("run.log"), Optional.of(Duration.ofSeconds(60)), "session-1-abc",
                Optional.empty());

        executor(true).execute(request, echo, new Cancellation());
        List<String> lines = echo.lines();

        assertThat(lines.get(0)).isEqualTo("session-1-abc");
        assertThat(started[0]).isEqualTo(Long.parseLong(lines.get(1)));
        assertThat(leads[0]).isTrue();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void endsWhatADeadBenchLeftByItsMarkerAndNothingElse() throws Exception {
        String left = "dead-" + java.util.UUID.randomUUID();
        String other = "alive-" + java.util.UUID.randomUUID();
        Files.createFile(dir.resolve("pids"));
        Path otherPids = Files.createFile(dir.resolve("other-pids"));
        // a marked group leader with a child that cleared its environment, and a marked child that ignores SIGTERM
        Process dead = marked(left, "trap '' TERM; env -i sleep 300 & echo $! >> pids;"
                + " sh -c 'trap \"\" TERM; sleep 300' & echo $! >> pids; echo $$ >> pids; wait", dir.resolve("pids"));
        Process alive = marked(other, "sleep 300 & echo $! >> other-pids; echo $$ >> other-pids; wait", otherPids);
        try {
            BenchRunningAwait.until(() -> lines(dir.resolve("pids")) == 3 && lines(otherPids) == 2);

            List<LeftoverProcess> ended = executor(true).endLeftovers(List.of(left));

            assertThat(pids()).hasSize(3).allSatisfy(pid -> assertThat(running(pid)).as("process %d", pid).isFalse());
            assertThat(ended).extracting(LeftoverProcess::pid).containsAll(pids());
            assertThat(readPids(otherPids)).allSatisfy(pid -> assertThat(running(pid)).as("unrelated %d", pid).isTrue());
            assertThat(dead.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            readPids(otherPids).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            alive.destroyForcibly();
        }
    }

    @Test
    void findsNothingToEndWhenNoMarkerIsLeft() {
        assertThat(executor(true).endLeftovers(List.of("no-such-marker-" + java.util.UUID.randomUUID()))).isEmpty();
        assertThat(executor(true).endLeftovers(List.of())).isEmpty();
    }

    /** {@code sh -c script} in {@code dir} with OFFLOAD_BENCH_RUN=marker, leading a session of its own. */
    private Process marked(String marker, String script, Path pids) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("setsid", "sh", "-c", script).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
        builder.environment().put("OFFLOAD_BENCH_RUN", marker);
        return builder.start();
    }

    private static int lines(Path file) {
        try {
            return (int) Files.readAllLines(file).stream().filter(line -> !line.isBlank()).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<Long> readPids(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty())
                .map(Long::parseLong).toList();
    }

    /** Waiting for processes of the test to have written their pids. */
    private static final class BenchRunningAwait {
        static void until(java.util.function.BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!condition.getAsBoolean()) {
                assertThat(System.nanoTime() - deadline).as("timed out waiting for the processes").isNegative();
                Thread.sleep(20);
            }
        }
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
