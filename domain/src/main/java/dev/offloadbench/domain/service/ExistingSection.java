package dev.offloadbench.domain.service;

import dev.offloadbench.domain.model.BenchmarkReport;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.model.ProjectReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a README's current Benchmarks section says about the new one: the order its readers know
 * (projects it already shows stay where they are, found by their {@code ### Title Suite}
 * heading; new ones follow in the order given), and the subsections of projects that the new
 * results do not cover, which are kept as they are rather than lost.
 */
final class ExistingSection {
    private final String text;

    ExistingSection(String text) {
        this.text = text;
    }

    BenchmarkReport order(BenchmarkReport report) {
        List<String> headings = blocks(text).keySet().stream().toList();
        List<ProjectReport> ordered = new ArrayList<>(report.projects());
        // List.sort is stable: projects the README does not show keep their given order, after the others
        ordered.sort(Comparator.comparingInt(project -> {
            int index = headings.indexOf(heading(project.profile()));
            return index < 0 ? Integer.MAX_VALUE : index;
        }));
        return new BenchmarkReport(report.machine(), ordered);
    }

    /** The rendered section, with the README's subsections of installed profiles it does not cover put back. */
    Merged keepOthers(String rendered, Collection<Profile> installed) {
        Set<String> projectHeadings = installed.stream().map(ExistingSection::heading).collect(Collectors.toSet());
        Map<String, String> current = blocks(text);
        Map<String, String> fresh = blocks(rendered);
        List<String> kept = current.keySet().stream()
                .filter(h -> projectHeadings.contains(h) && !fresh.containsKey(h)).toList();
        if (kept.isEmpty()) {
            return new Merged(rendered, List.of());
        }
        List<String> parts = new ArrayList<>();
        parts.add(intro(rendered));
        for (Map.Entry<String, String> block : current.entrySet()) {
            if (kept.contains(block.getKey())) {
                parts.add(block.getValue());
            } else if (fresh.containsKey(block.getKey())) {
                parts.add(fresh.remove(block.getKey()));
            }
        }
        parts.addAll(fresh.values());
        return new Merged(String.join("\n\n", parts) + "\n", kept);
    }

    /** The section to write, and the headings of the subsections kept from the README. */
    record Merged(String section, List<String> kept) {
    }

    static String heading(Profile profile) {
        return "### " + profile.title() + " " + profile.suiteLabel();
    }

    private static String intro(String section) {
        int first = firstBlock(section);
        return (first < 0 ? section : section.substring(0, first)).stripTrailing();
    }

    private static int firstBlock(String section) {
        if (section.startsWith("### ")) {
            return 0;
        }
        int at = section.indexOf("\n### ");
        return at < 0 ? -1 : at + 1;
    }

    /** Each {@code ###} subsection by its heading line, in order, without trailing blank lines. */
    private static Map<String, String> blocks(String section) {
        Map<String, String> blocks = new LinkedHashMap<>();
        int start = firstBlock(section);
        while (start >= 0) {
            int next = section.indexOf("\n### ", start);
            String block = next < 0 ? section.substring(start) : section.substring(start, next + 1);
            int lineEnd = block.indexOf('\n');
            String heading = (lineEnd < 0 ? block : block.substring(0, lineEnd)).strip();
            blocks.putIfAbsent(heading, block.stripTrailing());
            start = next < 0 ? -1 : next + 1;
        }
        return blocks;
    }
}
