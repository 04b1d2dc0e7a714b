package dev.offloadbench.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    private static final byte[] OLD = "old\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEW = "new\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    @Test
    void replacesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path file = Files.write(folder.resolve("README.md"), OLD);

        AtomicFile.write(file, NEW);

        assertThat(file).hasBinaryContent(NEW);
        assertThat(namesIn(folder)).containsExactly("README.md");
    }

    @Test
    void createsAFileAndItsMissingFolders() throws IOException {
        Path file = folder.resolve("a/b/session.json");

        AtomicFile.write(file, NEW);

        assertThat(file).hasBinaryContent(NEW);
    }

    @Test
    void givesNewFilesAndFoldersThePermissionsAskedForWhateverTheUmask() throws IOException {
        Path file = folder.resolve("sessions/one/session.json");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        AtomicFile.write(file, NEW, AtomicFile.Options.defaults()
                .newFilePermissions(PosixFilePermissions.fromString("rw-------"))
                .newFolderPermissions(PosixFilePermissions.fromString("rwx------")));

        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(folder.resolve("sessions"))).isEqualTo("rwx------");
        assertThat(mode(folder.resolve("sessions/one"))).isEqualTo("rwx------");
        assertThat(mode(folder)).as("an existing folder is left as it is").isEqualTo("rwxr-xr-x");
    }

    @Test
    void aReplacedFileKeepsItsModeRatherThanTheNewFilePermissions() throws IOException {
        Path file = Files.write(folder.resolve("README.md"), OLD);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFile.write(file, NEW, AtomicFile.Options.defaults()
                .newFilePermissions(PosixFilePermissions.fromString("rw-------")));

        assertThat(mode(file)).isEqualTo("rw-r-----");
    }

    @Test
    void asRootKeepsTheOwnerGroupAndModeOfAFileOwnedBySomeoneElse() throws IOException {
        assumeTrue(isRoot(), "only root can give a file to another user");
        Path file = Files.write(folder.resolve("README.md"), OLD);
        Files.setAttribute(file, "unix:uid", 65534);
        Files.setAttribute(file, "unix:gid", 65534);
        Files.setAttribute(file, "unix:mode", 0604);

        AtomicFile.write(file, NEW);

        assertThat(file).hasBinaryContent(NEW);
        assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(65534);
        assertThat(Files.getAttribute(file, "unix:gid")).isEqualTo(65534);
        assertThat((Integer) Files.getAttribute(file, "unix:mode") & 07777).isEqualTo(0604);
    }

    @Test
    void refusesAReadOnlyFileWhenAskedAndLeavesItAlone() throws IOException {
        Path file = Files.write(folder.resolve("README.md"), OLD);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));

        assertThatThrownBy(() -> AtomicFile.write(file, NEW, AtomicFile.Options.defaults().refusingReadOnly(true)))
                .isInstanceOf(ReadOnlyFileException.class)
                .hasMessageContaining("read-only");

        assertThat(file).hasBinaryContent(OLD);
        assertThat(namesIn(folder)).containsExactly("README.md");
    }

    @Test
    void replacesAReadOnlyFileWhenAllowedAndKeepsItReadOnly() throws IOException {
        Path file = Files.write(folder.resolve("README.md"), OLD);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));

        AtomicFile.write(file, NEW, AtomicFile.Options.defaults().refusingReadOnly(false));

        assertThat(file).hasBinaryContent(NEW);
        assertThat(mode(file)).isEqualTo("r--r--r--");
    }

    @Test
    void refusesAFifoAtOnceWithoutOpeningIt() throws Exception {
        Path fifo = folder.resolve("README.md");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThatThrownBy(() -> AtomicFile.write(fifo, NEW))
                    .isInstanceOf(NotRegularFileException.class)
                    .hasMessageContaining("FIFO");
            assertThatThrownBy(() -> AtomicFile.readRegularFile(fifo))
                    .isInstanceOf(NotRegularFileException.class);
            assertThatThrownBy(() -> AtomicFile.resolve(fifo))
                    .isInstanceOf(NotRegularFileException.class)
                    .hasMessageContaining("it is a FIFO (named pipe), not a regular file");
        });
        assertThat(namesIn(folder)).containsExactly("README.md");
    }

    @Test
    void neverWritesThroughASymbolicLinkButResolvesOneWhenAsked() throws IOException {
        Path real = Files.write(Files.createDirectory(folder.resolve("real")).resolve("README.md"), OLD);
        Path link = Files.createSymbolicLink(folder.resolve("README.md"), real);

        assertThatThrownBy(() -> AtomicFile.write(link, NEW))
                .isInstanceOf(NotRegularFileException.class)
                .hasMessageContaining("symbolic link");
        assertThat(Files.isSymbolicLink(link)).isTrue();

        Path resolved = AtomicFile.resolve(link);
        AtomicFile.write(resolved, NEW);

        assertThat(resolved).isEqualTo(real.toRealPath());
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasBinaryContent(NEW);
    }

    @Test
    void writesWhenTheFileStillHoldsWhatWasRead() throws IOException {
        Path file = Files.write(folder.resolve("README.md"), OLD);

        AtomicFile.write(file, NEW, AtomicFile.Options.defaults().expectingCurrent(OLD));

        assertThat(file).hasBinaryContent(NEW);
    }

    @Test
    void refusesWhenAnotherProgramChangedTheFileMeanwhileAndKeepsItsChange() throws IOException {
        Path file = Files.write(folder.resolve("README.md"), "edited by someone else\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> AtomicFile.write(file, NEW, AtomicFile.Options.defaults().expectingCurrent(OLD)))
                .isInstanceOf(FileChangedException.class)
                .hasMessageContaining("changed it meanwhile");

        assertThat(file).content().isEqualTo("edited by someone else\n");
        assertThat(namesIn(folder)).containsExactly("README.md");
    }

    @Test
    void aWriteCancelledBeforeItsRenameLeavesTheFileAsItWasAndNoTemporaryFile() throws IOException {
        Path file = Files.write(folder.resolve("README.md"), OLD);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

        assertThatThrownBy(() -> AtomicFile.write(file, NEW, AtomicFile.Options.defaults().expectingCurrent(OLD)
                .unlessCancelled(() -> asked.incrementAndGet() > 0)))
                .isInstanceOf(java.io.InterruptedIOException.class)
                .hasMessageContaining("README.md");

        assertThat(asked).as("asked once the bytes were written, just before the rename").hasValue(1);
        assertThat(file).hasBinaryContent(OLD);
        assertThat(namesIn(folder)).containsExactly("README.md");
    }

    @Test
    void refusesWhenTheFileWasRemovedMeanwhile() {
        Path file = folder.resolve("README.md");

        assertThatThrownBy(() -> AtomicFile.write(file, NEW, AtomicFile.Options.defaults().expectingCurrent(OLD)))
                .isInstanceOf(FileChangedException.class)
                .hasMessageContaining("removed");
        assertThat(file).doesNotExist();
    }

    @Test
    void removesTemporaryFilesOfAProcessThatDiedButNotThoseOfALiveOneOrOthers() throws Exception {
        Path file = Files.write(folder.resolve("README.md"), OLD);
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        long livePid = ProcessHandle.current().parent().orElseThrow().pid();
        Path dead = Files.write(folder.resolve(".README.md.offload-bench-" + ended.pid() + "-0123456789abcdef.tmp"), OLD);
        Path live = Files.write(folder.resolve(".README.md.offload-bench-" + livePid + "-fedcba9876543210.tmp"), OLD);
        Path old = Files.write(folder.resolve(".README.md.offload-bench-" + livePid + "-00000000000000aa.tmp"), OLD);
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path otherFile = Files.write(folder.resolve(".NOTES.md.offload-bench-" + ended.pid() + "-0.tmp"), OLD);
        Path notOurs = Files.write(folder.resolve(".README.md.swp"), OLD);

        AtomicFile.write(file, NEW);

        assertThat(dead).doesNotExist();
        assertThat(old).doesNotExist();
        assertThat(live).exists();
        assertThat(otherFile).exists();
        assertThat(notOurs).exists();
    }

    @Test
    void createOnlyCreatesAMissingFileAndNeverReplacesOne() throws IOException {
        Path image = folder.resolve("docs/bar.svg");

        AtomicFile.write(image, NEW, AtomicFile.Options.defaults().createOnly());
        assertThat(image).hasBinaryContent(NEW);

        assertThatThrownBy(() -> AtomicFile.write(image, OLD, AtomicFile.Options.defaults().createOnly()))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(image).hasBinaryContent(NEW);
        assertThat(namesIn(image.getParent())).containsExactly("bar.svg");
    }

    @Test
    void createOnlyNeverFollowsALink() throws IOException {
        Path elsewhere = folder.resolve("elsewhere.svg");
        Path link = Files.createSymbolicLink(folder.resolve("bar.svg"), elsewhere);

        assertThatThrownBy(() -> AtomicFile.write(link, NEW, AtomicFile.Options.defaults().createOnly()))
                .isInstanceOf(IOException.class);
        assertThat(elsewhere).doesNotExist();
    }

    @Test
    void withoutFolderCreationAMissingFolderFails() {
        Path file = folder.resolve("missing/README.md");

        assertThatThrownBy(() -> AtomicFile.write(file, NEW, AtomicFile.Options.defaults().creatingFolders(false)))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void wordsFailuresForPeople() {
        assertThat(AtomicFile.reason(new java.nio.file.AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(AtomicFile.reason(new NoSuchFileException("/x"))).isEqualTo("no such file or directory: /x");
        assertThat(AtomicFile.reason(new IOException("disk full"))).isEqualTo("disk full");
        assertThat(AtomicFile.reason(new ReadOnlyFileException("/x"))).isEqualTo("it is read-only");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void readsWritesAndComparesFilesLargerThanItsBlocksExactly() throws IOException {
        byte[] bytes = new byte[3 * AtomicFile.IO_BLOCK + 12_345];
        new java.util.Random(3).nextBytes(bytes);
        Path file = folder.resolve("large.bin");
        java.nio.ByteBuffer[] parts = {java.nio.ByteBuffer.wrap(bytes, 0, 1000).slice(),
                java.nio.ByteBuffer.wrap(bytes, 1000, bytes.length - 1000).slice()};

        AtomicFile.write(file, channel -> {
            for (java.nio.ByteBuffer part : parts) {
                AtomicFile.writeFully(channel, part.duplicate());
            }
        }, AtomicFile.Options.defaults());

        assertThat(AtomicFile.readRegularFile(file)).isEqualTo(bytes);
        assertThat(AtomicFile.holdsExactly(file, bytes)).isTrue();
        assertThat(AtomicFile.holdsExactly(file, parts)).isTrue();
        bytes[bytes.length - 1] ^= 1;
        assertThat(AtomicFile.holdsExactly(file, bytes)).as("the last byte differs").isFalse();
        assertThat(AtomicFile.holdsExactly(file, java.nio.ByteBuffer.wrap(bytes, 0, bytes.length - 1)))
                .as("one byte short").isFalse();
    }
}
