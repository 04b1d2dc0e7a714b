package dev.offloadbench.domain.run;

import dev.offloadbench.domain.BenchException;

/**
 * The user interrupted work before it had changed anything: a probe before the first run, a
 * README update before its file was replaced.
 */
public final class Interrupted extends BenchException {
    private static final long serialVersionUID = 1L;

    public Interrupted(String message) {
        super(message);
    }
}
