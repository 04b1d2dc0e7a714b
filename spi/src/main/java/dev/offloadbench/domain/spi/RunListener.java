package dev.offloadbench.domain.spi;

/**
 * Told what a benchmark session does, as it happens: to log runs elsewhere, notify someone,
 * export as the session goes. Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.offloadbench.domain.spi.RunListener}); every installed listener
 * hears every session.
 *
 * <p>A listener is only ever called between runs, after the clock of the run before has stopped,
 * never while a run is timed, so it cannot bend a number; it still delays the next run, so keep
 * it quick. A listener that throws is reported and the session goes on without that call. Every
 * method has a default, so the SPI can grow without breaking existing listeners.
 */
public interface RunListener {
    /** A session starts (or is resumed), before its first run. */
    default void sessionStarted(StartedSession session) {
    }

    /** One execution of a run finished (a warm-up or a timed sample) and was recorded. */
    default void runFinished(FinishedRun run) {
    }

    /** The session ended: every run ran, or it was interrupted or timed out (see {@link FinishedSession#complete()}). */
    default void sessionFinished(FinishedSession session) {
    }
}
