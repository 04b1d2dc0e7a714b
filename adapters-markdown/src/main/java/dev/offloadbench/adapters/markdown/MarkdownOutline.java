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

    private final List<Line> lines;
    private final List<Integer> benchmarksHeadings = new ArrayList<>();
    private final List<Integer> sectionBreaks = new ArrayList<>();
    private final boolean endsInsideFence;

    private MarkdownOutline(String text) {
        lines = MarkdownLines.of(text);
        String openFence = null;
        boolean inComment = false;
        boolean previousIsText = false;
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
                previousIsText = false;
                continue;
            }
            if (COMMENT_START.matcher(content).matches()) {
                inComment = !content.substring(content.indexOf("<!--") + 4).contains("-->");
                previousIsText = false;
                continue;
            }
            if (BENCHMARKS_HEADING.matcher(content).matches()) {
                benchmarksHeadings.add(i);
            }
            boolean atx = SECTION_BREAK.matcher(content).matches();
            if (atx) {
                sectionBreaks.add(i);
            } else if (previousIsText && SETEXT_UNDERLINE.matcher(content).matches()) {
                sectionBreaks.add(i - 1); // the underlined line is the heading
                previousIsText = false;
                continue;
            }
            previousIsText = !atx && !content.isBlank() && !content.stripLeading().startsWith("#");
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

    /** The fence a line opens, or null. A backtick fence's info string may not contain a backtick. */
    private static String opensFence(String content) {
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
    private static boolean closes(String openFence, String content) {
        Matcher fence = FENCE.matcher(content);
        return fence.matches()
                && fence.group(1).charAt(0) == openFence.charAt(0)
                && fence.group(1).length() >= openFence.length()
                && fence.group(2).isBlank();
    }
}
