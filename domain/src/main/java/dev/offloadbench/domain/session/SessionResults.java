package dev.offloadbench.domain.session;

import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.model.ProjectResults;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.RunOutcome;
import dev.offloadbench.domain.model.Validity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The results document that follows from a session: each finished run's mean time (with the
 * spread of its samples when there are several), INVALID
 * when any of its timed samples is, and each project's test count (the baseline's collected
 * items), Offload parallelism and Offload provider (from the plan).
 */
public final class SessionResults {
    private SessionResults() {
    }

    public static BenchmarkResults of(Session session) {
        List<ProjectResults> projects = new ArrayList<>();
        for (SessionProject project : session.projects()) {
            List<RunOutcome> runs = new ArrayList<>();
            for (SessionRun run : project.runs()) {
                outcome(run).ifPresent(runs::add);
            }
            projects.add(new ProjectResults(project.profileId(), testCount(project), maxParallel(project),
                    provider(project), runs));
        }
        return new BenchmarkResults(session.machine().description(), projects);
    }

    /** The outcome of a finished run: its mean time, valid only when every timed sample is. */
    public static Optional<RunOutcome> outcome(SessionRun run) {
        List<Attempt> samples = run.samples();
        if (run.status() != RunStatus.DONE || samples.isEmpty()) {
            return Optional.empty();
        }
        Statistics statistics = Statistics.of(samples.stream().map(Attempt::seconds).toList());
        Set<String> reasons = new LinkedHashSet<>();
        samples.stream().filter(a -> !a.validity().valid()).forEach(a -> reasons.add(a.validity().reason()));
        Validity validity = reasons.isEmpty() ? Validity.VALID : Validity.invalid(String.join("; ", reasons));
        RunOutcome outcome = new RunOutcome(run.planned().kind(), workersUsed(run, samples), statistics.mean(),
                validity);
        return Optional.of(statistics.standardDeviation()
                .map(sigma -> outcome.withSpread(new RunOutcome.Spread(samples.size(), sigma))).orElse(outcome));
    }

    /**
     * The xdist workers the run really started, as its output said (the same in every sample),
     * else the planned count: the README never shows a count the run did not use.
     */
    private static OptionalInt workersUsed(SessionRun run, List<Attempt> samples) {
        Set<Integer> started = new LinkedHashSet<>();
        for (Attempt sample : samples) {
            sample.tally().workersStarted().ifPresent(started::add);
        }
        if (run.planned().workers().isPresent() && started.size() == 1) {
            return OptionalInt.of(started.iterator().next());
        }
        return run.planned().workers();
    }

    private static int testCount(SessionProject project) {
        for (RunKind kind : RunKind.values()) {
            Optional<SessionRun> run = project.run(kind);
            if (run.isEmpty()) {
                continue;
            }
            for (Attempt attempt : run.get().samples()) {
                OptionalInt collected = attempt.tally().testCount();
                if (collected.isPresent()) {
                    return collected.getAsInt();
                }
            }
        }
        return 0;
    }

    /** The provider of the Offload run's configuration; Modal for a session planned before runs recorded it. */
    private static OffloadProvider provider(SessionProject project) {
        return project.run(RunKind.OFFLOAD).flatMap(r -> r.planned().provider()).orElse(OffloadProvider.MODAL);
    }

    private static int maxParallel(SessionProject project) {
        return project.run(RunKind.OFFLOAD).flatMap(r -> r.planned().maxParallel().isPresent()
                ? Optional.of(r.planned().maxParallel().getAsInt()) : Optional.empty()).orElse(1);
    }
}
