package dev.offloadbench.cli.command;

import dev.offloadbench.domain.run.Cancellation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT), a closed terminal (SIGHUP) or {@code kill} (SIGTERM) while a session runs:
 * cancels it, so the running command and everything it started are ended and the session is
 * saved, instead of the JVM dying with children left behind. The previous handlers come back
 * when the session is over.
 */
final class Interrupts implements AutoCloseable {
    /** The signals, with the numbers a shell adds to 128 for the exit code. */
    private static final Map<String, Integer> SIGNALS = Map.of("INT", 2, "HUP", 1, "TERM", 15);

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private volatile int received;

    private Interrupts() {
    }

    static Interrupts cancelling(Cancellation cancellation) {
        Interrupts interrupts = new Interrupts();
        SIGNALS.forEach((name, number) -> {
            try {
                Signal signal = new Signal(name);
                interrupts.previous.put(signal, Signal.handle(signal, s -> {
                    interrupts.received = number;
                    cancellation.cancel();
                }));
            } catch (IllegalArgumentException unsupported) {
                // a signal this platform (or the JVM's own use of it) does not let us handle
            }
        });
        return interrupts;
    }

    /** The exit code a shell reports for the signal that stopped the session (130 for Ctrl-C). */
    OptionalInt exitCode() {
        return received == 0 ? OptionalInt.empty() : OptionalInt.of(128 + received);
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
