package dev.offloadbench.domain.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Everything a benchmark session will run, in order, and every problem found on the way. */
public record BenchmarkPlan(MachineDescription machine, Path readme, List<ProjectPlan> profiles,
        List<Problem> problems) {
    public BenchmarkPlan {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(readme, "readme");
        profiles = List.copyOf(profiles);
        problems = List.copyOf(problems);
    }

    /** Nothing is missing: every run is planned. */
    public boolean complete() {
        return problems.isEmpty();
    }
}
