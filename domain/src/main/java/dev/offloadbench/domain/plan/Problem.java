package dev.offloadbench.domain.plan;

import java.util.Objects;
import java.util.Optional;

/** Something that keeps the plan from being complete, for a profile or for the whole session. */
public record Problem(Optional<String> profileId, String message) {
    public Problem {
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(message, "message");
    }

    public static Problem of(String profileId, String message) {
        return new Problem(Optional.of(profileId), message);
    }

    public static Problem general(String message) {
        return new Problem(Optional.empty(), message);
    }

    @Override
    public String toString() {
        return profileId.map(id -> id + ": ").orElse("") + message;
    }
}
