package dev.offloadbench.adapters.markdown;

import dev.offloadbench.domain.model.BenchmarkReport;
import dev.offloadbench.domain.model.KeptSubsection;
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
        context.put("runnerLabel", project.profile().runnerLabel());
        context.put("testCount", project.testCountText());
        context.put("maxParallel", project.maxParallel());
        context.put("provider", project.provider().displayName());
        context.put("sandboxes", project.provider().sandboxes());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReportRow row : project.rows()) {
            context.put(row.kind().id(), run(row));
            rows.add(row(row));
        }
        context.put("rows", rows);
        return context;
    }

    /**
     * What the section as a whole says about Offload, its kept subsections included: whether any
     * Offload ran ({@code offloadRun}), with which providers ({@code offloadProviders}: "Modal
     * provider", "Modal and local providers"), and, when some did, the projects it did not run for
     * ({@code offloadNotRunFor}: "Mng", or empty).
     */
    static Map<String, Object> offload(BenchmarkReport report) {
        List<String> providers = new ArrayList<>();
        List<String> notRunFor = new ArrayList<>();
        for (ProjectReport project : report.projects()) {
            if (project.row(RunKind.OFFLOAD).isPresent()) {
                addOnce(providers, project.provider().displayName());
            } else {
                notRunFor.add(project.profile().title());
            }
        }
        for (KeptSubsection kept : report.kept()) {
            kept.offloadProvider().ifPresentOrElse(provider -> addOnce(providers, provider),
                    () -> notRunFor.add(kept.name()));
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("offloadRun", !providers.isEmpty());
        context.put("offloadProviders", providers.isEmpty() ? ""
                : and(providers) + (providers.size() == 1 ? " provider" : " providers"));
        context.put("offloadNotRunFor", providers.isEmpty() ? "" : and(notRunFor));
        return context;
    }

    private static void addOnce(List<String> words, String word) {
        if (!words.contains(word)) {
            words.add(word);
        }
    }

    /** "a", "a and b", "a, b and c". */
    private static String and(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
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
