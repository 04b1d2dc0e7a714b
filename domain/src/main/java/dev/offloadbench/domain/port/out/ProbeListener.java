package dev.offloadbench.domain.port.out;

import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.probe.ProbeResult;
import dev.offloadbench.domain.run.LeftoverProcess;
import java.util.List;
import java.util.Map;

/**
 * Hears about each probe as planning runs it (probes run whole recipes, dependencies included, and
 * take time), and about what a bench that died left running, ended before anything ran.
 */
public interface ProbeListener {
    ProbeListener SILENT = new ProbeListener() {
    };

    /**
     * A probe starts.
     *
     * @param purpose what it checks, e.g. "baseline" or "high: XDIST_WORKERS=8"
     */
    default void probeStarted(String profileId, RunKind kind, String purpose, List<String> command,
            Map<String, String> environment) {
    }

    default void probeFinished(String profileId, RunKind kind, ProbeResult result) {
    }

    /**
     * Processes that a bench which died (kill -9) left running were ended before anything ran;
     * {@code sessionId} is the session whose run they belonged to.
     */
    default void leftoversEnded(String sessionId, List<LeftoverProcess> ended) {
    }

    /**
     * Processes that a probe of a bench which died (kill -9) left running were ended before
     * anything ran (a probe belongs to no session).
     */
    default void probeLeftoversEnded(List<LeftoverProcess> ended) {
    }
}
