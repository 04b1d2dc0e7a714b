package dev.offloadbench.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.files.AtomicFile;
import dev.offloadbench.domain.port.out.SessionLock;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class FileSessionLockTest {
    private static final String ADVICE = "; benchmarks never run concurrently: wait for it to finish, or stop it";
    private static final Pattern REFUSAL = Pattern.compile(
            "another benchmark session is running \\(pid (\\d+), since (\\S+)\\)" + Pattern.quote(ADVICE));

    @TempDir
    Path state;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void endChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor();
        }
    }

    @Test
    void aSecondAcquireInThisProcessIsRefusedNamingPidAndSince() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        whileHolding(state, () -> {
            assertThatThrownBy(() -> new FileSessionLock(state).acquire()).isInstanceOf(BenchException.class)
                    .satisfies(e -> {
                        Matcher refusal = REFUSAL.matcher(e.getMessage());
                        assertThat(refusal.matches()).as(e.getMessage()).isTrue();
                        assertThat(Long.parseLong(refusal.group(1))).isEqualTo(ProcessHandle.current().pid());
                        assertThat(Instant.parse(refusal.group(2))).isBetween(before, Instant.now());
                    });
        });
    }

    @Test
    void writesTheHolderIntoTheLockFile() throws IOException {
        new FileSessionLock(state).acquire().close();

        // Read after release: reading it while held would open (and close) a second descriptor.
        assertThat(Files.readString(state.resolve("run.lock")))
                .matches("pid=" + ProcessHandle.current().pid() + "\nsince=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n");
    }

    @Test
    void afterCloseTheLockCanBeTakenAgain() {
        FileSessionLock lock = new FileSessionLock(state);
        SessionLock.Held first = lock.acquire();
        first.close();
        first.close();

        lock.acquire().close();
        assertThat(state.resolve("run.lock")).isRegularFile();
    }

    @Test
    void createsTheStateDirectory() {
        Path missing = state.resolve("xdg/state/offload-bench");

        new FileSessionLock(missing).acquire().close();

        assertThat(missing.resolve("run.lock")).isRegularFile();
    }

    @Test
    void createsTheStateDirectoryForItsOwnerAloneAndTheLockFile0600() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path missing = state.resolve("private/offload-bench");

        new FileSessionLock(missing).acquire().close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(missing))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(missing.resolve("run.lock"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aSymbolicLinkInPlaceOfTheLockIsNeverFollowed() throws IOException {
        Path target = Files.writeString(state.resolve("precious.txt"), "keep me\n");
        Path link = Files.createSymbolicLink(state.resolve("run.lock"), target);

        assertThatThrownBy(() -> new FileSessionLock(state).acquire()).isInstanceOf(BenchException.class)
                .hasMessage("the session lock " + state.toRealPath().resolve("run.lock") + " is a symbolic link; bench"
                        + " only ever uses a plain file there (it would otherwise write through it): remove it, and"
                        + " bench creates the lock again");

        assertThat(Files.readString(target)).isEqualTo("keep me\n");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aDanglingSymbolicLinkInPlaceOfTheLockCreatesNothing() throws IOException {
        Path target = state.resolve("would-be-created");
        Files.createSymbolicLink(state.resolve("run.lock"), target);

        assertThatThrownBy(() -> new FileSessionLock(state).acquire()).isInstanceOf(BenchException.class)
                .hasMessageContaining("is a symbolic link");

        assertThat(target).doesNotExist();
    }

    @Test
    void aFolderInPlaceOfTheLockIsRefused() throws IOException {
        Files.createDirectories(state.resolve("run.lock"));

        assertThatThrownBy(() -> new FileSessionLock(state).acquire()).isInstanceOf(BenchException.class)
                .hasMessageContaining("run.lock is a directory").hasMessageContaining("remove it");
    }

    @Test
    void aRefusedSecondAcquireLeavesTheFirstLockInForce() throws Exception {
        whileHolding(state, () -> {
            assertThatThrownBy(() -> new FileSessionLock(state).acquire()).isInstanceOf(BenchException.class);

            // Another process still finds the lock taken (a careless second attempt would have released it).
            String answer = runToEnd("try");
            assertThat(answer).startsWith("refused: another benchmark session is running (pid "
                    + ProcessHandle.current().pid() + ", since ");
        });
    }

    @Test
    void aLockHeldByAnotherProcessIsRefusedNamingThatProcess() throws Exception {
        Process holder = start("hold");

        assertThatThrownBy(() -> new FileSessionLock(state).acquire()).isInstanceOf(BenchException.class)
                .satisfies(e -> {
                    Matcher refusal = REFUSAL.matcher(e.getMessage());
                    assertThat(refusal.matches()).as(e.getMessage()).isTrue();
                    assertThat(Long.parseLong(refusal.group(1))).isEqualTo(holder.pid());
                });
    }

    @Test
    void aHolderKilledWithSigkillLeavesNoStaleLock() throws Exception {
        Process holder = start("hold");
        assertThatThrownBy(() -> new FileSessionLock(state).acquire()).isInstanceOf(BenchException.class);

        holder.destroyForcibly();
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

        new FileSessionLock(state).acquire().close();
        assertThat(Files.readString(state.resolve("run.lock")))
                .startsWith("pid=" + ProcessHandle.current().pid() + "\n");
    }

    @Test
    void saysSoWhenTheHolderCannotBeRead() throws Exception {
        start("hold");
        // This process holds no lock on the file, so writing to it releases nothing.
        Files.writeString(state.resolve("run.lock"), "garbage\n");

        assertThatThrownBy(() -> new FileSessionLock(state).acquire()).isInstanceOf(BenchException.class)
                .hasMessage("another benchmark session is running (which process holds " + state.toRealPath()
                        .resolve("run.lock") + " could not be read)" + ADVICE);
    }

    @Test
    void aLockReleasedByAnotherProcessCanBeTaken() throws Exception {
        Process holder = start("hold");
        holder.getOutputStream().close();
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

        new FileSessionLock(state).acquire().close();
    }

    /**
     * A probe belongs to no session: its marker is recorded beside the lock before it starts. A
     * holder that dies without clearing it (kill -9 while probing) leaves it for the next holder.
     */
    @Test
    void probeMarkersAreRecordedBesideTheLockPrivatelyAndOutliveAHolderThatNeverClearedThem() throws IOException {
        Path record = state.resolve(FileSessionLock.PROBES_FILE);
        SessionLock.Held first = new FileSessionLock(state).acquire();
        first.recordProbe("probe-0123456789abcdef01234567");
        first.recordProbe("probe-89abcdef0123456789abcdef");
        first.clearProbe("probe-0123456789abcdef01234567");
        first.close(); // as a bench killed while probing: the record stays

        assertThat(record).hasContent("probe-89abcdef0123456789abcdef");
        if (AtomicFile.posix(record)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(record))).isEqualTo("rw-------");
        }
        try (SessionLock.Held next = new FileSessionLock(state).acquire()) {
            assertThat(next.recordedProbes()).containsExactly("probe-89abcdef0123456789abcdef");
            next.clearProbe("probe-89abcdef0123456789abcdef");
            assertThat(next.recordedProbes()).isEmpty();
            assertThat(next.holderPid()).isEqualTo(ProcessHandle.current().pid());
        }
        assertThat(record).as("no record left once every probe is cleared").doesNotExist();
    }

    @Test
    void aProbeRecordThatIsASymbolicLinkIsRefusedAndWhatItPointsToIsLeftAlone() throws IOException {
        Path precious = Files.writeString(state.resolveSibling(state.getFileName() + "-precious.txt"), "keep me\n");
        Files.createSymbolicLink(state.resolve(FileSessionLock.PROBES_FILE), precious);

        try (SessionLock.Held held = new FileSessionLock(state).acquire()) {
            assertThatThrownBy(() -> held.recordProbe("probe-0123456789abcdef01234567"))
                    .isInstanceOf(BenchException.class).hasMessageContaining(FileSessionLock.PROBES_FILE);
        }
        assertThat(precious).hasContent("keep me");
    }

    /** Runs {@code body} while this process holds the lock. */
    private static void whileHolding(Path state, Body body) throws Exception {
        SessionLock.Held held = new FileSessionLock(state).acquire();
        try {
            body.run();
        } finally {
            held.close();
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    // ---- the other process

    /** Starts {@link LockHolder} in a JVM of its own and waits until it holds the lock. */
    private Process start(String mode) throws IOException, URISyntaxException {
        Process child = new ProcessBuilder(command(mode)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(child);
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertThat(output.readLine()).isEqualTo("locked");
        return child;
    }

    private String runToEnd(String mode) throws IOException, URISyntaxException, InterruptedException {
        Process child = new ProcessBuilder(command(mode)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(child);
        child.getOutputStream().close();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private List<String> command(String mode) throws URISyntaxException {
        String classpath = List.of(LockHolder.class, FileSessionLock.class, BenchException.class, AtomicFile.class).stream()
                .map(FileSessionLockTest::location)
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
                "-cp", classpath, LockHolder.class.getName(), mode, state.toString());
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
