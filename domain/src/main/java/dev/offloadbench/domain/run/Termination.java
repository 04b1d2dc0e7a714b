package dev.offloadbench.domain.run;

/** How a run's process ended. */
public enum Termination {
    /** It exited by itself. */
    EXITED,
    /** It ran past the timeout and was ended, with every process it started. */
    TIMED_OUT,
    /** The user interrupted it (Ctrl-C); it was ended, with every process it started. */
    CANCELLED
}
