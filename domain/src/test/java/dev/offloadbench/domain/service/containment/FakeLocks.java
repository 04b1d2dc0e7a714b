package dev.offloadbench.domain.service.containment;

import static org.mockito.Mockito.mock;

import dev.offloadbench.domain.port.out.RunExecutor;
import dev.offloadbench.domain.port.out.RunProbe;
import dev.offloadbench.domain.port.out.SessionLock;
import dev.offloadbench.domain.port.out.SessionStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The machine's lock for tests: always free, its probe records kept in memory. */
public final class FakeLocks {
    private FakeLocks() {
    }

    /** A machine lock that nothing else holds and that no dead bench left anything under. */
    public static MachineLock free(RecordingHeld held) {
        return new MachineLock(() -> held.open(), mock(SessionStore.class), mock(RunExecutor.class),
                mock(RunProbe.class));
    }

    /** A held lock that keeps the probes' records in memory and tells what happened, in order. */
    public static final class RecordingHeld implements SessionLock.Held {
        /** "taken", "record MARKER", "clear MARKER", "released", in order. */
        public final List<String> events = new ArrayList<>();
        private final Set<String> recorded = new LinkedHashSet<>();

        RecordingHeld open() {
            events.add("taken");
            return this;
        }

        @Override
        public long holderPid() {
            return 4242;
        }

        @Override
        public synchronized List<String> recordedProbes() {
            return List.copyOf(recorded);
        }

        @Override
        public synchronized void recordProbe(String marker) {
            events.add("record " + marker);
            recorded.add(marker);
        }

        @Override
        public synchronized void clearProbe(String marker) {
            events.add("clear " + marker);
            recorded.remove(marker);
        }

        @Override
        public void close() {
            events.add("released");
        }
    }
}
