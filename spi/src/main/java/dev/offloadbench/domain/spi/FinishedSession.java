package dev.offloadbench.domain.spi;

import dev.offloadbench.domain.model.BenchmarkResults;
import java.util.List;
import java.util.Objects;

/**
 * A session's results, as an exporter or a listener sees them at its end.
 *
 * @param complete every planned run ran (or was skipped for a reason given); false when the
 *     session was interrupted or timed out ({@code bench run --resume} continues it)
 * @param results what the report is made from: each project's runs, one mean time each
 * @param runs every finished execution, warm-ups included, in the order they ran
 */
public record FinishedSession(String sessionId, boolean complete, BenchmarkResults results, List<FinishedRun> runs) {
    public FinishedSession {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(results, "results");
        runs = List.copyOf(runs);
    }
}
