package dev.offloadbench.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.port.out.CommandRunner.Completed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs({OS.LINUX, OS.MAC})
class ProcessCommandRunnerTest {
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    private final ProcessCommandRunner runner = new ProcessCommandRunner();

    @TempDir
    Path dir;

    private Completed sh(String script, Map<String, String> environment, Duration timeout) {
        return runner.run(List.of("sh", "-c", script), dir, environment, timeout);
    }

    @Test
    void reportsTheExitCodeAndBothStreamsInterleaved() {
        Completed completed = sh("echo out; echo err >&2; exit 3", Map.of(), GENEROUS);

        assertThat(completed.exitCode()).isEqualTo(3);
        assertThat(completed.timedOut()).isFalse();
        assertThat(completed.succeeded()).isFalse();
        assertThat(completed.output().lines()).containsExactly("out", "err");
    }

    @Test
    void runsInTheGivenFolderWithTheGivenEnvironmentAddedToTheCurrentOne() {
        Completed completed = sh("pwd; echo \"$BENCH_TEST_VALUE\"; test -n \"$PATH\" && echo has-path",
                Map.of("BENCH_TEST_VALUE", "-n 8"), GENEROUS);

        assertThat(completed.succeeded()).isTrue();
        assertThat(completed.output().lines()).containsExactly(realPath(dir), "-n 8", "has-path");
    }

    @Test
    void closesStandardInputSoReadersSeeItsEndAtOnce() {
        Completed completed = runner.run(List.of("cat"), dir, Map.of(), GENEROUS);

        assertThat(completed.timedOut()).isFalse();
        assertThat(completed.exitCode()).isZero();
        assertThat(completed.output()).isEmpty();
    }

    @Test
    void endsTheWholeProcessTreeOnTimeout() {
        Completed completed = sh("sleep 60 & echo $!; sleep 60 & echo $!; wait", Map.of(), Duration.ofMillis(500));

        assertThat(completed.timedOut()).isTrue();
        assertThat(completed.succeeded()).isFalse();
        List<Long> children = completed.output().lines().map(Long::parseLong).toList();
        assertThat(children).hasSize(2);
        assertThat(children).allSatisfy(pid -> assertThat(running(pid)).as("process %d", pid).isFalse());
    }

    @Test
    void keepsOnlyTheTailOfLongOutput() {
        Completed completed = sh("i=1; while [ $i -le 5000 ]; do echo line-$i; i=$((i+1)); done", Map.of(), GENEROUS);

        List<String> lines = completed.output().lines().toList();
        assertThat(lines).hasSize(ProcessCommandRunner.KEPT_LINES);
        assertThat(lines.get(0)).isEqualTo("line-4801");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("line-5000");
    }

    @Test
    void capsTheLengthOfAVeryLongLine() {
        Completed completed = sh("head -c 100000 /dev/zero | tr '\\0' x; echo; echo after", Map.of(), GENEROUS);

        List<String> lines = completed.output().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).hasSizeLessThanOrEqualTo(ProcessCommandRunner.MAX_LINE_CHARS + 2).endsWith("…");
        assertThat(lines.get(1)).isEqualTo("after");
    }

    @Test
    void keepsAnUnfinishedLastLineAndDecodesUtf8AcrossChunks() {
        ProcessCommandRunner.OutputTail tail = new ProcessCommandRunner.OutputTail(3, 100);
        byte[] text = "one\nzwei drei – vier\nfünf".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (byte b : text) {
            tail.accept(new byte[] {b});
        }

        assertThat(tail.text()).isEqualTo("one\nzwei drei – vier\nfünf");
    }

    @Test
    void namesTheCommandWhenTheProgramDoesNotExist() {
        String missing = "no-such-program-" + ProcessHandle.current().pid();

        assertThatThrownBy(() -> runner.run(List.of(missing, "--flag"), dir, Map.of(), GENEROUS))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining(missing + " --flag")
                .hasMessageContaining("not found on the PATH");
    }

    /** A program that is there but cannot run is not said to be missing: the system's reason is given. */
    @Test
    void aProgramThatIsThereButCannotRunIsNotSaidToBeMissing() throws IOException {
        Path script = Files.writeString(dir.resolve("not-executable.sh"), "#!/bin/sh\necho hi\n");

        assertThatThrownBy(() -> new ProcessCommandRunner().run(List.of("./not-executable.sh"), dir, Map.of(),
                Duration.ofSeconds(10))).isInstanceOf(BenchException.class)
                .hasMessageContaining("./not-executable.sh")
                .hasMessageNotContaining("not found on the PATH");
        assertThat(script).exists();
    }

    @Test
    void namesTheFolderWhenItDoesNotExist() {
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> runner.run(List.of("true"), missing, Map.of(), GENEROUS))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining(missing + " does not exist");
    }

    /** Alive and not a zombie (a killed orphan may wait for a reaper that never comes in a container). */
    private static boolean running(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    private static String realPath(Path path) {
        try {
            return path.toRealPath().toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
