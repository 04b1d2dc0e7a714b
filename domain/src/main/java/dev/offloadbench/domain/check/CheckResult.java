package dev.offloadbench.domain.check;

import dev.offloadbench.domain.model.OffloadProvider;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One prerequisite: what was checked, how it stands, what to do when it is not fine, and what it
 * is about ({@link Scope}), so that a session decides by type which failures stop it.
 *
 * @param version for a tool found on the PATH (the check is named after it: {@code offload},
 *     {@code just}), the version it printed; a session records it, so that a later comparison can
 *     tell when a tool changed
 */
public record CheckResult(String name, Status status, String detail, Optional<String> remedy, Scope scope,
        Optional<String> version) {
    public enum Status { OK, WARN, FAIL, SKIPPED }

    /**
     * What a check is about.
     *
     * @param profileId the project, for {@link Concern#PROJECT}
     */
    public record Scope(Concern concern, Optional<String> profileId) {
        /** Every session needs it (just, say). */
        public static final Scope SESSION = new Scope(Concern.SESSION, Optional.empty());
        /** The offload binary itself. */
        public static final Scope OFFLOAD_BINARY = new Scope(Concern.OFFLOAD_BINARY, Optional.empty());
        /** Something else every Offload run needs: the Offload repository (its {@code just install}). */
        public static final Scope OFFLOAD_NEEDS = new Scope(Concern.OFFLOAD_NEEDS, Optional.empty());
        /** Modal credentials: only Offload runs on the Modal provider need them ({@code [provider] type = "modal"}). */
        public static final Scope MODAL = new Scope(Concern.MODAL, Optional.empty());

        public enum Concern { SESSION, PROJECT, OFFLOAD_BINARY, OFFLOAD_NEEDS, MODAL }

        public Scope {
            Objects.requireNonNull(concern, "concern");
            Objects.requireNonNull(profileId, "profileId");
            if (profileId.isPresent() != (concern == Concern.PROJECT)) {
                throw new IllegalArgumentException("a project check, and only one, names its profile");
            }
        }

        public static Scope project(String profileId) {
            return new Scope(Concern.PROJECT, Optional.of(profileId));
        }

        /** It matters only to Offload runs: without it a session still runs its local runs. */
        public boolean offload() {
            return concern == Concern.OFFLOAD_BINARY || concern == Concern.OFFLOAD_NEEDS || concern == Concern.MODAL;
        }

        /**
         * Whether an Offload run on this provider needs it: Modal credentials only the Modal
         * provider, the rest every provider; nothing else matters to an Offload run.
         */
        public boolean neededByOffloadOn(OffloadProvider provider) {
            return concern == Concern.MODAL ? provider.equals(OffloadProvider.MODAL) : offload();
        }

        /** Whether a session of these profiles needs it, leaving Offload aside. */
        public boolean concernsAny(List<String> profiles) {
            return concern == Concern.SESSION || concern == Concern.PROJECT && profiles.contains(profileId.get());
        }
    }

    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(remedy, "remedy");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(version, "version");
    }

    /** A check that found no tool's version. */
    public CheckResult(String name, Status status, String detail, Optional<String> remedy, Scope scope) {
        this(name, status, detail, remedy, scope, Optional.empty());
    }

    public static boolean anyFailed(List<CheckResult> results) {
        return results.stream().anyMatch(r -> r.status() == Status.FAIL);
    }

    public static CheckResult ok(String name, String detail) {
        return new CheckResult(name, Status.OK, detail, Optional.empty(), Scope.SESSION);
    }

    public static CheckResult fail(String name, String detail, String remedy) {
        return new CheckResult(name, Status.FAIL, detail, Optional.of(remedy), Scope.SESSION);
    }

    public static CheckResult warn(String name, String detail, String remedy) {
        return new CheckResult(name, Status.WARN, detail, Optional.of(remedy), Scope.SESSION);
    }

    public static CheckResult skipped(String name, String detail, String remedy) {
        return new CheckResult(name, Status.SKIPPED, detail, Optional.of(remedy), Scope.SESSION);
    }

    /** The same result, about something else. */
    public CheckResult about(Scope other) {
        return new CheckResult(name, status, detail, remedy, other, version);
    }

    /** The same result, with the version the tool it found printed. */
    public CheckResult withVersion(String toolVersion) {
        return new CheckResult(name, status, detail, remedy, scope, Optional.of(toolVersion));
    }

    /** The same result, marked as mattering only to Offload runs (not the binary itself). */
    public CheckResult forOffload() {
        return about(Scope.OFFLOAD_NEEDS);
    }

    /** It matters only to Offload runs (the offload binary, Modal credentials, the Offload repository). */
    public boolean offloadOnly() {
        return scope.offload();
    }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
