package dev.offloadbench.adapters.markdown;

import dev.offloadbench.adapters.markdown.MarkdownLines.Line;
import dev.offloadbench.domain.BenchException;
import java.util.List;

/**
 * A rendered Benchmarks section, checked to read back as exactly one section once it is in a
 * README, and cut after its last non-blank line (the README keeps its own trailing blank lines).
 */
final class RenderedSection {
    private final String content;

    private RenderedSection(String content) {
        this.content = content;
    }

    static RenderedSection of(String rendered) {
        String text = MarkdownLines.normalise(rendered);
        MarkdownOutline outline = MarkdownOutline.of(text);
        List<Line> lines = outline.lines();
        String content = text.substring(0, MarkdownLines.endOfLastNonBlankLine(text, lines));
        if (content.isBlank()) {
            throw new BenchException("the rendered Benchmarks section is empty; check the template");
        }
        if (!outline.benchmarksHeadings().contains(0)) {
            throw new BenchException("the rendered section must start with a \"## Benchmarks\" heading line but starts"
                    + " with \"" + lines.get(0).content(text) + "\"; fix the template");
        }
        for (int index : outline.sectionBreaks()) {
            if (index > 0) {
                throw new BenchException("line " + (index + 1) + " of the rendered section, \""
                        + lines.get(index).content(text) + "\", is a level-1 or level-2 heading, which would end the"
                        + " Benchmarks section; use ### or deeper for headings inside it");
            }
        }
        if (outline.endsInsideFence()) {
            throw new BenchException("the rendered section leaves a code fence (``` or ~~~) open, which would swallow"
                    + " the rest of the README; close it in the template");
        }
        return new RenderedSection(content);
    }

    /** The section with {@code \n} line endings, ending with its last non-blank line (no line ending). */
    String content() {
        return content;
    }
}
