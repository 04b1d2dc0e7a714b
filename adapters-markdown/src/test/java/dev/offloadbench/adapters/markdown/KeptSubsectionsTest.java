package dev.offloadbench.adapters.markdown;

import static dev.offloadbench.adapters.markdown.Readmes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A partial update keeps the subsections of the projects it does not cover, exactly and in place. */
class KeptSubsectionsTest {
    private static final String MNG = "### Mng Unit + Integration Tests";
    private static final String SCULPTOR = "### Sculptor Integration Tests (Playwright)";
    private static final String MNG_BLOCK = MNG + "\n\n| old mng |  \n\n```\n### not a heading\n```\n\n<!--\n"
            + "### commented out\n-->\nold notes";

    private final MarkdownReadmeStore store = new MarkdownReadmeStore();

    @TempDir
    Path folder;

    private Path readme(String text) throws IOException {
        return Readmes.write(folder, utf8(text));
    }

    private String read(Path readme) throws IOException {
        return Files.readString(readme, StandardCharsets.UTF_8);
    }

    @Test
    void keepsASubsectionVerbatimWhereItWas() throws IOException {
        Path readme = readme("# X\n\n## Benchmarks\n\nOld intro.\n\n" + MNG_BLOCK + "\n\n" + SCULPTOR
                + "\n\n| old sculptor |\n\n## License\n");

        store.replaceSection(readme, "## Benchmarks\n\nNew intro.\n\n" + SCULPTOR + "\n\n| new sculptor |\n",
                List.of(MNG));

        assertThat(read(readme)).isEqualTo("# X\n\n## Benchmarks\n\nNew intro.\n\n" + MNG_BLOCK + "\n\n" + SCULPTOR
                + "\n\n| new sculptor |\n\n## License\n");
    }

    @Test
    void aKeptSubsectionThatCameLastStaysLast() throws IOException {
        Path readme = readme("## Benchmarks\n\n" + SCULPTOR + "\n\nold\n\n" + MNG_BLOCK + "\n");

        store.replaceSection(readme, "## Benchmarks\n\n" + SCULPTOR + "\n\nnew\n", List.of(MNG));

        assertThat(read(readme)).isEqualTo("## Benchmarks\n\n" + SCULPTOR + "\n\nnew\n\n" + MNG_BLOCK + "\n");
    }

    @Test
    void keepsNothingTheReadmeDoesNotHave() throws IOException {
        Path readme = readme("## Benchmarks\n\n" + SCULPTOR + "\n\nold\n");

        store.replaceSection(readme, "## Benchmarks\n\n" + SCULPTOR + "\n\nnew\n", List.of(MNG));

        assertThat(read(readme)).isEqualTo("## Benchmarks\n\n" + SCULPTOR + "\n\nnew\n");
    }

    @Test
    void aSubsectionThatAppearsTwiceIsRefusedAndTheFileLeftAlone() throws IOException {
        String text = "## Benchmarks\n\n" + MNG + "\n\nA\n\n" + MNG + "\n\nB\n";
        Path readme = readme(text);

        assertThatThrownBy(() -> store.replaceSection(readme, "## Benchmarks\n\nnew\n", List.of(MNG)))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("\"" + MNG + "\" 2 times");
        assertThat(read(readme)).isEqualTo(text);
    }

    @Test
    void aCrlfReadmeStaysCrlfWithTheKeptSubsection() throws IOException {
        Path readme = readme(("## Benchmarks\n\n" + MNG + "\n\nold mng\n\n" + SCULPTOR + "\n\nold\n\n## End\n")
                .replace("\n", "\r\n"));

        store.replaceSection(readme, "## Benchmarks\n\n" + SCULPTOR + "\n\nnew\n", List.of(MNG));

        assertThat(read(readme)).isEqualTo(("## Benchmarks\n\n" + MNG + "\n\nold mng\n\n" + SCULPTOR
                + "\n\nnew\n\n## End\n").replace("\n", "\r\n"));
    }

    @Test
    void thePreviewShowsTheKeptSubsectionUnchanged() throws IOException {
        Path readme = readme("## Benchmarks\n\n" + MNG_BLOCK + "\n\n" + SCULPTOR + "\n\nold\n");

        String diff = store.previewSectionReplacement(readme, "## Benchmarks\n\n" + SCULPTOR + "\n\nnew\n",
                List.of(MNG));

        assertThat(diff).contains("-old\n").contains("+new\n").doesNotContain("-" + MNG);
    }
}
