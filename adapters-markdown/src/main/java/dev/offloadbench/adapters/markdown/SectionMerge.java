package dev.offloadbench.adapters.markdown;

import dev.offloadbench.adapters.markdown.MarkdownLines.Line;
import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.profile.ProjectHeadings;
import dev.offloadbench.domain.port.out.ReadmeStore.Merge;
import dev.offloadbench.domain.port.out.ReadmeStore.NewSection;
import dev.offloadbench.domain.port.out.ReadmeStore.Subsection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Puts a rendered Benchmarks section into a README's current one, part by part, so that nothing
 * the new section does not replace is lost:
 *
 * <ul>
 *   <li>the heading and the introduction (everything before the first {@code ###} subsection)
 *       are replaced by the rendered ones;
 *   <li>a subsection of a project the new section reports (its heading starts with the project's
 *       title, {@link ProjectHeadings}) is replaced in place by the rendered one;
 *   <li>every other subsection, a project's these results do not cover or one of no project at
 *       all, is kept byte for byte, where it is;
 *   <li>projects the README does not show yet follow the last subsection.
 * </ul>
 *
 * <p>Text that is replaced must be text the template writes in its place: each of its lines must
 * open with the same first words as a line of the rendered part, or of the same part rendered as if
 * every run had been made ({@link NewSection#vocabulary()}: an Offload row the new results lack is
 * bench's own), numbers and parenthesised details aside ({@code 5,275 tests collected (unit ...)}
 * and {@code 345 tests collected} open alike), and no opening more often than the template writes
 * it. Anything else, a line or a table row someone added, would be lost, so the update is refused
 * and the line named.
 *
 * <p>All offsets are in the README's text; the bytes between the replaced parts are never touched.
 */
final class SectionMerge {
    private static final Pattern NUMBER = Pattern.compile("\\d(?:[\\d,.]*\\d)?");
    private static final Pattern PARENTHESISED = Pattern.compile("\\([^()]*\\)");
    private static final int OPENING_WORDS = 3;

    private SectionMerge() {
    }

    /**
     * @param content the new section, from its heading to its last non-blank line, the README's
     *     line endings in what is new and the README's own bytes in what is kept
     */
    record Result(String content, Merge merge) {
    }

    /** A part of a section: its heading line (for a subsection) and its text up to its last non-blank line. */
    private record Part(int firstLine, int start, int contentEnd, String heading, Optional<Profile> owner) {
    }

    /**
     * @param text the README's section as it is, from its heading line to its last non-blank line
     * @param firstLine the line of the README the section starts on (from 0), for messages
     * @param lineEnding what the README ends its lines with, for what is written anew
     */
    static Result merge(String text, int firstLine, String lineEnding, RenderedSection rendered, NewSection section,
            Path readme) {
        MarkdownOutline outline = MarkdownOutline.of(text);
        List<Line> lines = outline.lines();
        List<Part> old = parts(text, lines, 0, lines.size(), outline.subsectionHeadings(), text.length(), section);
        String fresh = rendered.content();
        MarkdownOutline freshOutline = MarkdownOutline.of(fresh);
        List<Part> renderedParts = parts(fresh, freshOutline.lines(), 0, freshOutline.lines().size(),
                freshOutline.subsectionHeadings(), fresh.length(), section);
        Map<String, Part> renderedById = renderedSubsections(renderedParts, section);
        String vocabulary = MarkdownLines.normalise(section.vocabulary());
        MarkdownOutline vocabularyOutline = MarkdownOutline.of(vocabulary);
        List<Part> vocabularyParts = parts(vocabulary, vocabularyOutline.lines(), 0, vocabularyOutline.lines().size(),
                vocabularyOutline.subsectionHeadings(), vocabulary.length(), section);
        Map<String, Part> vocabularyById = renderedSubsections(vocabularyParts, section);

        Map<String, Part> replacedById = new LinkedHashMap<>();
        List<Subsection> replaced = new ArrayList<>();
        List<Subsection> kept = new ArrayList<>();
        List<Splice> splices = new ArrayList<>();
        Part head = old.get(0);
        requireAttributable(text, lines, firstLine, head, allowed(fresh, renderedParts.get(0), vocabulary,
                vocabularyParts.get(0)), readme, "in its introduction (before the first ### subsection)");
        splices.add(new Splice(head.start(), head.contentEnd(), withEnding(fresh.substring(0,
                renderedParts.get(0).contentEnd()), lineEnding)));
        for (Part part : old.subList(1, old.size())) {
            Optional<String> owner = part.owner().map(Profile::id);
            if (owner.isEmpty() || !section.covered().contains(owner.get())) {
                kept.add(new Subsection(part.heading(), owner));
                continue;
            }
            Part earlier = replacedById.putIfAbsent(owner.get(), part);
            if (earlier != null) {
                throw new BenchException("README " + readme + " has two subsections of project " + owner.get()
                        + " in its Benchmarks section, \"" + earlier.heading() + "\" (line " + (firstLine + earlier.firstLine() + 1)
                        + ") and \"" + part.heading() + "\" (line " + (firstLine + part.firstLine() + 1) + "), so it is unclear"
                        + " which one these results replace; remove the stale one, then run the update again");
            }
            Part replacement = renderedById.get(owner.get());
            if (replacement == null) {
                throw new BenchException("README " + readme + " has a subsection of project " + owner.get() + ", \""
                        + part.heading() + "\" (line " + (firstLine + part.firstLine() + 1) + "), but the template renders none"
                        + " for it, so its numbers would be lost; render one \"### " + part.owner().get().title()
                        + " ...\" subsection per project, or remove that subsection, then run the update again");
            }
            requireAttributable(text, lines, firstLine, part, allowed(fresh, replacement, vocabulary,
                    vocabularyById.get(owner.get())), readme, "in its subsection \"" + part.heading() + "\"");
            replaced.add(new Subsection(part.heading(), owner));
            splices.add(new Splice(part.start(), part.contentEnd(),
                    withEnding(fresh.substring(replacement.start(), replacement.contentEnd()), lineEnding)));
        }
        List<Subsection> added = new ArrayList<>();
        StringBuilder appended = new StringBuilder();
        for (Map.Entry<String, Part> entry : renderedById.entrySet()) {
            if (!replacedById.containsKey(entry.getKey())) {
                Part part = entry.getValue();
                added.add(new Subsection(part.heading(), Optional.of(entry.getKey())));
                appended.append(lineEnding).append(lineEnding)
                        .append(withEnding(fresh.substring(part.start(), part.contentEnd()), lineEnding));
            }
        }
        if (!appended.isEmpty()) {
            int end = old.get(old.size() - 1).contentEnd();
            splices.add(new Splice(end, end, appended.toString()));
        }
        String content = apply(text, 0, text.length(), splices);
        return new Result(content, new Merge(replaced, kept, added));
    }

    /** Replaces {@code [start, end)} of the README's text with {@code text}. */
    private record Splice(int start, int end, String text) {
    }

    private static String apply(String text, int from, int to, List<Splice> splices) {
        List<Splice> ordered = new ArrayList<>(splices);
        ordered.sort(Comparator.comparingInt(Splice::start).thenComparingInt(Splice::end));
        StringBuilder result = new StringBuilder();
        int at = from;
        for (Splice splice : ordered) {
            result.append(text, at, splice.start()).append(splice.text());
            at = splice.end();
        }
        return result.append(text, at, to).toString();
    }

    /**
     * The introduction (from the section's heading to its first subsection), then each subsection
     * (from its heading to the next one), each up to its last non-blank line.
     */
    private static List<Part> parts(String text, List<Line> lines, int headingLine, int endLine,
            List<Integer> subsections, int contentEnd, NewSection section) {
        List<Integer> starts = new ArrayList<>();
        starts.add(headingLine);
        subsections.stream().filter(index -> index > headingLine && index < endLine).forEach(starts::add);
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int first = starts.get(i);
            int start = lines.get(first).start();
            int regionEnd = i + 1 < starts.size() ? lines.get(starts.get(i + 1)).start() : contentEnd;
            String region = text.substring(start, regionEnd);
            int end = start + MarkdownLines.endOfLastNonBlankLine(region, MarkdownLines.of(region));
            String heading = lines.get(first).content(text).strip();
            parts.add(new Part(first, start, Math.max(end, lines.get(first).contentEnd()), heading,
                    i == 0 ? Optional.empty() : section.headings().owner(heading, section.covered())));
        }
        return parts;
    }

    /** The rendered subsections by project; each must be one of a project these results cover, once. */
    private static Map<String, Part> renderedSubsections(List<Part> parts, NewSection section) {
        Map<String, Part> byId = new LinkedHashMap<>();
        for (Part part : parts.subList(1, parts.size())) {
            String id = part.owner().map(Profile::id).filter(section.covered()::contains).orElseThrow(() ->
                    new BenchException("the rendered section's subsection \"" + part.heading() + "\" does not start"
                            + " with the title of a project these results cover, so it is unclear which README"
                            + " subsection it replaces; start each project's heading with its title ({{title}} in"
                            + " the template)"));
            if (byId.putIfAbsent(id, part) != null) {
                throw new BenchException("the rendered section has two subsections of project " + id + " (\""
                        + byId.get(id).heading() + "\" and \"" + part.heading() + "\"); render one per project");
            }
        }
        return byId;
    }

    /**
     * Refuses to replace a part holding a line the template does not write in its place (in this
     * section or, had every run been made, in another), naming it: it is someone's text, which the
     * update would lose. Lines are told apart by their first words, figures and parenthesised
     * details aside ({@link #opening}), so that new numbers, another provider or the README's own
     * wording of a note that starts the same never count as someone's text; and counted, so that
     * a row or a note added beside one like it counts too.
     *
     * @param allowed how many lines of each opening the template writes in this part's place
     */
    private static void requireAttributable(String text, List<Line> lines, int firstLine, Part part,
            Map<String, Integer> allowed, Path readme, String where) {
        int endLine = part.firstLine() + 1;
        while (endLine < lines.size() && lines.get(endLine).start() < part.contentEnd()) {
            endLine++;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int[] block : blocks(text, lines, part.firstLine() + 1, endLine)) {
            for (int i = block[0]; i < block[1]; i++) {
                String line = lines.get(i).content(text);
                if (line.isBlank()) {
                    continue;
                }
                String opening = opening(line);
                if (seen.merge(opening, 1, Integer::sum) > allowed.getOrDefault(opening, 0)) {
                    throw new BenchException("README " + readme + " has text in its Benchmarks section that the new"
                            + " section does not write, line " + (firstLine + i + 1) + " \"" + shorten(line.strip())
                            + "\" " + where + ", so this update would lose it; nothing was written. Move it out of"
                            + " the Benchmarks section (or under a ### heading of its own, which is kept as it is),"
                            + " or delete it, then run the update again");
                }
            }
        }
    }

    /**
     * How many lines of each opening the template writes in a part's place: in the new section's
     * part, or in the same part of the section written had every run been made, whichever has more.
     */
    private static Map<String, Integer> allowed(String fresh, Part rendered, String vocabulary,
            Part everything) {
        Map<String, Integer> allowed = openingCounts(fresh, rendered);
        if (everything != null) {
            openingCounts(vocabulary, everything).forEach((opening, count) -> allowed.merge(opening, count,
                    Math::max));
        }
        return allowed;
    }

    /** How many lines of each opening a part has below its heading line. */
    private static Map<String, Integer> openingCounts(String text, Part part) {
        Map<String, Integer> counts = new HashMap<>();
        String[] partLines = text.substring(part.start(), part.contentEnd()).split("\\n", -1);
        for (int i = 1; i < partLines.length; i++) {
            if (!partLines[i].isBlank()) {
                counts.merge(opening(partLines[i]), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Blocks as [first line, end line): lines up to a blank one; a fenced code block is one block. */
    private static List<int[]> blocks(String text, List<Line> lines, int from, int to) {
        List<int[]> blocks = new ArrayList<>();
        int start = -1;
        String fence = null;
        for (int i = from; i < to; i++) {
            String content = lines.get(i).content(text);
            if (fence != null) {
                if (MarkdownOutline.closes(fence, content)) {
                    fence = null;
                }
                continue;
            }
            if (content.isBlank()) {
                if (start >= 0) {
                    blocks.add(new int[] {start, i});
                    start = -1;
                }
                continue;
            }
            if (start < 0) {
                start = i;
            }
            fence = MarkdownOutline.opensFence(content);
        }
        if (start >= 0) {
            blocks.add(new int[] {start, to});
        }
        return blocks;
    }

    /**
     * A line's first words, lower case, each number as {@code #} and parenthesised details left
     * out: what stays when only the figures, the provider or a note's detail change.
     */
    static String opening(String line) {
        String text = NUMBER.matcher(line.strip().toLowerCase(Locale.ROOT)).replaceAll("#");
        String previous;
        do {
            previous = text;
            text = PARENTHESISED.matcher(text).replaceAll(" ");
        } while (!text.equals(previous));
        String[] words = text.strip().split("\\s+");
        return String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(OPENING_WORDS, words.length)));
    }

    private static String withEnding(String text, String lineEnding) {
        return text.replace("\n", lineEnding);
    }

    private static String shorten(String line) {
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
}
