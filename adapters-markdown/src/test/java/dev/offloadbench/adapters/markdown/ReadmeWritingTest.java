package dev.offloadbench.adapters.markdown;

import static dev.offloadbench.adapters.markdown.Readmes.LONG_AGO;
import static dev.offloadbench.adapters.markdown.Readmes.OLD;
import static dev.offloadbench.adapters.markdown.Readmes.SECTION;
import static dev.offloadbench.adapters.markdown.Readmes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.port.out.ReadmeStore;
import dev.offloadbench.files.UpdateLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the README is written, checked and previewed, and the bar images that come with it. */
class ReadmeWritingTest {
    private static final String README = "# Offload\n\nIntro.\n\n## Benchmarks\n\n" + OLD + "\n\n## Next\n\nKeep.\n";
    private static final String LOCAL_BAR = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\""
            + " viewBox=\"0 0 1 1\" preserveAspectRatio=\"none\"><rect width=\"1\" height=\"1\" fill=\"#444\"/></svg>\n";
    private static final String OFFLOAD_BAR = LOCAL_BAR.replace("#444", "#22a355");
    private static final String SECTION_WITH_BARS = SECTION + "\n| <img src=\"docs/bar-local.svg\" width=\"150\""
            + " height=\"4\"> | <img src=\"docs/bar-offload.svg\" width=\"25\" height=\"4\"> |\n";

    private final MarkdownReadmeStore store = new MarkdownReadmeStore();

    @TempDir
    Path folder;

    @Test
    void keepsThePosixPermissionsOfTheReadme() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path readme = Readmes.write(folder, utf8(README));
        Files.setPosixFilePermissions(readme, PosixFilePermissions.fromString("rw-r-----"));

        Readmes.replace(store, readme, SECTION);

        assertThat(Files.readString(readme)).contains("Numbers measured on Tuesday.");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(readme))).isEqualTo("rw-r-----");
    }

    @Test
    void asRootKeepsTheOwnerGroupAndModeOfAReadmeOwnedBySomeoneElse() throws IOException {
        assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")),
                "only root can update a file for another user");
        Path readme = Readmes.write(folder, utf8(README));
        Files.setAttribute(readme, "unix:uid", 65534);
        Files.setAttribute(readme, "unix:gid", 65534);
        Files.setAttribute(readme, "unix:mode", 0640);

        Readmes.replace(store, readme, SECTION);

        assertThat(Files.readString(readme)).contains("Numbers measured on Tuesday.");
        assertThat(Files.getAttribute(readme, "unix:uid")).isEqualTo(65534);
        assertThat(Files.getAttribute(readme, "unix:gid")).isEqualTo(65534);
        assertThat((Integer) Files.getAttribute(readme, "unix:mode") & 07777).isEqualTo(0640);
    }

    @Test
    void refusesAReadOnlyReadmeUnlessForcedAndKeepsItReadOnly() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));
        Files.setPosixFilePermissions(readme, PosixFilePermissions.fromString("r--r--r--"));

        assertThatThrownBy(() -> Readmes.replace(store, readme, SECTION))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining(readme + " is read-only")
                .hasMessageContaining("--force");
        assertThat(Files.readString(readme)).isEqualTo(README);
        assertThat(filesIn(folder)).containsExactly("README.md");

        ReadmeStore.Replacement forced = store.replaceSection(readme, current -> Readmes.section(SECTION),
                new ReadmeStore.WriteRules(true, () -> { }));

        assertThat(forced.changed()).isTrue();
        assertThat(Files.readString(readme)).contains("Numbers measured on Tuesday.");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(readme))).isEqualTo("r--r--r--");
    }

    @Test
    void refusesAFifoAtOnceWithoutOpeningIt() throws Exception {
        Path fifo = folder.resolve("README.md");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThatThrownBy(() -> Readmes.replace(store, fifo, SECTION))
                    .isInstanceOf(BenchException.class)
                    .hasMessageContaining(fifo + " is a FIFO (named pipe), not a regular file");
            assertThatThrownBy(() -> store.currentSection(fifo)).hasMessageContaining("FIFO");
            assertThatThrownBy(() -> Readmes.preview(store, fifo, SECTION)).hasMessageContaining("FIFO");
        });
        assertThat(filesIn(folder)).containsExactly("README.md");
    }

    @Test
    void leavesNoTemporaryOrLockFileBehind() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));

        Readmes.replace(store, readme, SECTION);

        assertThat(filesIn(folder)).containsExactly("README.md");
    }

    @Test
    void removesTheTemporaryFileOfAnUpdateThatWasKilled() throws Exception {
        Path readme = Readmes.write(folder, utf8(README));
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        // what an update killed with kill -9 between writing and renaming leaves behind
        Files.writeString(folder.resolve(".README.md.offload-bench-" + ended.pid() + "-0123456789abcdef.tmp"), "half");

        Readmes.replace(store, readme, SECTION);

        assertThat(filesIn(folder)).containsExactly("README.md");
    }

    @Test
    void doesNotRewriteAReadmeThatWouldNotChange() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));
        assertThat(Readmes.replace(store, readme, SECTION).changed()).isTrue();
        byte[] updated = Files.readAllBytes(readme);
        Files.setLastModifiedTime(readme, LONG_AGO);

        ReadmeStore.Replacement again = Readmes.replace(store, readme, SECTION);

        assertThat(again.changed()).isFalse();
        assertThat(Files.readAllBytes(readme)).isEqualTo(updated);
        assertThat(Files.getLastModifiedTime(readme)).isEqualTo(LONG_AGO);
    }

    @Test
    void anEditMadeWhileTheUpdateRunsIsKeptAndTheUpdateRefused() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));
        String edited = README.replace("Keep.", "Keep, and an edit made meanwhile.");
        MarkdownReadmeStore raced = new MarkdownReadmeStore(new MarkdownReadmeStore.Seams() {
            @Override
            public void beforeWrite(Path file) {
                write(file, edited); // another program saves the README while the update runs
            }
        });

        assertThatThrownBy(() -> Readmes.replace(raced, readme, SECTION))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining(readme + " changed while it was being updated")
                .hasMessageContaining("nothing of that change is lost");

        assertThat(Files.readString(readme)).isEqualTo(edited);
        assertThat(filesIn(folder)).containsExactly("README.md");
    }

    @Test
    void aReadmeRemovedWhileTheUpdateRunsIsNotRecreated() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));
        MarkdownReadmeStore raced = new MarkdownReadmeStore(new MarkdownReadmeStore.Seams() {
            @Override
            public void beforeWrite(Path file) {
                delete(file);
            }
        });

        assertThatThrownBy(() -> Readmes.replace(raced, readme, SECTION))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("removed meanwhile");
        assertThat(filesIn(folder)).isEmpty();
    }

    @Test
    void reportsAReadmeThatDoesNotReadBackAsWritten() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));
        // another program puts the old text back just after the rename
        MarkdownReadmeStore raced = new MarkdownReadmeStore(new MarkdownReadmeStore.Seams() {
            @Override
            public void afterWrite(Path file) {
                write(file, README);
            }
        });

        assertThatThrownBy(() -> Readmes.replace(raced, readme, SECTION))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining(readme.toString())
                .hasMessageContaining("reading it back");
    }

    @Test
    void editsTheFileASymbolicLinkPointsToAndPutsTheBarImagesBesideIt() throws IOException {
        Path real = Files.createDirectory(folder.resolve("real"));
        Path target = Files.writeString(real.resolve("README.md"), README);
        Path link = Files.createSymbolicLink(folder.resolve("README.md"), Path.of("real/README.md"));

        ReadmeStore.Replacement replaced = Readmes.replace(store, link, SECTION_WITH_BARS);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).contains("Numbers measured on Tuesday.");
        assertThat(replaced.viaLink()).isTrue();
        assertThat(replaced.file()).isEqualTo(target.toRealPath());
        assertThat(replaced.createdFiles()).containsExactly(real.toRealPath().resolve("docs/bar-local.svg"),
                real.toRealPath().resolve("docs/bar-offload.svg"));
        assertThat(folder.resolve("docs")).doesNotExist();
        assertThat(filesIn(real)).containsExactly("README.md", "docs");
    }

    @Test
    void createsTheMissingBarImagesBesideTheReadme() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));

        List<Path> created = Readmes.replace(store, readme, SECTION_WITH_BARS).createdFiles();

        Path localBar = folder.toRealPath().resolve("docs/bar-local.svg");
        Path offloadBar = folder.toRealPath().resolve("docs/bar-offload.svg");
        assertThat(created).containsExactly(localBar, offloadBar);
        assertThat(Files.readString(localBar)).isEqualTo(LOCAL_BAR);
        assertThat(Files.readString(offloadBar)).isEqualTo(OFFLOAD_BAR);
    }

    @Test
    void leavesAnExistingBarImageAlone() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));
        Path localBar = Files.createDirectories(folder.resolve("docs")).resolve("bar-local.svg");
        Files.writeString(localBar, "<svg>my own grey</svg>");

        List<Path> created = Readmes.replace(store, readme, SECTION_WITH_BARS).createdFiles();

        assertThat(created).containsExactly(folder.toRealPath().resolve("docs/bar-offload.svg"));
        assertThat(Files.readString(localBar)).isEqualTo("<svg>my own grey</svg>");
    }

    @Test
    void createsNoImagesASectionDoesNotReferTo() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));

        assertThat(Readmes.replace(store, readme, SECTION).createdFiles()).isEmpty();
        assertThat(folder.resolve("docs")).doesNotExist();
    }

    @Test
    void publishesTheRenderedReportIntoAReadme() throws IOException {
        Path readme = Readmes.write(folder, utf8("# Offload\r\n\r\n## Benchmarks\r\n\r\n## License\r\n"));
        String section = new HandlebarsReportRenderer().render(
                Reports.report(Reports.MACHINE, Reports.sculptor(), Reports.mng()), Optional.empty());

        List<Path> created = Readmes.replace(store, readme, section).createdFiles();

        assertThat(Files.readString(readme)).isEqualTo("# Offload\r\n\r\n" + section.replace("\n", "\r\n")
                + "\r\n## License\r\n");
        assertThat(created).hasSize(2);
        assertThat(Readmes.preview(store, readme, section)).isEmpty();
    }

    @Test
    void previewsTheChangeAsAUnifiedDiffWithoutWriting() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));

        String diff = Readmes.preview(store, readme, SECTION_WITH_BARS);

        assertThat(diff).isEqualTo("""
                --- a/README.md
                +++ b/README.md
                @@ -4,8 +4,10 @@
                \s
                 ## Benchmarks
                \s
                -Numbers measured on Monday.
                +Numbers measured on Tuesday.
                \s
                +| <img src="docs/bar-local.svg" width="150" height="4"> | <img src="docs/bar-offload.svg" width="25" height="4"> |
                +
                 ## Next
                \s
                 Keep.
                """);
        assertThat(Files.readString(readme)).isEqualTo(README);
        assertThat(Files.getLastModifiedTime(readme)).isEqualTo(LONG_AGO);
        assertThat(filesIn(folder)).containsExactly("README.md");
    }

    @Test
    void previewsNothingWhenTheSectionIsAlreadyUpToDate() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));
        Readmes.replace(store, readme, SECTION);

        assertThat(Readmes.preview(store, readme, SECTION)).isEmpty();
    }

    @Test
    void namesTheReadmeFileInThePreviewHeaders() throws IOException {
        Path readme = Files.writeString(folder.resolve("OVERVIEW.md"), "## Benchmarks\n" + OLD + "\n");

        assertThat(Readmes.preview(store, readme, SECTION))
                .startsWith("--- a/OVERVIEW.md\n+++ b/OVERVIEW.md\n@@ -1,2 +1,3 @@\n");
    }

    private static void write(Path file, String text) {
        try {
            Path edit = Files.writeString(file.resolveSibling("edit.tmp"), text);
            Files.move(edit, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theNewSectionIsRenderedFromTheSectionTheReadmeHoldsWhenItIsUpdated() throws IOException {
        Path readme = Readmes.write(folder, utf8(README.replace("\n", "\r\n")));
        List<String> seen = new java.util.ArrayList<>();

        store.replaceSection(readme, current -> {
            seen.add(current);
            assertThat(UpdateLock.lockFileOf(readme)).as("under the update lock").exists();
            return Readmes.section(SECTION);
        }, new ReadmeStore.WriteRules(false, () -> { }));

        assertThat(seen).containsExactly("## Benchmarks\n\n" + OLD);
        assertThat(Files.readString(readme)).contains("Numbers measured on Tuesday.");
    }

    @Test
    void aRenderingThatFailsLeavesTheReadmeAndNoLockBehind() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));

        assertThatThrownBy(() -> store.replaceSection(readme, current -> {
            throw new BenchException("the template broke");
        }, new ReadmeStore.WriteRules(false, () -> { }))).hasMessage("the template broke");

        assertThat(Files.readString(readme)).isEqualTo(README);
        assertThat(filesIn(folder)).containsExactly("README.md");
    }
}
