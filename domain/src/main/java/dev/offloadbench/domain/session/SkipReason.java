package dev.offloadbench.domain.session;

/** Why a run was skipped, for code to decide by; the run's reason says it for people. */
public enum SkipReason {
    /** {@code --kinds} left it out (a baseline planned only to set the high run's count). */
    NOT_REQUESTED,
    /** Offload (or what it needs) is missing and the configuration makes Offload optional. */
    OFFLOAD_UNAVAILABLE
}
