package dev.offloadbench.domain.model;

import java.util.List;
import java.util.Objects;

/** What the Benchmarks section says: the machine, then each project in the order given. */
public record BenchmarkReport(String machine, List<ProjectReport> projects) {
    public BenchmarkReport {
        Objects.requireNonNull(machine, "machine");
        projects = List.copyOf(Objects.requireNonNull(projects, "projects"));
    }
}
