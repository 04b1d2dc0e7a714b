package dev.offloadbench.adapters.markdown;

import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import com.github.jknack.handlebars.io.FileTemplateLoader;
import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.BenchmarkReport;
import dev.offloadbench.domain.model.ProjectReport;
import dev.offloadbench.domain.port.out.ReportRenderer;
import dev.offloadbench.files.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the Benchmarks section with Handlebars. The built-in template
 * ({@code templates/benchmarks.hbs}) reproduces the benchmark procedure's template exactly; a
 * user's template file is compiled instead when one is given. Nothing is HTML-escaped: values
 * appear exactly as recorded.
 *
 * <p>Every template sees:
 * <pre>
 * machine                      the machine description, verbatim
 * offloadRun                   true when any project has an Offload run
 * offloadProviders             their providers: "Modal provider", "Modal and local providers"
 * offloadNotRunFor             the titles of projects without an Offload run when others have one
 *                              ("Mng", "Mng and Sculptor"), else ""
 *                              (these three speak of the whole section: for an update, the README
 *                              subsections it keeps count too, by the Offload row each one shows)
 * projects[]                   in report order, each with
 *   id, title, suiteLabel      from the project's profile
 *   runnerLabel                the runner as the local rows name it: "pytest with xdist" (the
 *                              default), "cargo-nextest", ...
 *   testCount                  with a thousands separator: "5,275"
 *   maxParallel                Offload's max_parallel
 *   provider                   Offload's provider, as the Offload row names it: "Modal", "local"
 *   sandboxes                  what Offload fans out to: "isolated Modal sandboxes", "local processes"
 *   baseline, high, offload    the run's figures (below), absent when the run was not recorded
 *   rows[]                     one per recorded run, in order: the run's figures plus
 *                              kind ("baseline", "high" or "offload") and the flags
 *                              baseline / high / offload (true for the row's own kind)
 *   notes[]                    the profile's Notes lines, already rendered, blank ones left out
 * run figures: workers (absent for Offload), time ("447.4"), percent ("61.6"), speedup ("1.62"),
 *              barWidth (92), valid (true/false), reason (why the run is INVALID, else "")
 * </pre>
 * A Notes line is itself a template. It sees the fields of its own project (not {@code notes}),
 * {@code machine}, and {@code projects} as a map from id to every project of the report, so
 * {@code {{projects.sculptor.offload.speedup}}} works and {@code {{#if projects.sculptor}}} tells
 * whether Sculptor is in the report.
 *
 * <p>A line holding nothing but a block tag ({@code {{#each rows}}}, {@code {{/if}}}) is
 * standalone: it is removed together with its line break, as in Mustache.
 */
public final class HandlebarsReportRenderer implements ReportRenderer {
    private static final String BUILT_IN = "templates/benchmarks.hbs";
    private static final String BUILT_IN_HINT = "the built-in template is broken; please report this bug";
    private static final String USER_HINT = "fix the template there (Handlebars syntax: https://handlebarsjs.com/guide/)";

    private final HandlebarsTemplates builtInTemplates =
            new HandlebarsTemplates(new ClassPathTemplateLoader("/templates", ".hbs"));
    /** Compiled when first rendered with: a command given a template of its own never compiles it. */
    private Template builtIn;
    private final ProfileNotes notes = new ProfileNotes(builtInTemplates);

    public HandlebarsReportRenderer() {
        // nothing to configure: the built-in template ships inside the jar
    }

    @Override
    public String render(BenchmarkReport report, Optional<Path> template) {
        Map<String, Object> context = context(report);
        if (template.isEmpty()) {
            return HandlebarsTemplates.apply(builtIn(), context, BUILT_IN, BUILT_IN_HINT);
        }
        Path file = template.get();
        String name = file.toString();
        // partials ({{> name}}) are looked up as name.hbs beside the template
        Path folder = file.toAbsolutePath().getParent();
        HandlebarsTemplates templates = new HandlebarsTemplates(new FileTemplateLoader(folder.toFile(), ".hbs"));
        Template compiled = templates.compile(name, readTemplate(file), USER_HINT);
        return HandlebarsTemplates.apply(compiled, context, name, USER_HINT);
    }

    private synchronized Template builtIn() {
        if (builtIn == null) {
            builtIn = builtInTemplates.compile(BUILT_IN, readBuiltIn(), BUILT_IN_HINT);
        }
        return builtIn;
    }

    private Map<String, Object> context(BenchmarkReport report) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (ProjectReport project : report.projects()) {
            byId.put(project.profile().id(), TemplateContext.project(project));
        }
        List<Map<String, Object>> projects = new ArrayList<>();
        for (ProjectReport project : report.projects()) {
            Map<String, Object> figures = byId.get(project.profile().id());
            Map<String, Object> noteContext = new LinkedHashMap<>(figures);
            noteContext.put("machine", report.machine());
            noteContext.put("projects", byId);
            Map<String, Object> withNotes = new LinkedHashMap<>(figures);
            withNotes.put("notes", notes.render(project, noteContext));
            projects.add(withNotes);
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("machine", report.machine());
        context.putAll(TemplateContext.offload(report));
        context.put("projects", projects);
        return context;
    }

    private static String readTemplate(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BenchException("template file " + file + " does not exist; check the template path", e);
        } catch (AccessDeniedException e) {
            throw new BenchException("template file " + file + " cannot be read (permission denied); make it readable",
                    e);
        } catch (MalformedInputException e) {
            throw new BenchException("template file " + file + " is not UTF-8 text; save it as UTF-8", e);
        } catch (IOException e) {
            throw new BenchException("cannot read template file " + file + ": " + AtomicFile.reason(e)
                    + "; check that it is a readable file", e);
        }
    }

    private static String readBuiltIn() {
        try (InputStream in = HandlebarsReportRenderer.class.getResourceAsStream("/" + BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUILT_IN, e);
        }
    }
}
