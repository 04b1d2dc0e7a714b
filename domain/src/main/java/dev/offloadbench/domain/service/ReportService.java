package dev.offloadbench.domain.service;

import dev.offloadbench.domain.model.BenchmarkReport;
import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.BenchmarkResults.InvalidRun;
import dev.offloadbench.domain.profile.ProjectHeadings;
import dev.offloadbench.domain.port.in.RenderReport;
import dev.offloadbench.domain.port.in.UpdateReadme;
import dev.offloadbench.domain.port.out.ReadmeStore;
import dev.offloadbench.domain.port.out.ReadmeStore.NewSection;
import dev.offloadbench.domain.port.out.ReadmeStore.Preview;
import dev.offloadbench.domain.port.out.ReadmeStore.Replacement;
import dev.offloadbench.domain.port.out.ReadmeStore.SectionRendering;
import dev.offloadbench.domain.port.out.ReadmeStore.WriteRules;
import dev.offloadbench.domain.port.out.ReportRenderer;
import dev.offloadbench.domain.port.out.ResultsReader;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Interrupted;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Renders the Benchmarks section and puts it into a README. */
public final class ReportService implements RenderReport, UpdateReadme {
    private final ResultsReader results;
    private final ProfileRegistry profiles;
    private final ReportAssembler assembler;
    /** Assembles what the template can write: with the spread of the times, whatever the configuration. */
    private final ReportAssembler everything;
    private final ReportRenderer renderer;
    private final ReadmeStore readmes;

    public ReportService(ResultsReader results, ProfileRegistry profiles, ReportRenderer renderer,
            ReadmeStore readmes) {
        this(results, profiles, renderer, readmes, false);
    }

    /** @param notesShowSpread the Notes say when times are means of several runs, with their ± σ */
    public ReportService(ResultsReader results, ProfileRegistry profiles, ReportRenderer renderer,
            ReadmeStore readmes, boolean notesShowSpread) {
        this.results = results;
        this.profiles = profiles;
        this.assembler = new ReportAssembler(profiles, notesShowSpread);
        this.everything = new ReportAssembler(profiles, true);
        this.renderer = renderer;
        this.readmes = readmes;
    }

    @Override
    public String render(Query query) {
        return render(results.read(query.results()), query.template());
    }

    @Override
    public Outcome update(Command command, Runnable waiting, Cancellation cancellation) {
        BenchmarkResults recorded = results.read(command.results());
        List<InvalidRun> invalid = recorded.invalidRuns();
        ProjectHeadings headings = ProjectHeadings.of(profiles.all());
        BenchmarkReport assembled = assembler.assemble(recorded);
        BenchmarkReport complete = everything.assemble(CompleteResults.of(recorded));
        // The store reads the README once (for a replacement, under the update lock) and renders
        // with its section: the projects in the order the README shows them, the introduction true
        // of the subsections it keeps.
        SectionRendering rendering = current -> {
            ExistingSection existing = new ExistingSection(current);
            BenchmarkReport report = existing.arrange(assembled, headings);
            return new NewSection(renderer.render(report, command.template()), headings,
                    report.projects().stream().map(project -> project.profile().id()).collect(Collectors.toSet()),
                    renderer.render(existing.arrange(complete, headings), command.template()));
        };
        if (!invalid.isEmpty() && !command.allowInvalid()) {
            // rendered all the same: a README or template problem is reported even when the runs are INVALID
            rendering.render(readmes.currentSection(command.readme()));
            return new Refused(invalid);
        }
        if (command.dryRun()) {
            Preview preview = readmes.previewSectionReplacement(command.readme(), rendering);
            return new Previewed(preview.diff(), invalid, preview.merge());
        }
        if (cancellation.isCancelled()) {
            throw new Interrupted("the update of README " + command.readme() + " was interrupted before it began;"
                    + " the README is unchanged");
        }
        Replacement replaced = readmes.replaceSection(command.readme(), rendering,
                new WriteRules(command.force(), waiting, cancellation));
        return new Written(command.readme(), replaced.file(), replaced.viaLink(), replaced.changed(),
                replaced.createdFiles(), invalid, replaced.merge());
    }

    private String render(BenchmarkResults recorded, Optional<Path> template) {
        return renderer.render(assembler.assemble(recorded), template);
    }
}
