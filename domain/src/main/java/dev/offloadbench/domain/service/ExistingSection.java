package dev.offloadbench.domain.service;

import dev.offloadbench.domain.model.BenchmarkReport;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.model.ProjectReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a README's current Benchmarks section says about the new one: the order its readers know
 * (projects it already shows stay where they are, found by their {@code ### Title Suite}
 * heading; new ones follow in the order given), and which projects it shows that the new results
 * do not cover (their subsections are kept as they are, rather than lost).
 */
final class ExistingSection {
    private final String text;

    ExistingSection(String text) {
        this.text = text;
    }

    BenchmarkReport order(BenchmarkReport report) {
        List<String> headings = headings(text);
        List<ProjectReport> ordered = new ArrayList<>(report.projects());
        // List.sort is stable: projects the README does not show keep their given order, after the others
        ordered.sort(Comparator.comparingInt(project -> {
            int index = headings.indexOf(heading(project.profile()));
            return index < 0 ? Integer.MAX_VALUE : index;
        }));
        return new BenchmarkReport(report.machine(), ordered);
    }

    /**
     * The {@code ###} headings of the installed projects that the report does not cover but the
     * README shows: their subsections stay as they are.
     */
    List<String> headingsToKeep(BenchmarkReport report, Collection<Profile> installed) {
        Set<String> covered = report.projects().stream().map(p -> p.profile().id()).collect(Collectors.toSet());
        List<String> shown = headings(text);
        return installed.stream().filter(p -> !covered.contains(p.id())).map(ExistingSection::heading)
                .filter(shown::contains).toList();
    }

    static String heading(Profile profile) {
        return "### " + profile.title() + " " + profile.suiteLabel();
    }

    /** The {@code ###} heading lines of the section, in order. */
    private static List<String> headings(String section) {
        return section.lines().map(String::strip).filter(line -> line.startsWith("### ")).toList();
    }
}
