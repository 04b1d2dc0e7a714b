package dev.offloadbench.adapters.markdown;

import static dev.offloadbench.adapters.markdown.Readmes.LONG_AGO;
import static dev.offloadbench.adapters.markdown.Readmes.SECTION;
import static dev.offloadbench.adapters.markdown.Readmes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.offloadbench.domain.BenchException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the README is written, checked and previewed, and the bar images that come with it. */
class ReadmeWritingTest {
    private static final String README = "# Offload\n\nIntro.\n\n## Benchmarks\n\nOld numbers.\n\n## Next\n\nKeep.\n";
    private static final String LOCAL_BAR = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\""
            + " viewBox=\"0 0 1 1\" preserveAspectRatio=\"none\"><rect width=\"1\" height=\"1\" fill=\"#444\"/></svg>\n";
    private static final String OFFLOAD_BAR = LOCAL_BAR.replace("#444", "#22a355");
    private static final String SECTION_WITH_BARS = "## Benchmarks\n\n| <img src=\"docs/bar-local.svg\" width=\"150\""
            + " height=\"4\"> | <img src=\"docs/bar-offload.svg\" width=\"25\" height=\"4\"> |\n";

    private final MarkdownReadmeStore store = new MarkdownReadmeStore();

    @TempDir
    Path folder;

    @Test
    void keepsThePosixPermissionsOfTheReadme() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path readme = Readmes.write(folder, utf8(README));
        Files.setPosixFilePermissions(readme, PosixFilePermissions.fromString("rw-r-----"));

        store.replaceSection(readme, SECTION, List.of());

        assertThat(Files.readString(readme)).contains("New numbers.");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(readme))).isEqualTo("rw-r-----");
    }

    @Test
    void leavesNoTemporaryFileBehind() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));

        store.replaceSection(readme, SECTION, List.of());

        assertThat(filesIn(folder)).containsExactly("README.md");
    }

    @Test
    void doesNotRewriteAReadmeThatWouldNotChange() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));
        store.replaceSection(readme, SECTION, List.of());
        byte[] updated = Files.readAllBytes(readme);
        Files.setLastModifiedTime(readme, LONG_AGO);

        store.replaceSection(readme, SECTION, List.of());

        assertThat(Files.readAllBytes(readme)).isEqualTo(updated);
        assertThat(Files.getLastModifiedTime(readme)).isEqualTo(LONG_AGO);
    }

    @Test
    void leavesTheReadmeAsItWasAndRemovesTheTemporaryFileWhenTheWriteFails() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));
        MarkdownReadmeStore failing = new MarkdownReadmeStore(new AtomicFileWriter((source, target) -> {
            throw new IOException("disk full");
        }));

        assertThatThrownBy(() -> failing.replaceSection(readme, SECTION, List.of()))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining(readme.toString())
                .hasMessageContaining("disk full")
                .hasMessageContaining("unchanged");
        assertThat(Files.readString(readme)).isEqualTo(README);
        assertThat(filesIn(folder)).containsExactly("README.md");
    }

    @Test
    void reportsAReadmeThatDoesNotReadBackAsWritten() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));
        // another program puts the old text back just after the move
        MarkdownReadmeStore raced = new MarkdownReadmeStore(new AtomicFileWriter((source, target) -> {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(target, README);
        }));

        assertThatThrownBy(() -> raced.replaceSection(readme, SECTION, List.of()))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining(readme.toString())
                .hasMessageContaining("reading it back");
    }

    @Test
    void editsTheFileASymbolicLinkPointsTo() throws IOException {
        Path target = Files.writeString(Files.createDirectory(folder.resolve("real")).resolve("README.md"), README);
        Path link;
        try {
            link = Files.createSymbolicLink(folder.resolve("README.md"), target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links are not available here");
            return;
        }

        store.replaceSection(link, SECTION, List.of());

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).contains("New numbers.");
    }

    @Test
    void createsTheMissingBarImagesBesideTheReadme() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));

        List<Path> created = store.replaceSection(readme, SECTION_WITH_BARS, List.of());

        Path localBar = folder.resolve("docs/bar-local.svg");
        Path offloadBar = folder.resolve("docs/bar-offload.svg");
        assertThat(created).containsExactly(localBar, offloadBar);
        assertThat(Files.readString(localBar)).isEqualTo(LOCAL_BAR);
        assertThat(Files.readString(offloadBar)).isEqualTo(OFFLOAD_BAR);
    }

    @Test
    void leavesAnExistingBarImageAlone() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));
        Path localBar = Files.createDirectories(folder.resolve("docs")).resolve("bar-local.svg");
        Files.writeString(localBar, "<svg>my own grey</svg>");

        List<Path> created = store.replaceSection(readme, SECTION_WITH_BARS, List.of());

        assertThat(created).containsExactly(folder.resolve("docs/bar-offload.svg"));
        assertThat(Files.readString(localBar)).isEqualTo("<svg>my own grey</svg>");
    }

    @Test
    void createsNoImagesASectionDoesNotReferTo() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));

        assertThat(store.replaceSection(readme, SECTION, List.of())).isEmpty();
        assertThat(folder.resolve("docs")).doesNotExist();
    }

    @Test
    void publishesTheRenderedReportIntoAReadme() throws IOException {
        Path readme = Readmes.write(folder, utf8("# Offload\r\n\r\n## Benchmarks\r\n\r\nOld.\r\n\r\n## License\r\n"));
        String section = new HandlebarsReportRenderer().render(
                Reports.report(Reports.MACHINE, Reports.sculptor(), Reports.mng()), Optional.empty());

        List<Path> created = store.replaceSection(readme, section, List.of());

        assertThat(Files.readString(readme)).isEqualTo("# Offload\r\n\r\n" + section.replace("\n", "\r\n")
                + "\r\n## License\r\n");
        assertThat(created).hasSize(2);
        assertThat(store.previewSectionReplacement(readme, section, List.of())).isEmpty();
    }

    @Test
    void previewsTheChangeAsAUnifiedDiffWithoutWriting() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));

        String diff = store.previewSectionReplacement(readme, SECTION_WITH_BARS, List.of());

        assertThat(diff).isEqualTo("""
                --- a/README.md
                +++ b/README.md
                @@ -4,7 +4,7 @@
                \s
                 ## Benchmarks
                \s
                -Old numbers.
                +| <img src="docs/bar-local.svg" width="150" height="4"> | <img src="docs/bar-offload.svg" width="25" height="4"> |
                \s
                 ## Next
                \s
                """);
        assertThat(Files.readString(readme)).isEqualTo(README);
        assertThat(Files.getLastModifiedTime(readme)).isEqualTo(LONG_AGO);
        assertThat(filesIn(folder)).containsExactly("README.md");
    }

    @Test
    void previewsNothingWhenTheSectionIsAlreadyUpToDate() throws IOException {
        Path readme = Readmes.write(folder, utf8(README));
        store.replaceSection(readme, SECTION, List.of());

        assertThat(store.previewSectionReplacement(readme, SECTION, List.of())).isEmpty();
    }

    @Test
    void namesTheReadmeFileInThePreviewHeaders() throws IOException {
        Path readme = Files.writeString(folder.resolve("OVERVIEW.md"), "## Benchmarks\nold\n");

        assertThat(store.previewSectionReplacement(readme, SECTION, List.of()))
                .startsWith("--- a/OVERVIEW.md\n+++ b/OVERVIEW.md\n@@ -1,2 +1,3 @@\n");
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
