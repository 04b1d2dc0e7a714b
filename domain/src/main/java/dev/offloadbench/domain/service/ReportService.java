package dev.offloadbench.domain.service;

import dev.offloadbench.domain.model.BenchmarkReport;
import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.BenchmarkResults.InvalidRun;
import dev.offloadbench.domain.port.in.RenderReport;
import dev.offloadbench.domain.port.in.UpdateReadme;
import dev.offloadbench.domain.port.out.ReadmeStore;
import dev.offloadbench.domain.port.out.ReportRenderer;
import dev.offloadbench.domain.port.out.ResultsReader;
import dev.offloadbench.domain.profile.ProfileRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Renders the Benchmarks section and puts it into a README. */
public final class ReportService implements RenderReport, UpdateReadme {
    private final ResultsReader results;
    private final ProfileRegistry profiles;
    private final ReportAssembler assembler;
    private final ReportRenderer renderer;
    private final ReadmeStore readmes;

    public ReportService(ResultsReader results, ProfileRegistry profiles, ReportRenderer renderer,
            ReadmeStore readmes) {
        this.results = results;
        this.profiles = profiles;
        this.assembler = new ReportAssembler(profiles);
        this.renderer = renderer;
        this.readmes = readmes;
    }

    @Override
    public String render(Query query) {
        return render(results.read(query.results()), query.template());
    }

    @Override
    public Outcome update(Command command) {
        BenchmarkResults recorded = results.read(command.results());
        List<InvalidRun> invalid = recorded.invalidRuns();
        // Render first: a results or template problem is reported even when the runs are INVALID.
        ExistingSection existing = new ExistingSection(readmes.currentSection(command.readme()));
        BenchmarkReport report = existing.order(assembler.assemble(recorded));
        String section = renderer.render(report, command.template());
        List<String> kept = existing.headingsToKeep(report, profiles.all());
        if (!invalid.isEmpty() && !command.allowInvalid()) {
            return new Refused(invalid);
        }
        if (command.dryRun()) {
            return new Previewed(readmes.previewSectionReplacement(command.readme(), section, kept), invalid, kept);
        }
        List<Path> created = readmes.replaceSection(command.readme(), section, kept);
        return new Written(command.readme(), created, invalid, kept);
    }

    private String render(BenchmarkResults recorded, Optional<Path> template) {
        return renderer.render(assembler.assemble(recorded), template);
    }
}
