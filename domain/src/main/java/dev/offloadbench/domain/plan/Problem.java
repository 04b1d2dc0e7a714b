package dev.offloadbench.domain.plan;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Something that keeps the plan from being complete, for a profile or for the whole session, and of what kind. */
public record Problem(Optional<String> profileId, Kind kind, String message) {
    /** What a problem is about: a program decides by its kind, never by its message. */
    public enum Kind {
        /** A profile no project uses, or one that is not installed. */
        PROFILE,
        /** The project's folder or justfile: missing, not a folder, rejected by just. */
        PROJECT,
        /** A run's recipe is not in the justfile. */
        RECIPE,
        /** The Offload configuration a recipe uses: missing, invalid, without [provider]. */
        OFFLOAD_CONFIG,
        /** Reading the project cannot tell what a run does (a worker count, an override, how offload starts). */
        READING,
        /** A probe could not tell, or showed that the run cannot do what the plan says. */
        PROBE,
        /** Which machine this is cannot be told. */
        MACHINE;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Problem {
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public static Problem of(String profileId, Kind kind, String message) {
        return new Problem(Optional.of(profileId), kind, message);
    }

    public static Problem general(Kind kind, String message) {
        return new Problem(Optional.empty(), kind, message);
    }

    @Override
    public String toString() {
        return profileId.map(id -> id + ": ").orElse("") + message;
    }
}
