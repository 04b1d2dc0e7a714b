package dev.offloadbench.domain.service.running;

import dev.offloadbench.domain.port.out.ProgressListener;
import dev.offloadbench.domain.spi.FinishedRun;
import dev.offloadbench.domain.spi.FinishedSession;
import dev.offloadbench.domain.spi.RunListener;
import dev.offloadbench.domain.spi.StartedSession;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tells every installed listener, one after another. A listener that throws (or whose plugin
 * fails to link) is reported to the progress display and the others are still told: a plugin
 * never stops a session.
 */
final class RunListeners {
    private final List<RunListener> listeners;

    RunListeners(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    void sessionStarted(StartedSession session, ProgressListener progress) {
        tell("sessionStarted", l -> l.sessionStarted(session), progress);
    }

    void runFinished(FinishedRun run, ProgressListener progress) {
        tell("runFinished", l -> l.runFinished(run), progress);
    }

    void sessionFinished(FinishedSession session, ProgressListener progress) {
        tell("sessionFinished", l -> l.sessionFinished(session), progress);
    }

    boolean isEmpty() {
        return listeners.isEmpty();
    }

    private void tell(String event, Consumer<RunListener> call, ProgressListener progress) {
        for (RunListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException | LinkageError e) {
                progress.listenerFailed(listener, event, e);
            }
        }
    }
}
