package dev.offloadbench.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class UpdateLockTest {
    @TempDir
    Path folder;

    @Test
    void aSecondUpdaterWaitsForTheFirstToFinish() throws Exception {
        Path readme = Files.writeString(folder.resolve("README.md"), "text");
        CountDownLatch secondWaits = new CountDownLatch(1);
        AtomicBoolean secondHolds = new AtomicBoolean();
        CompletableFuture<Void> second;
        try (UpdateLock first = UpdateLock.acquire(readme, Duration.ofMinutes(1), () -> { })) {
            second = CompletableFuture.runAsync(() -> {
                try (UpdateLock lock = UpdateLock.acquire(readme, Duration.ofMinutes(1), secondWaits::countDown)) {
                    secondHolds.set(true);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(secondWaits.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(secondHolds).isFalse();
        }
        second.get(30, TimeUnit.SECONDS);
        assertThat(secondHolds).isTrue();
    }

    @Test
    void leavesNoLockFileBehind() throws IOException {
        Path readme = Files.writeString(folder.resolve("README.md"), "text");

        try (UpdateLock lock = UpdateLock.acquire(readme, Duration.ofMinutes(1), () -> { })) {
            assertThat(lock.file()).isEqualTo(folder.resolve(".README.md.offload-bench.lock")).exists();
        }

        assertThat(namesIn(folder)).containsExactly("README.md");
    }

    @Test
    void anotherProcessHoldingTheLockMakesThisOneWaitThenGiveUpNamingIt() throws Exception {
        Path readme = Files.writeString(folder.resolve("README.md"), "text");
        Process holder = startHolder(readme);
        try {
            AtomicBoolean waited = new AtomicBoolean();
            assertThatThrownBy(() -> UpdateLock.acquire(readme, Duration.ofMillis(300), () -> waited.set(true)))
                    .isInstanceOf(LockBusyException.class)
                    .hasMessageContaining(".README.md.offload-bench.lock")
                    .hasMessageContaining("process " + holder.pid());
            assertThat(waited).isTrue();
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (UpdateLock lock = UpdateLock.acquire(readme, Duration.ofSeconds(30), () -> { })) {
            assertThat(lock.file()).exists();
        }
        assertThat(namesIn(folder)).containsExactly("README.md");
    }

    @Test
    void aWaitingProcessGetsTheLockOnceTheHolderEnds() throws Exception {
        Path readme = Files.writeString(folder.resolve("README.md"), "text");
        Process holder = startHolder(readme);
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Path> taken = CompletableFuture.supplyAsync(() -> {
            try (UpdateLock lock = UpdateLock.acquire(readme, Duration.ofSeconds(30), waiting::countDown)) {
                return lock.file();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(taken).isNotDone();

        holder.getOutputStream().close();

        assertThat(taken.get(30, TimeUnit.SECONDS)).isEqualTo(folder.resolve(".README.md.offload-bench.lock"));
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aCancelledWaitForALockAnotherProcessHoldsEndsAtOnceWithoutTheLock() throws Exception {
        Path readme = Files.writeString(folder.resolve("README.md"), "text");
        Process holder = startHolder(readme);
        try {
            CountDownLatch waiting = new CountDownLatch(1);
            AtomicBoolean cancelled = new AtomicBoolean();
            CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                try (UpdateLock lock = UpdateLock.acquire(readme, Duration.ofMinutes(5), waiting::countDown,
                        cancelled::get)) {
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });
            assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(outcome).isNotDone();

            cancelled.set(true);

            assertThat(outcome.get(30, TimeUnit.SECONDS)).as("gives up well before its five minutes of patience")
                    .isInstanceOf(java.io.InterruptedIOException.class)
                    .hasMessageContaining(".README.md.offload-bench.lock");
            assertThat(holder.isAlive()).as("the holder keeps its lock").isTrue();
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void anUpdateCancelledBeforeItStartsNeverTakesTheLock() throws IOException {
        Path readme = Files.writeString(folder.resolve("README.md"), "text");

        assertThatThrownBy(() -> UpdateLock.acquire(readme, Duration.ofMinutes(1), () -> { }, () -> true))
                .isInstanceOf(java.io.InterruptedIOException.class);
        assertThat(namesIn(folder)).containsExactly("README.md");
    }

    @Test
    void refusesALockFileThatIsASymbolicLink() throws IOException {
        Path readme = Files.writeString(folder.resolve("README.md"), "text");
        Path elsewhere = Files.writeString(folder.resolve("elsewhere"), "precious");
        Files.createSymbolicLink(folder.resolve(".README.md.offload-bench.lock"), elsewhere);

        assertThatThrownBy(() -> UpdateLock.acquire(readme, Duration.ofSeconds(5), () -> { }))
                .isInstanceOf(IOException.class);
        assertThat(elsewhere).content().isEqualTo("precious");
    }

    private static Process startHolder(Path readme) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UpdateLockHolder.class.getName(), readme.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("locked");
        return process;
    }

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
