package dev.offloadbench.benchmarks;

import dev.offloadbench.adapters.markdown.HandlebarsReportRenderer;
import dev.offloadbench.domain.model.BenchmarkReport;
import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.Metrics;
import dev.offloadbench.domain.model.ProjectResults;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.RunOutcome;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.profile.BuiltInProfiles;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.service.ReportAssembler;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The report of the published numbers (Sculptor and Mng, baseline, high and Offload runs):
 * {@link Metrics#figures} for one run, assembling the whole report from recorded results, and
 * rendering the Benchmarks section with the built-in Handlebars template. All of it runs once per
 * {@code bench report} or {@code update-readme}, so the goal is only that none of it is ever
 * noticeable: well under a millisecond each.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ReportBenchmark {
    private static final String MACHINE = "MacBook Pro with Apple M4 (10 cores: 4P + 6E), 16 GB RAM";

    private ReportAssembler assembler;
    private BenchmarkResults results;
    private BenchmarkReport report;
    private HandlebarsReportRenderer renderer;
    private BigDecimal[] runSeconds;
    private BigDecimal baselineSeconds;

    @Setup
    public void setUp() {
        assembler = new ReportAssembler(new ProfileRegistry().install(new BuiltInProfiles()));
        results = publishedResults();
        report = assembler.assemble(results);
        renderer = new HandlebarsReportRenderer();
        // unrounded times, as a run records them: figures() rounds them to what the table shows first
        runSeconds = new BigDecimal[] {new BigDecimal("447.4213"), new BigDecimal("120.0987"), new BigDecimal("726.04")};
        baselineSeconds = new BigDecimal("726.0412");
        String section = renderer.render(report, Optional.empty());
        if (!section.contains("120.1") || !section.contains("5,275")) {
            throw new IllegalStateException("the rendered section lacks the published numbers:\n" + section);
        }
    }

    /** The three runs of one project against its baseline: time, percent, speedup and bar width. */
    @Benchmark
    public void figures(Blackhole blackhole) {
        for (BigDecimal run : runSeconds) {
            blackhole.consume(Metrics.figures(run, baselineSeconds));
        }
    }

    /** Every figure of the report from the recorded results, profiles looked up. */
    @Benchmark
    public BenchmarkReport assemble() {
        return assembler.assemble(results);
    }

    /** The Benchmarks section, profile notes (themselves templates) included. */
    @Benchmark
    public String render() {
        return renderer.render(report, Optional.empty());
    }

    /** The published numbers: Sculptor 726.0 / 447.4 / 120.1 s, Mng 345.8 / 266.9 / 185.9 s. */
    static BenchmarkResults publishedResults() {
        return new BenchmarkResults(MACHINE, List.of(
                new ProjectResults("sculptor", 345, 200, List.of(
                        local(RunKind.BASELINE, 3, "726.0"), local(RunKind.HIGH, 8, "447.4"), offload("120.1"))),
                new ProjectResults("mng", 5275, 200, List.of(
                        local(RunKind.BASELINE, 4, "345.8"), local(RunKind.HIGH, 8, "266.9"), offload("185.9")))));
    }

    /** The published numbers rendered as the README's Benchmarks section. */
    public static String publishedSection() {
        BenchmarkReport report = new ReportAssembler(new ProfileRegistry().install(new BuiltInProfiles()))
                .assemble(publishedResults());
        return new HandlebarsReportRenderer().render(report, Optional.empty());
    }

    private static RunOutcome local(RunKind kind, int workers, String seconds) {
        return RunOutcome.local(kind, workers, new BigDecimal(seconds), Validity.VALID);
    }

    private static RunOutcome offload(String seconds) {
        return RunOutcome.offload(new BigDecimal(seconds), Validity.VALID);
    }
}
