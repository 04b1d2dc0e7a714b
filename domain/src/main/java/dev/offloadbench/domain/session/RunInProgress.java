package dev.offloadbench.domain.session;

import dev.offloadbench.domain.model.RunKind;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The execution a session has under way, saved before it starts: should bench die (kill -9)
 * while it runs, the next bench finds its processes by the marker and ends them before timing
 * anything.
 *
 * @param marker the execution's marker, in the environment of every process it starts
 * @param benchPid the bench process that started it
 * @param processGroup the process group the command leads, once it has started (where it has one)
 * @param since when it was about to start
 */
public record RunInProgress(String profileId, RunKind kind, String marker, long benchPid, OptionalLong processGroup,
        Instant since) {
    public RunInProgress {
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(processGroup, "processGroup");
        Objects.requireNonNull(since, "since");
        if (marker.isBlank()) {
            throw new IllegalArgumentException("a run's marker must not be blank");
        }
    }

    public RunInProgress withProcessGroup(long group) {
        return new RunInProgress(profileId, kind, marker, benchPid, OptionalLong.of(group), since);
    }
}
