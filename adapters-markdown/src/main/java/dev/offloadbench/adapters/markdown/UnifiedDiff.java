package dev.offloadbench.adapters.markdown;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;

/** A unified diff of two versions of a text file, as {@code git diff} shows it. */
final class UnifiedDiff {
    private static final int CONTEXT_LINES = 3;

    private UnifiedDiff() {
    }

    /** The diff with {@code a/name} and {@code b/name} headers and lines ending in {@code \n}; "" when equal. */
    static String between(String fileName, String oldText, String newText) {
        List<String> oldLines = MarkdownLines.contents(oldText);
        List<String> newLines = MarkdownLines.contents(newText);
        Patch<String> patch = DiffUtils.diff(oldLines, newLines);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + fileName, "b/" + fileName, oldLines, patch,
                CONTEXT_LINES);
        return String.join("\n", diff) + "\n";
    }
}
