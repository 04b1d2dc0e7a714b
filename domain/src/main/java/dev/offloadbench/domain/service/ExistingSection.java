package dev.offloadbench.domain.service;

import dev.offloadbench.domain.model.BenchmarkReport;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.profile.ProjectHeadings;
import dev.offloadbench.domain.model.ProjectReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The order a README's current Benchmarks section shows its projects in: projects it already
 * shows keep their places (a subsection is a project's when its heading starts with the
 * project's title), new ones follow in the order given.
 */
final class ExistingSection {
    private final List<String> shown;

    ExistingSection(String text, ProjectHeadings headings) {
        List<String> ids = new ArrayList<>();
        text.lines().map(String::strip).filter(line -> line.startsWith("### "))
                .map(headings::owner).flatMap(Optional::stream).map(Profile::id)
                .filter(id -> !ids.contains(id)).forEach(ids::add);
        this.shown = List.copyOf(ids);
    }

    BenchmarkReport order(BenchmarkReport report) {
        List<ProjectReport> ordered = new ArrayList<>(report.projects());
        // List.sort is stable: projects the README does not show keep their given order, after the others
        ordered.sort(Comparator.comparingInt(project -> {
            int index = shown.indexOf(project.profile().id());
            return index < 0 ? Integer.MAX_VALUE : index;
        }));
        return new BenchmarkReport(report.machine(), ordered);
    }
}
