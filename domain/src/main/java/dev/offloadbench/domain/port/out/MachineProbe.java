package dev.offloadbench.domain.port.out;

import java.util.List;
import java.util.Optional;

/** What this machine is and how busy it is. */
public interface MachineProbe {
    /** E.g. "Linux machine with Intel(R) Xeon(R) CPU @ 2.20GHz (2 cores), 24 GB RAM", when it can be told. */
    Optional<String> describe();

    /** The logical CPUs available (what xdist's {@code -n auto} uses). */
    int cores();

    /** The 1-minute load average and the busiest processes right now. */
    Load load();

    record Load(double oneMinute, int cores, List<BusyProcess> busiest) {
        public Load {
            busiest = List.copyOf(busiest);
        }

        /** Busy enough to disturb a benchmark: more runnable work than half the cores. */
        public boolean isHigh() {
            return oneMinute > Math.max(1.0, cores * 0.5);
        }
    }

    record BusyProcess(long pid, String command, double cpuPercent) {
    }
}
