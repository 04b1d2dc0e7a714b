package dev.offloadbench.adapters.markdown;

import dev.offloadbench.adapters.markdown.MarkdownLines.Line;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * The lines of a markdown text that matter for finding the Benchmarks section: its
 * {@code ## Benchmarks} headings and the level-1 and level-2 headings that end a section, ATX
 * ({@code ## Title}) or setext (a title underlined with {@code ===} or {@code ---}). Lines inside
 * fenced code blocks or HTML comments are never headings; an unclosed fence runs to the end.
 *
 * <p>One pass over the text, each line matched by hand (no regular expression, nothing allocated
 * per line but its start in an array of ints), so that a README of tens of megabytes is outlined
 * in a fraction of a second, from its bytes ({@link MarkdownText#ofBytes}) as from a string.
 */
final class MarkdownOutline {
    private final MarkdownText text;
    /** The start of every {@value #STRIDE}th line: any line is found from the one before it, in little memory. */
    private int[] checkpoints = new int[16];
    private int lineCount;
    private final IntList benchmarksHeadings = new IntList();
    private final IntList sectionBreaks = new IntList();
    /** For each section break, the line that made it one: itself (ATX), or the underline (setext). */
    private final IntList breaksConfirmedAt = new IntList();
    private final IntList subsectionHeadings = new IntList();
    private final boolean endsInsideFence;

    private MarkdownOutline(MarkdownText text) {
        this.text = text;
        int length = text.length();
        int openFence = -1; // the fence a code block was opened with ({@link #fence}), or -1
        boolean inComment = false;
        int paragraphStart = -1; // the first line of the paragraph the current line continues, or -1
        int start = 0;
        while (start < length) {
            int contentEnd = text.lineEnd(start);
            int end = contentEnd;
            if (end < length) {
                end += end + 1 < length && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n' ? 2 : 1;
            }
            int i = addLine(start);
            int s = start;
            int e = contentEnd;
            start = end;
            if (openFence >= 0) {
                if (closes(openFence, text, s, e)) {
                    openFence = -1;
                }
                continue;
            }
            if (inComment) {
                inComment = indexOf(text, "-->", s, e) < 0;
                continue;
            }
            openFence = opensFence(text, s, e);
            if (openFence >= 0) {
                paragraphStart = -1;
                continue;
            }
            int indent = indent(text, s, e);
            if (startsWith(text, indent, e, "<!--")) {
                inComment = indexOf(text, "-->", indent + 4, e) < 0;
                paragraphStart = -1;
                continue;
            }
            if (isBenchmarksHeading(text, indent, e)) {
                benchmarksHeadings.add(i);
            }
            if (isSectionBreak(text, indent, e)) {
                sectionBreaks.add(i);
                breaksConfirmedAt.add(i);
                paragraphStart = -1;
            } else if (isSubsection(text, indent, e)) {
                subsectionHeadings.add(i);
                paragraphStart = -1;
            } else if (paragraphStart >= 0 && isSetextUnderline(text, indent, e)) {
                sectionBreaks.add(paragraphStart); // a setext heading: the whole paragraph above is its title
                breaksConfirmedAt.add(i);
                paragraphStart = -1;
            } else if (isParagraphText(text, s, indent, e)) {
                paragraphStart = paragraphStart >= 0 ? paragraphStart : i;
            } else {
                paragraphStart = -1;
            }
        }
        endsInsideFence = openFence >= 0;
    }

    static MarkdownOutline of(String text) {
        return new MarkdownOutline(MarkdownText.of(text));
    }

    static MarkdownOutline of(MarkdownText text) {
        return new MarkdownOutline(text);
    }

    private static final int STRIDE_BITS = 6;
    private static final int STRIDE = 1 << STRIDE_BITS;

    private int addLine(int start) {
        if ((lineCount & (STRIDE - 1)) == 0) {
            int checkpoint = lineCount >>> STRIDE_BITS;
            if (checkpoint == checkpoints.length) {
                checkpoints = Arrays.copyOf(checkpoints, checkpoints.length * 2);
            }
            checkpoints[checkpoint] = start;
        }
        return lineCount++;
    }

    /** Where line {@code index} starts: from the checkpoint before it, line by line. */
    private int lineStart(int index) {
        int start = checkpoints[index >>> STRIDE_BITS];
        for (int i = index & ~(STRIDE - 1); i < index; i++) {
            start = next(start);
        }
        return start;
    }

    /** The start of the line after the one starting at {@code start}. */
    private int next(int start) {
        int end = text.lineEnd(start);
        if (end < text.length()) {
            end += end + 1 < text.length() && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n' ? 2 : 1;
        }
        return end;
    }

    MarkdownText text() {
        return text;
    }

    int lineCount() {
        return lineCount;
    }

    /** Line {@code index} (from 0): its start, the end of its content, and its end (after its line break). */
    Line line(int index) {
        if (index < 0 || index >= lineCount) {
            throw new IndexOutOfBoundsException(index);
        }
        int start = lineStart(index);
        int end = next(start);
        int contentEnd = end;
        if (contentEnd > start && text.charAt(contentEnd - 1) == '\n') {
            contentEnd--;
        }
        if (contentEnd > start && text.charAt(contentEnd - 1) == '\r') {
            contentEnd--;
        }
        return new Line(start, contentEnd, end);
    }

    /** Every line, each made when asked for (from the line before, for short texts: a section, a rendered template). */
    List<Line> lines() {
        return new AbstractList<>() {
            @Override
            public Line get(int index) {
                return line(index);
            }

            @Override
            public int size() {
                return lineCount;
            }
        };
    }

    /** Indexes (from 0) of the {@code ## Benchmarks} heading lines. */
    List<Integer> benchmarksHeadings() {
        return benchmarksHeadings.asList();
    }

    /** Indexes (from 0) of every level-1 or level-2 heading line, {@code ## Benchmarks} included. */
    List<Integer> sectionBreaks() {
        return sectionBreaks.asList();
    }

    /** Indexes (from 0) of the level-3 heading lines ({@code ### Title}). */
    List<Integer> subsectionHeadings() {
        return subsectionHeadings.asList();
    }

    boolean endsInsideFence() {
        return endsInsideFence;
    }

    /** The index of the first line after {@code heading} that starts another section, or the line count. */
    int sectionEnd(int heading) {
        for (int i = 0; i < sectionBreaks.size(); i++) {
            if (sectionBreaks.get(i) > heading) {
                return sectionBreaks.get(i);
            }
        }
        return lineCount;
    }

    /**
     * The line that made the section break starting at {@code breakLine} one: the line itself for
     * an ATX heading, the underline of a setext one; after it nothing before can change how the
     * rest reads.
     */
    int breakConfirmedAt(int breakLine) {
        for (int i = 0; i < sectionBreaks.size(); i++) {
            if (sectionBreaks.get(i) == breakLine) {
                return breaksConfirmedAt.get(i);
            }
        }
        throw new IllegalArgumentException("line " + breakLine + " starts no section");
    }

    /** Ints in a growable array: the outline of a large README keeps many, never boxed. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int get(int index) {
            return values[index];
        }

        int size() {
            return size;
        }

        List<Integer> asList() {
            return new AbstractList<>() {
                @Override
                public Integer get(int index) {
                    if (index >= size) {
                        throw new IndexOutOfBoundsException(index);
                    }
                    return values[index];
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
    }

    /** Where the line's content starts after at most three spaces (ATX headings, fences, lists allow those). */
    private static int indent(MarkdownText text, int s, int e) {
        int i = s;
        while (i < e && i - s < 3 && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** {@code ## Benchmarks}, optionally closed with {@code #}s, spaces or tabs around. */
    private static boolean isBenchmarksHeading(MarkdownText text, int at, int e) {
        if (!startsWith(text, at, e, "##")) {
            return false;
        }
        int i = at + 2;
        int spaces = skipSpacesAndTabs(text, i, e);
        if (spaces == i || !startsWith(text, spaces, e, "Benchmarks")) {
            return false;
        }
        int after = spaces + "Benchmarks".length();
        int gap = skipSpacesAndTabs(text, after, e);
        if (gap == e) {
            return true;
        }
        if (gap == after || text.charAt(gap) != '#') {
            return false;
        }
        int hashes = gap;
        while (hashes < e && text.charAt(hashes) == '#') {
            hashes++;
        }
        return skipSpacesAndTabs(text, hashes, e) == e;
    }

    /** {@code #} or {@code ##}, then a space, a tab or the end of the line; {@code ###} belongs to the section. */
    private static boolean isSectionBreak(MarkdownText text, int at, int e) {
        int i = at;
        while (i < e && i - at < 3 && text.charAt(i) == '#') {
            i++;
        }
        int hashes = i - at;
        return (hashes == 1 || hashes == 2) && (i == e || text.charAt(i) == ' ' || text.charAt(i) == '\t');
    }

    /** A level-3 ATX heading: a subsection of the Benchmarks section (one per project, in the built-in template). */
    private static boolean isSubsection(MarkdownText text, int at, int e) {
        int i = at + 3;
        return startsWith(text, at, e, "###") && (i == e || text.charAt(i) == ' ' || text.charAt(i) == '\t');
    }

    /** A setext underline: {@code =} or {@code -} repeated, then only spaces or tabs. */
    private static boolean isSetextUnderline(MarkdownText text, int at, int e) {
        if (at == e || text.charAt(at) != '=' && text.charAt(at) != '-') {
            return false;
        }
        char c = text.charAt(at);
        int i = at;
        while (i < e && text.charAt(i) == c) {
            i++;
        }
        return skipSpacesAndTabs(text, i, e) == e;
    }

    /**
     * Text that continues a paragraph: not blank, and not the start of something else (a table
     * row, a list item, a quote, an HTML block, indented code, a heading, a thematic break), under
     * which a {@code ---} would be no setext underline.
     */
    private static boolean isParagraphText(MarkdownText text, int s, int at, int e) {
        if (text.isBlank(s, e)) {
            return false;
        }
        if (at - s == 3 && at < e && text.charAt(at) == ' ' || at < e && text.charAt(s) == '\t') {
            return false; // four spaces or more, or a tab: indented code
        }
        if (at == e) {
            return true;
        }
        char c = text.charAt(at);
        if (c == '|' || c == '>' || c == '<' || c == '#') {
            return false;
        }
        if (c == '-' || c == '*' || c == '+') {
            if (at + 1 == e || text.charAt(at + 1) == ' ' || text.charAt(at + 1) == '\t') {
                return false;
            }
        }
        if (c >= '0' && c <= '9') {
            int i = at;
            while (i < e && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            if (i - at <= 9 && i < e && (text.charAt(i) == '.' || text.charAt(i) == ')')
                    && (i + 1 == e || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
                return false;
            }
        }
        return !isThematicBreak(text, at, e);
    }

    /** Three or more of {@code -}, {@code *} or {@code _}, spaces and tabs between them, nothing else. */
    private static boolean isThematicBreak(MarkdownText text, int at, int e) {
        char first = text.charAt(at);
        if (first != '-' && first != '*' && first != '_') {
            return false;
        }
        int marks = 0;
        for (int i = at; i < e; i++) {
            char c = text.charAt(i);
            if (c == '-' || c == '*' || c == '_') {
                marks++;
            } else if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return marks >= 3;
    }

    /**
     * The fence a line opens, as {@link #fence}; -1 when it opens none. Three or more backticks or
     * tildes after at most three spaces; a backtick fence's info string may not contain a backtick.
     */
    private static int opensFence(MarkdownText text, int s, int e) {
        int at = indent(text, s, e);
        if (at == e || text.charAt(at) != '`' && text.charAt(at) != '~') {
            return -1;
        }
        char c = text.charAt(at);
        int i = at;
        while (i < e && text.charAt(i) == c) {
            i++;
        }
        if (i - at < 3 || c == '`' && indexOf(text, "`", i, e) >= 0) {
            return -1;
        }
        return fence(c, i - at);
    }

    /** A closing fence: the same character, at least as long, and nothing after it but whitespace. */
    private static boolean closes(int openFence, MarkdownText text, int s, int e) {
        int at = indent(text, s, e);
        char c = (char) (openFence >>> 16);
        int i = at;
        while (i < e && text.charAt(i) == c) {
            i++;
        }
        return i - at >= 3 && i - at >= (openFence & 0xFFFF) && text.isBlank(i, e);
    }

    private static int fence(char c, int length) {
        return c << 16 | Math.min(length, 0xFFFF);
    }

    /** The fence a line opens ({@code ```}, {@code ~~~~}), or null. */
    static String opensFence(String content) {
        int fence = opensFence(MarkdownText.of(content), 0, content.length());
        return fence < 0 ? null : String.valueOf((char) (fence >>> 16)).repeat(fence & 0xFFFF);
    }

    /** Whether {@code content} closes the fence {@code openFence} ({@link #opensFence(String)}) opened. */
    static boolean closes(String openFence, String content) {
        return closes(fence(openFence.charAt(0), openFence.length()), MarkdownText.of(content), 0, content.length());
    }

    private static int skipSpacesAndTabs(MarkdownText text, int from, int e) {
        int i = from;
        while (i < e && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean startsWith(MarkdownText text, int at, int e, String prefix) {
        if (e - at < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(MarkdownText text, String needle, int from, int e) {
        for (int i = from; i + needle.length() <= e; i++) {
            if (startsWith(text, i, e, needle)) {
                return i;
            }
        }
        return -1;
    }
}
