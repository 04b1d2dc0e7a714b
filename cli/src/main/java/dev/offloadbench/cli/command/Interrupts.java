package dev.offloadbench.cli.command;

import dev.offloadbench.domain.run.Cancellation;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) while a session runs: cancels it, so the running command and everything it
 * started are ended and the session is saved, instead of the JVM dying mid-write. The previous
 * handler comes back when the session is over.
 */
public final class Interrupts implements AutoCloseable {
    private static final Signal INT = new Signal("INT");

    private final SignalHandler previous;

    private Interrupts(SignalHandler previous) {
        this.previous = previous;
    }

    public static Interrupts cancelling(Cancellation cancellation) {
        return new Interrupts(Signal.handle(INT, signal -> cancellation.cancel()));
    }

    @Override
    public void close() {
        Signal.handle(INT, previous);
    }
}
