package dev.offloadbench.adapters.markdown;

import dev.offloadbench.adapters.markdown.MarkdownLines.Line;
import dev.offloadbench.domain.BenchException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries subsections of the README's current Benchmarks section over into the new one: a
 * project the new results do not cover keeps its {@code ### Title} subsection as it was (from its
 * heading to the next {@code ###} heading or the section's end, found with the same rules for code
 * fences and HTML comments as the section itself), in the place it had among the projects.
 */
final class KeptSubsections {
    private KeptSubsections() {
    }

    /** A subsection: its heading line and its text, up to its last non-blank line. */
    private record Block(String heading, String text) {
    }

    /**
     * @param current the current section, {@code \n} line endings
     * @param rendered the new section, {@code \n} line endings, ending with its last non-blank line
     * @param headings the {@code ###} headings to keep, when the current section has them
     * @return the new section with those subsections put back
     */
    static String merge(String current, String rendered, List<String> headings, Path readme) {
        List<Block> old = blocks(current);
        List<Block> kept = new ArrayList<>();
        for (String heading : headings) {
            List<Block> found = old.stream().filter(b -> b.heading().equals(heading)).toList();
            if (found.size() > 1) {
                throw new BenchException("README " + readme + " has the subsection \"" + heading + "\" "
                        + found.size() + " times in its Benchmarks section, so it is unclear which to keep;"
                        + " remove the extra ones, or update all projects at once");
            }
            kept.addAll(found);
        }
        if (kept.isEmpty()) {
            return rendered;
        }
        List<Block> fresh = blocks(rendered);
        String merged = rendered;
        for (Block block : kept) {
            merged = insert(merged, block, following(old, block, fresh));
        }
        return merged;
    }

    /** The first subsection after {@code block} in the old section that the new one also has, if any. */
    private static Block following(List<Block> old, Block block, List<Block> fresh) {
        for (int i = old.indexOf(block) + 1; i < old.size(); i++) {
            String heading = old.get(i).heading();
            for (Block candidate : fresh) {
                if (candidate.heading().equals(heading)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static String insert(String section, Block block, Block before) {
        if (before == null) {
            return section + "\n\n" + block.text();
        }
        int at = headingLineStart(section, before.heading());
        return section.substring(0, at) + block.text() + "\n\n" + section.substring(at);
    }

    private static int headingLineStart(String section, String heading) {
        MarkdownOutline outline = MarkdownOutline.of(section);
        for (int index : outline.subsectionHeadings()) {
            Line line = outline.lines().get(index);
            if (line.content(section).strip().equals(heading)) {
                return line.start();
            }
        }
        throw new IllegalStateException("no subsection " + heading);
    }

    private static List<Block> blocks(String section) {
        MarkdownOutline outline = MarkdownOutline.of(section);
        List<Line> lines = outline.lines();
        List<Integer> starts = outline.subsectionHeadings();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int from = lines.get(starts.get(i)).start();
            int to = i + 1 < starts.size() ? lines.get(starts.get(i + 1)).start() : section.length();
            String text = section.substring(from, to);
            text = text.substring(0, MarkdownLines.endOfLastNonBlankLine(text, MarkdownLines.of(text)));
            blocks.add(new Block(lines.get(starts.get(i)).content(section).strip(), text));
        }
        return blocks;
    }
}
