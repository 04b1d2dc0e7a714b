package dev.offloadbench.adapters.markdown;

import dev.offloadbench.adapters.markdown.MarkdownLines.Line;
import dev.offloadbench.domain.BenchException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where the Benchmarks section sits in a README's text, as offsets of the outlined text: it
 * starts at its heading line and its content ends with its last non-blank line. What follows up
 * to the next section or the end of the file (that line's ending and any blank lines) is not
 * content: it is kept when the section is replaced.
 *
 * @param headingLine the heading's line (from 0), for line numbers in messages
 * @param settledAt where the text after the section reads the same whatever the section holds:
 *     the end of the line that made the next section's heading one (the heading itself, or a
 *     setext underline), or the end of the text
 * @param last no section follows: the section runs to the end of the text
 * @param lineEnding the ending of the heading line, used for the lines written into the section
 */
record ReadmeSection(int start, int contentEnd, int headingLine, int settledAt, boolean last, String lineEnding) {

    static ReadmeSection locate(MarkdownOutline outline, Path readme) {
        List<Integer> headings = outline.benchmarksHeadings();
        if (headings.isEmpty()) {
            throw new BenchException("README " + readme + " has no \"## Benchmarks\" heading (outside code blocks); add one"
                    + " where the benchmarks should go, then run the update again");
        }
        if (headings.size() > 1) {
            throw new BenchException("README " + readme + " has " + headings.size() + " \"## Benchmarks\" headings, on lines "
                    + headings.stream().map(index -> String.valueOf(index + 1)).collect(Collectors.joining(", "))
                    + "; keep only one so it is clear which section to replace");
        }
        MarkdownText text = outline.text();
        int heading = headings.get(0);
        int afterSection = outline.sectionEnd(heading);
        Line headingLine = outline.line(heading);
        int start = headingLine.start();
        int contentEnd = headingLine.contentEnd();
        for (int i = afterSection - 1; i > heading; i--) {
            Line line = outline.line(i);
            if (!text.isBlank(line.start(), line.contentEnd())) {
                contentEnd = line.contentEnd();
                break;
            }
        }
        boolean last = afterSection == outline.lineCount();
        int settledAt = last ? text.length() : outline.line(outline.breakConfirmedAt(afterSection)).end();
        return new ReadmeSection(start, contentEnd, heading, settledAt, last, lineEnding(outline, headingLine));
    }

    private static String lineEnding(MarkdownOutline outline, Line heading) {
        MarkdownText text = outline.text();
        if (heading.end() > heading.contentEnd()) {
            return text.slice(heading.contentEnd(), heading.end());
        }
        // the heading is the file's last line: follow the rest of the file, or \n when it has no line break
        for (int i = 0; i < outline.lineCount(); i++) {
            Line line = outline.line(i);
            if (line.end() > line.contentEnd()) {
                return text.slice(line.contentEnd(), line.end());
            }
        }
        return "\n";
    }
}
