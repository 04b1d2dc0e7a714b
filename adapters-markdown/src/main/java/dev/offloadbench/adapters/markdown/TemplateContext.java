package dev.offloadbench.adapters.markdown;

import dev.offloadbench.domain.model.ProjectReport;
import dev.offloadbench.domain.model.ReportRow;
import dev.offloadbench.domain.model.RunFigures;
import dev.offloadbench.domain.model.RunKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values templates see, as plain maps and lists so that Handlebars needs no reflection.
 * Figures are the report's own text forms, so nothing here depends on the locale.
 */
final class TemplateContext {
    private TemplateContext() {
    }

    /** A project's facts and figures, without its Notes (which are rendered from this very map). */
    static Map<String, Object> project(ProjectReport project) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("id", project.profile().id());
        context.put("title", project.profile().title());
        context.put("suiteLabel", project.profile().suiteLabel());
        context.put("testCount", project.testCountText());
        context.put("maxParallel", project.maxParallel());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReportRow row : project.rows()) {
            context.put(row.kind().id(), run(row));
            rows.add(row(row));
        }
        context.put("rows", rows);
        return context;
    }

    /** A table row: the run's figures plus its kind, both as {@code kind} and as a flag per kind. */
    static Map<String, Object> row(ReportRow row) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("kind", row.kind().id());
        for (RunKind kind : RunKind.values()) {
            context.put(kind.id(), row.kind() == kind);
        }
        context.putAll(run(row));
        return context;
    }

    /** What {@code baseline}, {@code high} and {@code offload} hold when that run was recorded. */
    private static Map<String, Object> run(ReportRow row) {
        RunFigures figures = row.figures();
        Map<String, Object> context = new LinkedHashMap<>();
        row.workers().ifPresent(workers -> context.put("workers", workers));
        context.put("time", figures.timeText());
        context.put("percent", figures.percentText());
        context.put("speedup", figures.speedupText());
        context.put("barWidth", figures.barWidth());
        context.put("valid", row.validity().valid());
        context.put("reason", row.validity().reason());
        return context;
    }
}
