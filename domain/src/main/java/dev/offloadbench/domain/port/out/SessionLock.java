package dev.offloadbench.domain.port.out;

import java.util.List;

/**
 * Makes benchmark sessions, and probes, exclusive across processes: never two at once on this
 * machine, since both run recipes.
 */
public interface SessionLock {
    /**
     * Takes the lock at once or fails.
     *
     * @throws dev.offloadbench.domain.BenchException naming the holder (pid, since when) when another
     *     session holds it
     */
    Held acquire();

    /**
     * The lock, held until closed (or until this process ends, however it ends). Beside it, the
     * holder records the markers of the probes it runs (they belong to no session), so that,
     * should it die while probing, the next holder finds what they left running.
     */
    interface Held extends AutoCloseable {
        /** The process that holds the lock: this one. */
        long holderPid();

        /**
         * The markers of probes recorded and not cleared: right after the lock was taken, those
         * of probes a holder that died (kill -9) left running.
         */
        List<String> recordedProbes();

        /**
         * Records a probe's marker before the probe starts: written atomically, readable by the
         * owner alone.
         *
         * @throws dev.offloadbench.domain.BenchException when the record cannot be written (then the
         *     probe must not start)
         */
        void recordProbe(String marker);

        /** The probe's processes are gone: its record goes. */
        void clearProbe(String marker);

        @Override
        void close();
    }
}
