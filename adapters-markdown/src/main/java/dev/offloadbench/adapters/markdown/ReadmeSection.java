package dev.offloadbench.adapters.markdown;

import dev.offloadbench.adapters.markdown.MarkdownLines.Line;
import dev.offloadbench.domain.BenchException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where the Benchmarks section sits in a README's text, as character offsets: it starts at its
 * heading line and its content ends with its last non-blank line. What follows up to the next
 * section or the end of the file (that line's ending and any blank lines) is not content: it is
 * kept when the section is replaced.
 *
 * @param lineEnding the ending of the heading line, used for the lines written into the section
 */
record ReadmeSection(int start, int contentEnd, String lineEnding) {

    static ReadmeSection locate(String text, Path readme) {
        MarkdownOutline outline = MarkdownOutline.of(text);
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
        List<Line> lines = outline.lines();
        int heading = headings.get(0);
        int afterSection = outline.sectionEnd(heading);
        int start = lines.get(heading).start();
        int end = afterSection < lines.size() ? lines.get(afterSection).start() : text.length();
        String section = text.substring(start, end);
        int contentEnd = start + MarkdownLines.endOfLastNonBlankLine(section, MarkdownLines.of(section));
        return new ReadmeSection(start, contentEnd, lineEnding(text, lines.get(heading)));
    }

    /** The section up to its last non-blank line. */
    String content(String text) {
        return text.substring(start, contentEnd);
    }

    /** The text with the section's content replaced and its trailing blank lines kept. */
    String replaceContent(String text, String newContent) {
        return text.substring(0, start) + newContent + text.substring(contentEnd);
    }

    private static String lineEnding(String text, Line heading) {
        String ending = heading.ending(text);
        if (!ending.isEmpty()) {
            return ending;
        }
        // the heading is the file's last line: follow the rest of the file, or \n when it has no line break
        for (Line line : MarkdownLines.of(text)) {
            if (!line.ending(text).isEmpty()) {
                return line.ending(text);
            }
        }
        return "\n";
    }
}
