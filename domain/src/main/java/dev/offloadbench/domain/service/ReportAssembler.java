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
import java.util.ArrayList;
import java.util.List;

/** Computes every figure of the report from recorded results. */
public final class ReportAssembler {
    private final ProfileRegistry profiles;

    public ReportAssembler(ProfileRegistry profiles) {
        this.profiles = profiles;
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
        return new ProjectReport(profiles.get(project.profileId()), project.testCount(), project.maxParallel(),
                project.provider(), rows);
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
