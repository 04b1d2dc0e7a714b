package dev.offloadbench.domain.session;

/** Where a planned run stands. */
public enum RunStatus {
    /** Not started, or started and not finished (a resumed session runs it again). */
    PENDING,
    /** Every warm-up and sample has run. */
    DONE,
    /** Interrupted by the user; the session stopped there. */
    CANCELLED,
    /** Ran past --timeout; the session stopped there. */
    TIMED_OUT,
    /** Not run, for the reason given (offload not installed, say). */
    SKIPPED
}
