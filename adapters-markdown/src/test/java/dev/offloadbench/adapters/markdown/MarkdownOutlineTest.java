package dev.offloadbench.adapters.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A README outlined from its bytes reads exactly as the same README outlined from its decoded text. */
class MarkdownOutlineTest {
    private static MarkdownOutline ofUtf8Bytes(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return MarkdownOutline.of(MarkdownText.ofBytes(bytes, 0, bytes.length, true));
    }

    private static void assertSameOutline(String text) {
        MarkdownOutline decoded = MarkdownOutline.of(text);
        MarkdownOutline bytes = ofUtf8Bytes(text);
        assertThat(bytes.lineCount()).as(text).isEqualTo(decoded.lineCount());
        assertThat(bytes.benchmarksHeadings()).as(text).isEqualTo(decoded.benchmarksHeadings());
        assertThat(bytes.sectionBreaks()).as(text).isEqualTo(decoded.sectionBreaks());
        assertThat(bytes.subsectionHeadings()).as(text).isEqualTo(decoded.subsectionHeadings());
        assertThat(bytes.endsInsideFence()).as(text).isEqualTo(decoded.endsInsideFence());
    }

    @Test
    void aLineOfUnicodeSpacesIsBlankInTheBytesAsInTheText() {
        // an em space line between a paragraph and a dash line: blank, so the dashes are no setext underline
        String text = "# Title\n\nÅngström über alles\n\u2003\u3000 \n---\n## Benchmarks\n";
        assertSameOutline(text);
        assertThat(ofUtf8Bytes(text).sectionBreaks()).containsExactly(0, 5);
    }

    @Test
    void nonAsciiTextReadsTheSameAsBytesAndAsText() {
        List<String> texts = List.of(
                "## Bénchmarks\n## Benchmarks\n### Müller…\n",
                "Überschrift\n===\n\n## Benchmarks ##\n\n```é`\n## not a fence\n```\n~~~ ü\n## inside\n~~~\u2003\n## Après\n",
                "<!-- ü -->\n## Benchmarks\n<!-- a\n## inside ü\n-->\n1) ü\n---\n- ä\n---\n   ##\n#\tTab\n",
                "\u00A0\n---\nparagraph\n\u2007\n---\n");
        texts.forEach(MarkdownOutlineTest::assertSameOutline);
    }

    @Test
    void aNoBreakSpaceLineIsNoBlankLine() {
        // U+00A0 and U+2007 are no whitespace for Java: they continue the paragraph, as in the decoded text
        MarkdownOutline outline = ofUtf8Bytes("paragraph\n\u00A0\n---\n");

        assertThat(outline.sectionBreaks()).containsExactly(0);
    }
}
