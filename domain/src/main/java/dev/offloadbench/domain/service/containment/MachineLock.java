package dev.offloadbench.domain.service.containment;

import dev.offloadbench.domain.port.out.ProbeListener;
import dev.offloadbench.domain.port.out.RunExecutor;
import dev.offloadbench.domain.port.out.RunProbe;
import dev.offloadbench.domain.port.out.SessionLock;
import dev.offloadbench.domain.port.out.SessionStore;
import dev.offloadbench.domain.run.LeftoverProcess;
import dev.offloadbench.domain.session.Session;
import java.util.List;

/**
 * The machine's lock, as whatever runs recipes takes it: a session (which probes, then times) and
 * {@code bench plan --probe} (whose probes run recipes too). It is taken at once or refused,
 * naming its holder; once it is taken, and before anything runs, whatever a bench that died
 * (kill -9) left running is ended: every process carrying the marker of a run a stored session
 * still records as under way, or of a probe recorded beside the lock. Holding the lock, no live
 * bench of this state folder owns such a marker. Each record is cleared once its processes are
 * gone, and what the dead probe left on disk (its temporary folder) removed.
 */
public final class MachineLock {
    private final SessionLock lock;
    private final SessionStore store;
    private final RunExecutor executor;
    private final RunProbe probe;

    /**
     * @param executor ends the processes that carry a dead bench's markers
     * @param probe removes what a dead bench's probes left on disk
     */
    public MachineLock(SessionLock lock, SessionStore store, RunExecutor executor, RunProbe probe) {
        this.lock = lock;
        this.store = store;
        this.executor = executor;
        this.probe = probe;
    }

    /**
     * Takes the lock, then ends what a dead bench left running, telling {@code listener}.
     *
     * @throws dev.offloadbench.domain.BenchException naming the holder when another bench holds the
     *     lock, or naming the leftovers that could not be ended (the lock is then released)
     */
    public SessionLock.Held take(ProbeListener listener) {
        SessionLock.Held held = lock.acquire();
        try {
            endLeftovers(held, listener);
            return held;
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
    }

    private void endLeftovers(SessionLock.Held held, ProbeListener listener) {
        for (Session stored : store.list()) {
            if (stored.running().isEmpty()) {
                continue;
            }
            List<LeftoverProcess> ended = executor.endLeftovers(List.of(stored.running().get().marker()));
            if (!ended.isEmpty()) {
                listener.leftoversEnded(stored.id(), ended);
            }
            store.save(stored.withoutRunning());
        }
        List<String> probes = held.recordedProbes();
        if (!probes.isEmpty()) {
            List<LeftoverProcess> ended = executor.endLeftovers(probes);
            if (!ended.isEmpty()) {
                listener.probeLeftoversEnded(ended);
            }
            probe.discardLeftovers(probes);
            probes.forEach(held::clearProbe);
        }
    }
}
