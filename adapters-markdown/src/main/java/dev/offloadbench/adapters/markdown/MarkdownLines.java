package dev.offloadbench.adapters.markdown;

import java.util.ArrayList;
import java.util.List;

/** Splits text into lines the way CommonMark does: a line ends at {@code \n}, {@code \r\n} or a lone {@code \r}. */
final class MarkdownLines {
    private MarkdownLines() {
    }

    /**
     * A line as character offsets: {@code [start, contentEnd)} is its text,
     * {@code [contentEnd, end)} its line ending (empty on a last line without one).
     */
    record Line(int start, int contentEnd, int end) {
        String content(String text) {
            return text.substring(start, contentEnd);
        }

        String ending(String text) {
            return text.substring(contentEnd, end);
        }
    }

    static List<Line> of(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int length = text.length();
        while (start < length) {
            int contentEnd = start;
            while (contentEnd < length && text.charAt(contentEnd) != '\n' && text.charAt(contentEnd) != '\r') {
                contentEnd++;
            }
            int end = contentEnd;
            if (text.startsWith("\r\n", end)) {
                end += 2;
            } else if (end < length) {
                end++;
            }
            lines.add(new Line(start, contentEnd, end));
            start = end;
        }
        return lines;
    }

    /** The line contents without their endings, for diffs and comparisons. */
    static List<String> contents(String text) {
        List<String> contents = new ArrayList<>();
        for (Line line : of(text)) {
            contents.add(line.content(text));
        }
        return contents;
    }

    /** The text with every line ending turned into {@code \n}. */
    static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The end of the last line that is not blank, so trailing blank lines can be kept apart; 0 when all are blank. */
    static int endOfLastNonBlankLine(String text, List<Line> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Line line = lines.get(i);
            if (!line.content(text).isBlank()) {
                return line.contentEnd();
            }
        }
        return 0;
    }
}
