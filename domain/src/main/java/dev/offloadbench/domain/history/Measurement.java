package dev.offloadbench.domain.history;

import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.session.Attempt;
import dev.offloadbench.domain.session.SessionResults;
import dev.offloadbench.domain.session.SessionRun;
import dev.offloadbench.domain.session.Statistics;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** A finished run's timed samples summarised (mean ± σ), and whether it counts. */
public record Measurement(Statistics statistics, Validity validity) {
    public Measurement {
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(validity, "validity");
    }

    /** The run's measurement once it has finished; nothing for a run that did not (skipped, cut short). */
    public static Optional<Measurement> of(SessionRun run) {
        return SessionResults.outcome(run).map(outcome -> new Measurement(
                Statistics.of(run.samples().stream().map(Attempt::seconds).toList()), outcome.validity()));
    }

    public BigDecimal mean() {
        return statistics.mean();
    }

    /** The sample standard deviation; none for one sample. */
    public Optional<BigDecimal> sigma() {
        return statistics.standardDeviation();
    }

    /** How many timed samples. */
    public int count() {
        return statistics.samples().size();
    }

    public boolean valid() {
        return validity.valid();
    }
}
