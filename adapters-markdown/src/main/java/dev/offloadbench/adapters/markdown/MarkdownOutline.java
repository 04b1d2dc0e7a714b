package dev.offloadbench.adapters.markdown;

import dev.offloadbench.adapters.markdown.MarkdownLines.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a markdown text that matter for finding the Benchmarks section: its
 * {@code ## Benchmarks} headings and the level-1 and level-2 headings that end a section, ATX
 * ({@code ## Title}) or setext (a title underlined with {@code ===} or {@code ---}). Lines inside
 * fenced code blocks or HTML comments are never headings; an unclosed fence runs to the end.
 */
final class MarkdownOutline {
    private static final Pattern BENCHMARKS_HEADING = Pattern.compile(" {0,3}##[ \\t]+Benchmarks(?:[ \\t]+#+)?[ \\t]*");
    /** {@code #} or {@code ##}, then a space, a tab or the end of the line; {@code ###} belongs to the section. */
    private static final Pattern SECTION_BREAK = Pattern.compile(" {0,3}#{1,2}(?:[ \\t].*)?");
    private static final Pattern FENCE = Pattern.compile(" {0,3}(`{3,}|~{3,})(.*)");
    /** A setext underline: the line above it is a level-1 ({@code =}) or level-2 ({@code -}) heading. */
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile(" {0,3}(?:=+|-+)[ \\t]*");
    private static final Pattern COMMENT_START = Pattern.compile(" {0,3}<!--.*");
    /** A level-3 ATX heading: a subsection of the Benchmarks section (one per project, in the built-in template). */
    private static final Pattern SUBSECTION = Pattern.compile(" {0,3}###(?:[ \\t].*)?");
    /**
     * Lines that start something other than paragraph text (a table row, a list item, a quote, an
     * HTML block, indented code, a thematic break): a {@code ---} under them is no setext underline.
     */
    private static final Pattern NOT_PARAGRAPH = Pattern.compile(
            "(?: {4,}|\\t| {0,3}(?:[|>]|<|[-*+][ \\t]|[-*+]$|\\d{1,9}[.)](?:[ \\t]|$)|#|(?:[-*_][ \\t]*){3,}$)).*");

    private final List<Line> lines;
    private final List<Integer> benchmarksHeadings = new ArrayList<>();
    private final List<Integer> sectionBreaks = new ArrayList<>();
    private final List<Integer> subsectionHeadings = new ArrayList<>();
    private final boolean endsInsideFence;

    private MarkdownOutline(String text) {
        lines = MarkdownLines.of(text);
        String openFence = null;
        boolean inComment = false;
        int paragraphStart = -1; // the first line of the paragraph the current line continues, or -1
        for (int i = 0; i < lines.size(); i++) {
            String content = lines.get(i).content(text);
            if (openFence != null) {
                if (closes(openFence, content)) {
                    openFence = null;
                }
                continue;
            }
            if (inComment) {
                inComment = !content.contains("-->");
                continue;
            }
            openFence = opensFence(content);
            if (openFence != null) {
                paragraphStart = -1;
                continue;
            }
            if (COMMENT_START.matcher(content).matches()) {
                inComment = !content.substring(content.indexOf("<!--") + 4).contains("-->");
                paragraphStart = -1;
                continue;
            }
            if (BENCHMARKS_HEADING.matcher(content).matches()) {
                benchmarksHeadings.add(i);
            }
            if (SECTION_BREAK.matcher(content).matches()) {
                sectionBreaks.add(i);
                paragraphStart = -1;
            } else if (SUBSECTION.matcher(content).matches()) {
                subsectionHeadings.add(i);
                paragraphStart = -1;
            } else if (paragraphStart >= 0 && SETEXT_UNDERLINE.matcher(content).matches()) {
                sectionBreaks.add(paragraphStart); // a setext heading: the whole paragraph above is its title
                paragraphStart = -1;
            } else if (isParagraphText(content)) {
                paragraphStart = paragraphStart >= 0 ? paragraphStart : i;
            } else {
                paragraphStart = -1;
            }
        }
        endsInsideFence = openFence != null;
    }

    static MarkdownOutline of(String text) {
        return new MarkdownOutline(text);
    }

    List<Line> lines() {
        return lines;
    }

    /** Indexes (from 0) of the {@code ## Benchmarks} heading lines. */
    List<Integer> benchmarksHeadings() {
        return benchmarksHeadings;
    }

    /** Indexes (from 0) of every level-1 or level-2 heading line, {@code ## Benchmarks} included. */
    List<Integer> sectionBreaks() {
        return sectionBreaks;
    }

    /** Indexes (from 0) of the level-3 heading lines ({@code ### Title}). */
    List<Integer> subsectionHeadings() {
        return subsectionHeadings;
    }

    boolean endsInsideFence() {
        return endsInsideFence;
    }

    /** The index of the first line after {@code heading} that starts another section, or the line count. */
    int sectionEnd(int heading) {
        for (int index : sectionBreaks) {
            if (index > heading) {
                return index;
            }
        }
        return lines.size();
    }

    private static boolean isParagraphText(String content) {
        return !content.isBlank() && !NOT_PARAGRAPH.matcher(content).matches();
    }

    /** The fence a line opens, or null. A backtick fence's info string may not contain a backtick. */
    static String opensFence(String content) {
        Matcher fence = FENCE.matcher(content);
        if (!fence.matches()) {
            return null;
        }
        String marker = fence.group(1);
        if (marker.charAt(0) == '`' && fence.group(2).indexOf('`') >= 0) {
            return null;
        }
        return marker;
    }

    /** A closing fence: the same character, at least as long, and nothing after it but spaces. */
    static boolean closes(String openFence, String content) {
        Matcher fence = FENCE.matcher(content);
        return fence.matches()
                && fence.group(1).charAt(0) == openFence.charAt(0)
                && fence.group(1).length() >= openFence.length()
                && fence.group(2).isBlank();
    }
}
