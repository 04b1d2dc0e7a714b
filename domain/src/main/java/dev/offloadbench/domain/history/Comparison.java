package dev.offloadbench.domain.history;

import dev.offloadbench.domain.session.Session;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two sessions side by side: every run either has, judged by {@code rule}; the inputs of the
 * sessions as a whole that differ (their settings); and, for each session, the inputs it did not
 * record (a session older than the recording of them), so that nothing unknown passes for a change.
 *
 * @param unrecorded for a session id, the inputs it holds no record of
 */
public record Comparison(Session before, Session after, NoiseRule rule, List<RunComparison> runs,
        List<Drift> sessionDrift, Map<String, List<String>> unrecorded) {
    public Comparison {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(rule, "rule");
        runs = List.copyOf(runs);
        sessionDrift = List.copyOf(sessionDrift);
        unrecorded = Map.copyOf(unrecorded);
    }

    /** The runs slower beyond noise. */
    public List<RunComparison> slower() {
        return runs.stream().filter(run -> run.change() == Change.SLOWER).toList();
    }

    /** The runs more than {@code percent} percent slower. */
    public List<RunComparison> slowerByMoreThan(BigDecimal percent) {
        return runs.stream().filter(run -> run.slowerByMoreThan(percent)).toList();
    }
}
