package dev.offloadbench.domain.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** A project's runs in execution order: baseline, high, offload (those that could be planned). */
public record ProjectPlan(String profileId, Path path, List<PlannedRun> runs) {
    public ProjectPlan {
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(path, "path");
        runs = List.copyOf(runs);
    }
}
