package dev.offloadbench.domain.port.out;

import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.probe.ProbeResult;
import java.util.List;
import java.util.Map;

/** Hears about each probe as planning runs it: probes run whole recipes, dependencies included, and take time. */
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
}
