package dev.offloadbench.domain.port.out;

/** Makes benchmark sessions exclusive across processes: never two at once on this machine. */
public interface SessionLock {
    /**
     * Takes the lock at once or fails.
     *
     * @throws dev.offloadbench.domain.BenchException naming the holder (pid, since when) when another
     *     session holds it
     */
    Held acquire();

    /** The lock, held until closed (or until this process ends, however it ends). */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
