package dev.offloadbench.domain.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The recorded runs of one project, with the facts the report states about it.
 *
 * @param provider where Offload ran the tests (the {@code [provider] type} of its configuration)
 */
public record ProjectResults(String profileId, int testCount, int maxParallel, OffloadProvider provider,
        List<RunOutcome> runs) {
    public ProjectResults {
        ProfileId.check(profileId);
        if (testCount < 0) {
            throw new IllegalArgumentException("testCount must not be negative: " + testCount);
        }
        if (maxParallel < 1) {
            throw new IllegalArgumentException("maxParallel must be at least 1: " + maxParallel);
        }
        Objects.requireNonNull(provider, "provider");
        runs = List.copyOf(Objects.requireNonNull(runs, "runs"));
        Set<RunKind> seen = EnumSet.noneOf(RunKind.class);
        for (RunOutcome run : runs) {
            if (!seen.add(run.kind())) {
                throw new IllegalArgumentException("two " + run.kind() + " runs for " + profileId);
            }
        }
    }

    /** Results whose Offload ran on Modal, as the published numbers did. */
    public ProjectResults(String profileId, int testCount, int maxParallel, List<RunOutcome> runs) {
        this(profileId, testCount, maxParallel, OffloadProvider.MODAL, runs);
    }

    public Optional<RunOutcome> run(RunKind kind) {
        return runs.stream().filter(r -> r.kind() == kind).findFirst();
    }
}
