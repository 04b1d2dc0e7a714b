package dev.offloadbench.cli.output;

import dev.offloadbench.domain.model.Metrics;
import dev.offloadbench.domain.model.RunFigures;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.RunOutcome;
import dev.offloadbench.domain.session.Attempt;
import dev.offloadbench.domain.session.RunStatus;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionProject;
import dev.offloadbench.domain.session.SessionResults;
import dev.offloadbench.domain.session.SessionRun;
import dev.offloadbench.domain.session.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The session as a table, one row per run: project, kind, workers, time (mean ± σ over the
 * samples), valid or INVALID with the reason, Time (%) and speedup against the baseline; then
 * the INVALID runs and the warm-ups that failed.
 */
public final class SessionTable {
    private SessionTable() {
    }

    public static String write(Session session) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Project", "Kind", "Workers", "Time (s)", "Status", "Time (%)", "Speedup"});
        List<String> invalid = new ArrayList<>();
        List<String> warmups = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (SessionProject project : session.projects()) {
            Optional<RunOutcome> baseline = project.run(RunKind.BASELINE).flatMap(SessionResults::outcome);
            for (SessionRun run : project.runs()) {
                Optional<RunOutcome> outcome = SessionResults.outcome(run);
                String workers = workers(run, outcome);
                String time = outcome.map(o -> time(run)).orElse("-");
                String status = outcome.map(o -> o.validity().valid() ? "valid" : "INVALID (" + o.validity().reason() + ")")
                        .orElse(describe(run));
                String percent = "";
                String speedup = "";
                if (outcome.isPresent() && baseline.isPresent()) {
                    try {
                        RunFigures figures = Metrics.figures(outcome.get().seconds(), baseline.get().seconds());
                        percent = figures.percentText() + "%";
                        speedup = figures.speedupText() + "x";
                    } catch (IllegalArgumentException e) {
                        percent = "n/a";
                    }
                }
                rows.add(new String[] {project.profileId(), run.planned().kind().id(), workers, time, status, percent,
                        speedup});
                outcome.filter(o -> !o.validity().valid()).ifPresent(o -> invalid.add(
                        project.profileId() + " " + run.planned().kind() + ": " + o.validity().reason()));
                if (run.status() == RunStatus.SKIPPED) {
                    skipped.add(project.profileId() + " " + run.planned().kind() + ": " + run.reason());
                }
                run.warmups().stream().filter(a -> !a.validity().valid()).forEach(a -> warmups.add(
                        project.profileId() + " " + run.planned().kind() + " warm-up: " + a.validity().reason()));
            }
        }
        StringBuilder text = new StringBuilder(TextTable.of(rows));
        if (!invalid.isEmpty()) {
            text.append("\nINVALID runs (their tests failed or did not run; their times are not to be trusted):\n");
            invalid.forEach(line -> text.append("  ").append(line).append("\n"));
        }
        if (!skipped.isEmpty()) {
            text.append("\nSkipped runs:\n");
            skipped.forEach(line -> text.append("  ").append(line).append("\n"));
        }
        if (!warmups.isEmpty()) {
            text.append("\nWarm-ups that were not valid (their times are discarded anyway):\n");
            warmups.forEach(line -> text.append("  ").append(line).append("\n"));
        }
        return text.toString();
    }

    /**
     * The workers the README shows (what xdist's output said it started, else the count a probe
     * verified), marked when neither confirmed it; Offload's parallelism for an Offload run.
     */
    private static String workers(SessionRun run, Optional<RunOutcome> outcome) {
        // the workers the run really used (xdist may start fewer than planned), else the plan's
        OptionalInt count = outcome.map(RunOutcome::workers).filter(OptionalInt::isPresent)
                .orElse(run.planned().workers());
        if (count.isPresent()) {
            boolean confirmed = run.planned().verified()
                    || run.samples().stream().anyMatch(a -> a.tally().workersStarted().isPresent());
            return count.getAsInt() + (confirmed ? "" : " (unverified)");
        }
        return run.planned().maxParallel().isPresent() ? "max " + run.planned().maxParallel().getAsInt() : "";
    }

    private static String time(SessionRun run) {
        Statistics statistics = Statistics.of(run.samples().stream().map(Attempt::seconds).toList());
        String mean = Metrics.shownTime(statistics.mean()).toPlainString();
        return statistics.standardDeviation()
                .map(sd -> mean + " ± " + sd.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString()
                        + " (n=" + statistics.samples().size() + ")")
                .orElse(mean);
    }

    private static String describe(SessionRun run) {
        return switch (run.status()) {
            case SKIPPED -> "skipped";
            case CANCELLED -> "interrupted";
            case TIMED_OUT -> "timed out";
            case PENDING -> "not run";
            case DONE -> "no sample";
        };
    }

    /** Whether a finished session's results hold any INVALID run, or a run that timed out. */
    public static boolean anyInvalid(Session session) {
        return !SessionResults.of(session).invalidRuns().isEmpty()
                || session.entries().stream().anyMatch(e -> e.run().status() == RunStatus.TIMED_OUT);
    }
}
