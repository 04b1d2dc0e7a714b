package dev.offloadbench.domain.run;

import dev.offloadbench.domain.BenchException;

/** The user interrupted work that had recorded nothing yet (a probe before the first run). */
public final class Interrupted extends BenchException {
    private static final long serialVersionUID = 1L;

    public Interrupted(String message) {
        super(message);
    }
}
