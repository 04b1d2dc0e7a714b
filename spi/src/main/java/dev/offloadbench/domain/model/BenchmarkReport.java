package dev.offloadbench.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * What the Benchmarks section says: the machine, then each project in the order given; and, for
 * an update of a README, the subsections of other projects the section keeps as they are, so that
 * what the section says as a whole (its introduction) stays true of them too.
 */
public record BenchmarkReport(String machine, List<ProjectReport> projects, List<KeptSubsection> kept) {
    public BenchmarkReport {
        Objects.requireNonNull(machine, "machine");
        projects = List.copyOf(Objects.requireNonNull(projects, "projects"));
        kept = List.copyOf(Objects.requireNonNull(kept, "kept"));
    }

    /** A report that is the whole section (rendered on its own, or replacing every subsection). */
    public BenchmarkReport(String machine, List<ProjectReport> projects) {
        this(machine, projects, List.of());
    }

    /** This report, its projects in {@code ordered} order, keeping {@code others} beside it. */
    public BenchmarkReport with(List<ProjectReport> ordered, List<KeptSubsection> others) {
        return new BenchmarkReport(machine, ordered, others);
    }
}
