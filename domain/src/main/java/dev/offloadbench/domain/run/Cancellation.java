package dev.offloadbench.domain.run;

import java.util.ArrayList;
import java.util.List;

/**
 * A request to stop, from another thread (a Ctrl-C handler): whoever is running something
 * registers what stops it, and {@link #cancel()} calls it at once, then and later.
 */
public final class Cancellation {
    private final List<Runnable> onCancel = new ArrayList<>();
    private boolean cancelled;

    public synchronized void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable action : List.copyOf(onCancel)) {
            action.run();
        }
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code action} on cancellation (at once if already cancelled); the returned handle unregisters it. */
    public synchronized Registration onCancel(Runnable action) {
        if (cancelled) {
            action.run();
            return () -> { };
        }
        onCancel.add(action);
        return () -> {
            synchronized (Cancellation.this) {
                onCancel.remove(action);
            }
        };
    }

    /** Undoes an {@link #onCancel} registration. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
