package dev.offloadbench.domain.service;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.BenchmarkReport;
import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.Metrics;
import dev.offloadbench.domain.model.ProjectReport;
import dev.offloadbench.domain.model.ProjectResults;
import dev.offloadbench.domain.model.ReportRow;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.RunOutcome;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.model.Profile;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes every figure of the report from recorded results; with {@code notesShowSpread}, a
 * project whose runs were timed several times gets one more Notes line saying so, with each
 * run's ± σ (the table itself never changes).
 */
public final class ReportAssembler {
    private final ProfileRegistry profiles;
    private final boolean notesShowSpread;

    public ReportAssembler(ProfileRegistry profiles) {
        this(profiles, false);
    }

    public ReportAssembler(ProfileRegistry profiles, boolean notesShowSpread) {
        this.profiles = profiles;
        this.notesShowSpread = notesShowSpread;
    }

    public BenchmarkReport assemble(BenchmarkResults results) {
        List<ProjectReport> projects = new ArrayList<>();
        for (ProjectResults project : results.projects()) {
            projects.add(assemble(project));
        }
        return new BenchmarkReport(results.machine(), projects);
    }

    private ProjectReport assemble(ProjectResults project) {
        RunOutcome baseline = project.run(RunKind.BASELINE).orElseThrow(() -> new BenchException(
                "project " + project.profileId() + " has no baseline run; every figure is relative to it,"
                        + " so record a \"baseline\" run for it"));
        List<ReportRow> rows = new ArrayList<>();
        for (RunKind kind : RunKind.values()) {
            project.run(kind).ifPresent(run -> rows.add(new ReportRow(kind, run.workers(),
                    figures(project, run, baseline), run.validity())));
        }
        Profile profile = profiles.get(project.profileId());
        if (notesShowSpread) {
            Optional<String> spread = spreadNote(project, rows);
            if (spread.isPresent()) {
                List<String> notes = new ArrayList<>(profile.notes());
                notes.add(spread.get());
                profile = profile.withNotes(notes);
            }
        }
        return new ProjectReport(profile, project.testCount(), project.maxParallel(), project.provider(), rows);
    }

    /**
     * {@code Times (mean of 5 runs, ± σ): n=3 (baseline) 726.0 ± 3.1 s, n=8 447.4 ± 2.0 s,
     * Offload 120.1 ± 4.5 s.}: the runs timed more than once, each as its row names it, the time
     * as the table shows it. Nothing when every run was timed once. (Digits and fixed words only,
     * so the line is its own text when read as a template.)
     */
    static Optional<String> spreadNote(ProjectResults project, List<ReportRow> rows) {
        List<ReportRow> spread = rows.stream()
                .filter(row -> project.run(row.kind()).flatMap(RunOutcome::spread).isPresent()).toList();
        if (spread.isEmpty()) {
            return Optional.empty();
        }
        Set<Integer> counts = new TreeSet<>();
        spread.forEach(row -> counts.add(project.run(row.kind()).orElseThrow().spread().orElseThrow().runs()));
        boolean oneCount = counts.size() == 1;
        List<String> parts = new ArrayList<>();
        for (ReportRow row : spread) {
            RunOutcome.Spread samples = project.run(row.kind()).orElseThrow().spread().orElseThrow();
            String label = switch (row.kind()) {
                case BASELINE -> "n=" + row.workers().getAsInt() + " (baseline)";
                case HIGH -> "n=" + row.workers().getAsInt();
                case OFFLOAD -> "Offload";
            };
            parts.add(label + " " + row.figures().timeText() + " ± "
                    + samples.standardDeviation().setScale(1, RoundingMode.HALF_UP).toPlainString() + " s"
                    + (oneCount ? "" : " (" + samples.runs() + " runs)"));
        }
        return Optional.of("Times (mean of " + (oneCount ? counts.iterator().next() + " runs" : "several runs")
                + ", ± σ): " + String.join(", ", parts) + ".");
    }

    private static dev.offloadbench.domain.model.RunFigures figures(ProjectResults project, RunOutcome run,
            RunOutcome baseline) {
        try {
            return Metrics.figures(run.seconds(), baseline.seconds());
        } catch (IllegalArgumentException e) {
            throw new BenchException(project.profileId() + " " + run.kind() + ": " + e.getMessage(), e);
        }
    }
}
