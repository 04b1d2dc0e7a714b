package dev.offloadbench.domain.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The recorded results of a benchmark session: the machine and each project's runs, in report order. */
public record BenchmarkResults(String machine, List<ProjectResults> projects) {
    public BenchmarkResults {
        Objects.requireNonNull(machine, "machine");
        projects = List.copyOf(Objects.requireNonNull(projects, "projects"));
        Set<String> ids = new HashSet<>();
        for (ProjectResults project : projects) {
            if (!ids.add(project.profileId())) {
                throw new IllegalArgumentException("profile " + project.profileId() + " appears twice");
            }
        }
    }

    /** Every INVALID run, in report order. */
    public List<InvalidRun> invalidRuns() {
        List<InvalidRun> invalid = new ArrayList<>();
        for (ProjectResults project : projects) {
            for (RunOutcome run : project.runs()) {
                if (!run.validity().valid()) {
                    invalid.add(new InvalidRun(project.profileId(), run.kind(), run.validity().reason()));
                }
            }
        }
        return invalid;
    }

    /** A run that does not count, and why. */
    public record InvalidRun(String profileId, RunKind kind, String reason) {
        @Override
        public String toString() {
            return profileId + " " + kind + ": " + reason;
        }
    }
}
