package dev.offloadbench.domain.service;

import dev.offloadbench.domain.model.BenchmarkReport;
import dev.offloadbench.domain.model.ProjectReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A README keeps the order its readers know: projects it already shows stay where they are
 * (found by their {@code ### Title Suite} heading), new ones follow in the order given.
 */
final class ReportOrder {
    private ReportOrder() {
    }

    static BenchmarkReport asIn(String currentSection, BenchmarkReport report) {
        List<ProjectReport> ordered = new ArrayList<>(report.projects());
        ordered.sort(Comparator.comparingInt(project -> position(currentSection, project)));
        return new BenchmarkReport(report.machine(), ordered);
    }

    private static int position(String section, ProjectReport project) {
        String heading = "### " + project.profile().title() + " " + project.profile().suiteLabel();
        int index = 0;
        for (String line : section.split("\n", -1)) {
            if (line.strip().equals(heading)) {
                return index;
            }
            index++;
        }
        return Integer.MAX_VALUE; // List.sort is stable: unknown projects keep their given order
    }
}
