package dev.offloadbench.domain.service;

import dev.offloadbench.domain.model.BenchmarkReport;
import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.BenchmarkResults.InvalidRun;
import dev.offloadbench.domain.port.in.RenderReport;
import dev.offloadbench.domain.port.in.UpdateReadme;
import dev.offloadbench.domain.port.out.ReadmeStore;
import dev.offloadbench.domain.port.out.ReportRenderer;
import dev.offloadbench.domain.port.out.ResultsReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Renders the Benchmarks section and puts it into a README. */
public final class ReportService implements RenderReport, UpdateReadme {
    private final ResultsReader results;
    private final ReportAssembler assembler;
    private final ReportRenderer renderer;
    private final ReadmeStore readmes;

    public ReportService(ResultsReader results, ReportAssembler assembler, ReportRenderer renderer,
            ReadmeStore readmes) {
        this.results = results;
        this.assembler = assembler;
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
        BenchmarkReport report = ReportOrder.asIn(readmes.currentSection(command.readme()),
                assembler.assemble(recorded));
        String section = renderer.render(report, command.template());
        if (!invalid.isEmpty() && !command.allowInvalid()) {
            return new Refused(invalid);
        }
        if (command.dryRun()) {
            return new Previewed(readmes.previewSectionReplacement(command.readme(), section), invalid);
        }
        List<Path> created = readmes.replaceSection(command.readme(), section);
        return new Written(command.readme(), created, invalid);
    }

    private String render(BenchmarkResults recorded, Optional<Path> template) {
        return renderer.render(assembler.assemble(recorded), template);
    }
}
