package dev.offloadbench.adapters.markdown;

import static dev.offloadbench.adapters.markdown.Readmes.LONG_AGO;
import static dev.offloadbench.adapters.markdown.Readmes.OLD;
import static dev.offloadbench.adapters.markdown.Readmes.SECTION;
import static dev.offloadbench.adapters.markdown.Readmes.bytes;
import static dev.offloadbench.adapters.markdown.Readmes.concat;
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

/** Which lines make up the Benchmarks section, and that every byte around it survives. */
class ReadmeSectionReplacementTest {
    private final MarkdownReadmeStore store = new MarkdownReadmeStore();

    @TempDir
    Path folder;

    @Test
    void replacesASectionInTheMiddleUpToTheNextLevelTwoHeading() throws IOException {
        byte[] prefix = utf8("# Offload\n\nIntro.\n\n");
        byte[] suffix = utf8("## Next\n\nKeep me.\n");
        Path readme = Readmes.write(folder, concat(prefix, utf8("## Benchmarks\n\n" + OLD + "\n\n"), suffix));

        Readmes.replace(store, readme, SECTION);

        assertThat(Files.readAllBytes(readme)).isEqualTo(concat(prefix, utf8("## Benchmarks\n\nNumbers measured on Tuesday.\n\n"), suffix));
    }

    @Test
    void replacesTheSubsectionsOfTheSection() throws IOException {
        Path readme = Readmes.write(folder, utf8("""
                ## Benchmarks

                ### Sculptor
                | Run Kind | old table |
                #### Details
                Details of 2024

                ## License
                MIT
                """));
        String section = "## Benchmarks\n\n### Sculptor Integration Tests\n\n| Run Kind | new |\n#### Details\n"
                + "Details of 2025\n";

        Readmes.replace(store, readme, section);

        assertThat(Files.readString(readme)).isEqualTo(section + "\n## License\nMIT\n");
    }

    @Test
    void aKeptSubsectionKeepsItsOwnBytesFencesAndCommentsInACrlfReadme() throws IOException {
        String mng = "### Mng Integration Tests\r\n\r\n| Run Kind | old mng |  \r\n\r\n```\r\n### not a heading\r\n```"
                + "\r\n<!--\r\n### commented out\r\n-->\r\nold notes";
        Path readme = Readmes.write(folder, utf8("# X\r\n\r\n## Benchmarks\r\n\r\nSpeedups measured on Monday.\r\n\r\n"
                + mng + "\r\n\r\n\r\n### Sculptor Integration Tests\r\n\r\n| Run Kind | old |\r\n\r\n## License\r\n"));

        Readmes.replace(store, readme, "## Benchmarks\n\nSpeedups measured on Tuesday.\n\n"
                + "### Sculptor Integration Tests (Playwright)\n\n| Run Kind | new |\n", "sculptor");

        assertThat(Files.readString(readme)).isEqualTo("# X\r\n\r\n## Benchmarks\r\n\r\nSpeedups measured on Tuesday."
                + "\r\n\r\n" + mng + "\r\n\r\n\r\n### Sculptor Integration Tests (Playwright)\r\n\r\n| Run Kind | new |"
                + "\r\n\r\n## License\r\n");
    }

    @Test
    void aSetextHeadingEndsTheSection() throws IOException {
        byte[] suffix = utf8("License\n-------\n\nMIT text\n\nAppendix\n========\n");
        Path readme = Readmes.write(folder, concat(utf8("## Benchmarks\n\n" + OLD + "\n\n"), suffix));

        Readmes.replace(store, readme, SECTION);

        assertThat(Files.readAllBytes(readme)).isEqualTo(concat(utf8("## Benchmarks\n\nNumbers measured on Tuesday.\n\n"), suffix));
    }

    @Test
    void aDashLineUnderATableAListHtmlOrCodeIsNoHeading() throws IOException {
        for (String trigger : List.of("| a | b |", "- item", "</details>", "    indented code", "> quote", "1. step")) {
            byte[] suffix = utf8("## After\n");
            Path readme = Readmes.write(folder, concat(utf8("## Benchmarks\n\n" + OLD + "\n\n" + trigger
                    + "\n---\nstuff of 2024\n\n"), suffix));
            String section = SECTION + "\n" + trigger + "\n---\nstuff of 2025\n";

            Readmes.replace(store, readme, section);

            assertThat(Files.readAllBytes(readme)).as(trigger).isEqualTo(concat(utf8(section + "\n"), suffix));
        }
    }

    @Test
    void aSetextHeadingOfSeveralLinesEndsTheSectionAtItsFirstLine() throws IOException {
        byte[] suffix = utf8("How to contribute\nand get help\n---\n\nText.\n");
        Path readme = Readmes.write(folder, concat(utf8("## Benchmarks\n\n" + OLD + "\n\n"), suffix));

        Readmes.replace(store, readme, SECTION);

        assertThat(Files.readAllBytes(readme)).isEqualTo(concat(utf8("## Benchmarks\n\nNumbers measured on Tuesday.\n\n"), suffix));
    }

    @Test
    void aHeadingInsideAnHtmlCommentIsNoHeading() throws IOException {
        byte[] suffix = utf8("## License\n\nMIT\n");
        Path readme = Readmes.write(folder, concat(utf8("## Benchmarks\n\n<!-- maintainers:\n## not a heading\n-->\n"
                + OLD + "\n\n"), suffix));
        String section = "## Benchmarks\n\n<!-- maintainers:\n## not a heading, still\n-->\nNumbers measured on Tuesday.\n";

        Readmes.replace(store, readme, section);

        assertThat(Files.readAllBytes(readme)).isEqualTo(concat(utf8(section + "\n"), suffix));
    }

    @Test
    void aThematicBreakAfterABlankLineIsNoHeading() throws IOException {
        byte[] suffix = utf8("## License\n");
        Path readme = Readmes.write(folder, concat(utf8("## Benchmarks\n\n" + OLD + "\n\n---\n\n"
                + "Numbers measured on Sunday.\n\n"), suffix));
        String section = SECTION + "\n---\n\nNumbers measured on Wednesday.\n";

        Readmes.replace(store, readme, section);

        assertThat(Files.readAllBytes(readme)).isEqualTo(concat(utf8(section + "\n"), suffix));
    }

    @Test
    void ignoresHeadingsInsideFencedCodeBlocksOfTheSection() throws IOException {
        String fences = """
                ## Benchmarks

                ```bash
                ## not a heading, a shell comment
                ```
                   ~~~~
                ## still code
                ~~~
                ## still code: a closing fence is at least as long as the opening one
                ~~~~~
                """;
        Path readme = Readmes.write(folder, utf8(fences + "after the fences\n\n## Next\n"));
        // the same fences and code (what they hold is text the new section writes too), a new last line
        String section = fences + "after the fences 2\n";

        Readmes.replace(store, readme, section);

        assertThat(Files.readString(readme)).isEqualTo(section + "\n## Next\n");
    }

    @Test
    void ignoresABenchmarksHeadingInsideAFencedBlockBeforeTheSection() throws IOException {
        byte[] prefix = utf8("""
                # Offload

                ```markdown
                ## Benchmarks
                ```

                ~~~
                ## Benchmarks
                ```
                ## Benchmarks
                ~~~

                """);
        byte[] suffix = utf8("## Contributing\n");
        Path readme = Readmes.write(folder, concat(prefix, utf8("## Benchmarks\n" + OLD + "\n\n"), suffix));

        Readmes.replace(store, readme, SECTION);

        assertThat(Files.readAllBytes(readme)).isEqualTo(concat(prefix, utf8("## Benchmarks\n\nNumbers measured on Tuesday.\n\n"), suffix));
    }

    @Test
    void doesNotTakeInlineCodeStartingWithThreeBackticksForAFence() throws IOException {
        Path readme = Readmes.write(folder, utf8("``` inline `code` ```\n## Benchmarks\n" + OLD + "\n"));

        Readmes.replace(store, readme, SECTION);

        assertThat(Files.readString(readme)).isEqualTo("``` inline `code` ```\n## Benchmarks\n\nNumbers measured on Tuesday.\n");
    }

    @Test
    void acceptsTheHeadingsVariantsOfAtxSyntax() throws IOException {
        Path readme = Readmes.write(folder, utf8("intro\n   ##\tBenchmarks ##  \n" + OLD + "\n## Next\n"));

        Readmes.replace(store, readme, SECTION);

        assertThat(Files.readString(readme)).isEqualTo("intro\n## Benchmarks\n\nNumbers measured on Tuesday.\n## Next\n");
    }

    @Test
    void endsTheSectionAtALevelOneHeadingToo() throws IOException {
        Path readme = Readmes.write(folder, utf8("## Benchmarks\n" + OLD + "\n\n# Appendix\nkeep\n"));

        Readmes.replace(store, readme, SECTION);

        assertThat(Files.readString(readme)).isEqualTo("## Benchmarks\n\nNumbers measured on Tuesday.\n\n# Appendix\nkeep\n");
    }

    @Test
    void doesNotTakeALongerHeadingForTheBenchmarksHeading() throws IOException {
        byte[] original = utf8("# T\n\n## Benchmarks extra\nx\n## Benchmarks\n" + OLD + "\n## Benchmarks extra\nkeep\n");
        Path readme = Readmes.write(folder, original);

        Readmes.replace(store, readme, SECTION);

        assertThat(Files.readString(readme))
                .isEqualTo("# T\n\n## Benchmarks extra\nx\n## Benchmarks\n\nNumbers measured on Tuesday.\n## Benchmarks extra\nkeep\n");
    }

    @Test
    void keepsCrlfLineEndingsEverywhereIncludingTheNewSection() throws IOException {
        byte[] prefix = utf8("# Offload\r\n\r\nIntro.\r\n\r\n");
        byte[] suffix = utf8("## Next\r\n\r\nKeep me.\r\n");
        Path readme = Readmes.write(folder, concat(prefix, utf8("## Benchmarks\r\n\r\n" + OLD + "\r\n\r\n"), suffix));

        Readmes.replace(store, readme, "## Benchmarks\n\nNumbers measured on Tuesday.\nSecond line.\n");

        byte[] after = Files.readAllBytes(readme);
        assertThat(after).isEqualTo(concat(prefix,
                utf8("## Benchmarks\r\n\r\nNumbers measured on Tuesday.\r\nSecond line.\r\n\r\n"), suffix));
        assertThat(new String(after, StandardCharsets.UTF_8).replace("\r\n", "")).doesNotContain("\n", "\r");
    }

    @Test
    void keepsTheMissingFinalNewlineOfALastSection() throws IOException {
        Path readme = Readmes.write(folder, utf8("# T\n\n## Benchmarks\n\nNumbers measured on Monday"));

        Readmes.replace(store, readme, SECTION);

        assertThat(Files.readString(readme)).isEqualTo("# T\n\n## Benchmarks\n\nNumbers measured on Tuesday.");
    }

    @Test
    void keepsTheFinalNewlineAndTrailingBlankLinesOfALastSection() throws IOException {
        Path readme = Readmes.write(folder, utf8("# T\n\n## Benchmarks\n\nNumbers measured on Monday\n\n  \n"));

        Readmes.replace(store, readme, SECTION);

        assertThat(Files.readString(readme)).isEqualTo("# T\n\n## Benchmarks\n\nNumbers measured on Tuesday.\n\n  \n");
    }

    @Test
    void replacesAHeadingThatIsTheLastLineWithoutANewline() throws IOException {
        Path readme = Readmes.write(folder, utf8("# T\r\n\r\n## Benchmarks"));

        Readmes.replace(store, readme, SECTION);

        assertThat(Files.readString(readme)).isEqualTo("# T\r\n\r\n## Benchmarks\r\n\r\nNumbers measured on Tuesday.");
    }

    @Test
    void keepsAUtf8ByteOrderMark() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] suffix = utf8("## Über uns\n");
        Path readme = Readmes.write(folder, concat(bom, utf8("## Benchmarks\nNeue Zahlen vom Montag.\n"), suffix));

        Readmes.replace(store, readme, "## Benchmarks\n\nNeue Zahlen vom Dienstag – schnell.\n");

        assertThat(Files.readAllBytes(readme))
                .isEqualTo(concat(bom, utf8("## Benchmarks\n\nNeue Zahlen vom Dienstag – schnell.\n"), suffix));
    }

    @Test
    void keepsIso88591BytesOutsideTheSection() throws IOException {
        byte[] prefix = bytes("# Café Offload\n\nRésumé: «vite».\n\n", StandardCharsets.ISO_8859_1);
        byte[] suffix = bytes("## Über\n\nÇa marche.\n", StandardCharsets.ISO_8859_1);
        Path readme = Readmes.write(folder, concat(prefix, utf8("## Benchmarks\n" + OLD + "\n\n"), suffix));

        Readmes.replace(store, readme, "## Benchmarks\n\nNumbers measured on Tuesday, très bien.\n");

        assertThat(Files.readAllBytes(readme)).isEqualTo(concat(prefix,
                bytes("## Benchmarks\n\nNumbers measured on Tuesday, très bien.\n\n", StandardCharsets.ISO_8859_1), suffix));
    }

    @Test
    void refusesCharactersAnIso88591ReadmeCannotHold() throws IOException {
        byte[] original = bytes("# Café\n\n## Benchmarks\n" + OLD + "\n", StandardCharsets.ISO_8859_1);
        Path readme = Readmes.write(folder, original);

        assertThatThrownBy(() -> Readmes.replace(store, readme, SECTION + "\n1.86x → faster\n"))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining(readme.toString())
                .hasMessageContaining("U+2192")
                .hasMessageContaining("UTF-8");
        assertUntouched(readme, original);
    }

    @Test
    void refusesAReadmeWithoutABenchmarksHeadingAndLeavesItAlone() throws IOException {
        byte[] original = utf8("# Offload\n\n## Benchmarks extra\n\n```\n## Benchmarks\n```\n");
        Path readme = Readmes.write(folder, original);

        assertThatThrownBy(() -> Readmes.replace(store, readme, SECTION))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining(readme.toString())
                .hasMessageContaining("no \"## Benchmarks\" heading");
        assertUntouched(readme, original);
    }

    @Test
    void refusesAReadmeWithTwoBenchmarksHeadingsNamingTheirLines() throws IOException {
        byte[] original = utf8("# Offload\n\n## Benchmarks\none\n\n## Benchmarks ##\ntwo\n");
        Path readme = Readmes.write(folder, original);

        assertThatThrownBy(() -> Readmes.replace(store, readme, SECTION))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining(readme.toString())
                .hasMessageContaining("lines 3, 6");
        assertUntouched(readme, original);
    }

    @Test
    void refusesASectionThatWouldNotReadBackAsOneSection() throws IOException {
        byte[] original = utf8("## Benchmarks\nold\n## Next\n");
        Path readme = Readmes.write(folder, original);

        assertThatThrownBy(() -> Readmes.replace(store, readme, "# Benchmarks\nx\n"))
                .isInstanceOf(BenchException.class).hasMessageContaining("must start with");
        assertThatThrownBy(() -> Readmes.replace(store, readme, "## Benchmarks\nx\n## Other\n"))
                .isInstanceOf(BenchException.class).hasMessageContaining("line 3 of the rendered section");
        assertThatThrownBy(() -> Readmes.replace(store, readme, "## Benchmarks\n```\nx\n"))
                .isInstanceOf(BenchException.class).hasMessageContaining("code fence");
        assertThatThrownBy(() -> Readmes.replace(store, readme, "\n\n"))
                .isInstanceOf(BenchException.class).hasMessageContaining("empty");
        assertUntouched(readme, original);
    }

    @Test
    void refusesAMissingReadmeNamingIt() {
        Path missing = folder.resolve("README.md");

        assertThatThrownBy(() -> Readmes.replace(store, missing, SECTION))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Readmes.preview(store, missing, SECTION))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining(missing.toString());
    }

    private static void assertUntouched(Path readme, byte[] original) throws IOException {
        assertThat(Files.readAllBytes(readme)).isEqualTo(original);
        assertThat(Files.getLastModifiedTime(readme)).isEqualTo(LONG_AGO);
        assertThat(Files.exists(readme.resolveSibling("docs"))).isFalse();
    }
}
