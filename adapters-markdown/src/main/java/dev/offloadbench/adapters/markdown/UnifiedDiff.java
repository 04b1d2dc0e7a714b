package dev.offloadbench.adapters.markdown;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A unified diff of two versions of a text file, as {@code git diff} shows it. */
final class UnifiedDiff {
    static final int CONTEXT_LINES = 3;
    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(,\\d+)? \\+(\\d+)(,\\d+)? @@");

    private UnifiedDiff() {
    }

    /** The diff with {@code a/name} and {@code b/name} headers and lines ending in {@code \n}; "" when equal. */
    static String between(String fileName, String oldText, String newText) {
        return between(fileName, oldText, newText, 0);
    }

    /**
     * The diff of an excerpt of a file that starts on line {@code firstLine} (from 0), its hunks
     * numbered as in the whole file.
     */
    static String between(String fileName, String oldText, String newText, int firstLine) {
        List<String> oldLines = MarkdownLines.contents(oldText);
        List<String> newLines = MarkdownLines.contents(newText);
        Patch<String> patch = DiffUtils.diff(oldLines, newLines);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + fileName, "b/" + fileName, oldLines, patch,
                CONTEXT_LINES);
        StringBuilder text = new StringBuilder();
        for (String line : diff) {
            Matcher hunk = HUNK.matcher(line);
            if (firstLine > 0 && hunk.find()) {
                line = "@@ -" + (Integer.parseInt(hunk.group(1)) + firstLine) + (hunk.group(2) == null ? "" : hunk.group(2))
                        + " +" + (Integer.parseInt(hunk.group(3)) + firstLine) + (hunk.group(4) == null ? "" : hunk.group(4))
                        + " @@" + line.substring(hunk.end());
            }
            text.append(line).append('\n');
        }
        return text.toString();
    }
}
