package dev.offloadbench.domain.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The recorded runs of one project, with the facts the report states about it. */
public record ProjectResults(String profileId, int testCount, int maxParallel, List<RunOutcome> runs) {
    public ProjectResults {
        ProfileId.check(profileId);
        if (testCount < 0) {
            throw new IllegalArgumentException("testCount must not be negative: " + testCount);
        }
        if (maxParallel < 1) {
            throw new IllegalArgumentException("maxParallel must be at least 1: " + maxParallel);
        }
        runs = List.copyOf(Objects.requireNonNull(runs, "runs"));
        Set<RunKind> seen = EnumSet.noneOf(RunKind.class);
        for (RunOutcome run : runs) {
            if (!seen.add(run.kind())) {
                throw new IllegalArgumentException("two " + run.kind() + " runs for " + profileId);
            }
        }
    }

    public Optional<RunOutcome> run(RunKind kind) {
        return runs.stream().filter(r -> r.kind() == kind).findFirst();
    }
}
