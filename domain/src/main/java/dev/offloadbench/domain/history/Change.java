package dev.offloadbench.domain.history;

/** What happened to a run's time between two sessions. */
public enum Change {
    /** Faster beyond noise. */
    FASTER,
    /** Slower beyond noise. */
    SLOWER,
    /** A difference the noise explains. */
    WITHIN_NOISE,
    /** INVALID in either session: its time says nothing, so it is not judged. */
    INVALID,
    /** Finished in one session only. */
    NOT_COMPARED;

    /** As the comparison says it: {@code within noise}. */
    public String describe() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
