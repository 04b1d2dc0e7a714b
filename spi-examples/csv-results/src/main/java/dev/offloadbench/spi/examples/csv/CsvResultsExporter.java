package dev.offloadbench.spi.examples.csv;

import dev.offloadbench.domain.model.Metrics;
import dev.offloadbench.domain.model.ProjectResults;
import dev.offloadbench.domain.model.RunFigures;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.RunOutcome;
import dev.offloadbench.domain.spi.FinishedSession;
import dev.offloadbench.domain.spi.ResultsExporter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The results format {@code csv}: one row per run of the report (its mean time), with the
 * figures the README shows, computed by the SPI's {@link Metrics} as the README computes them.
 * {@code bench results latest --format csv --output results.csv}, or {@code exporters = ["csv"]}.
 */
public final class CsvResultsExporter implements ResultsExporter {
    static final List<String> HEADER = List.of("session", "project", "kind", "workers", "seconds", "time_percent",
            "speedup", "valid", "reason", "test_count", "max_parallel");

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public void write(FinishedSession session, OutputStream out) throws IOException {
        StringBuilder csv = new StringBuilder(Csv.line(HEADER));
        for (ProjectResults project : session.results().projects()) {
            Optional<RunOutcome> baseline = project.run(RunKind.BASELINE);
            for (RunOutcome run : project.runs()) {
                Optional<RunFigures> figures = baseline.flatMap(b -> figures(run, b));
                csv.append(Csv.line(List.of(session.sessionId(), project.profileId(), run.kind().id(),
                        run.workers().isPresent() ? Integer.toString(run.workers().getAsInt()) : "",
                        run.seconds().toPlainString(),
                        figures.map(RunFigures::percentText).orElse(""),
                        figures.map(RunFigures::speedupText).orElse(""),
                        Boolean.toString(run.validity().valid()), run.validity().reason(),
                        Integer.toString(project.testCount()), Integer.toString(project.maxParallel()))));
            }
        }
        out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<RunFigures> figures(RunOutcome run, RunOutcome baseline) {
        try {
            return Optional.of(Metrics.figures(run.seconds(), baseline.seconds()));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a time that shows as 0.0 s: no ratio
        }
    }
}
