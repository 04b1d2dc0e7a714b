package dev.offloadbench.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.BenchmarkReport;
import dev.offloadbench.domain.model.ReportRow;
import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.KeptSubsection;
import dev.offloadbench.domain.model.ProjectResults;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.RunOutcome;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.port.in.UpdateReadme;
import dev.offloadbench.domain.port.out.ReadmeStore;
import dev.offloadbench.domain.port.out.ReadmeStore.Merge;
import dev.offloadbench.domain.port.out.ReadmeStore.NewSection;
import dev.offloadbench.domain.port.out.ReadmeStore.Preview;
import dev.offloadbench.domain.port.out.ReadmeStore.Replacement;
import dev.offloadbench.domain.port.out.ReadmeStore.Subsection;
import dev.offloadbench.domain.port.out.ReadmeStore.WriteRules;
import dev.offloadbench.domain.port.out.ReportRenderer;
import dev.offloadbench.domain.port.out.ResultsReader;
import dev.offloadbench.domain.profile.BuiltInProfiles;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Interrupted;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class ReportServiceTest {
    private static final Path RESULTS = Path.of("r.json");
    private static final Path README = Path.of("README.md");

    @Mock
    ResultsReader reader;
    @Mock
    ReportRenderer renderer;
    final FakeReadmes readmes = new FakeReadmes();

    ReportService service;

    /**
     * A README holding {@link #current} as its section; renders the new section from it as the real
     * store does (once, for a preview or a replacement) and keeps what it would have written.
     */
    static final class FakeReadmes implements ReadmeStore {
        String current = "## Benchmarks\n";
        int reads;
        NewSection written;
        NewSection previewed;
        WriteRules rules;
        Preview preview = new Preview("", NO_MERGE);
        java.util.function.Function<WriteRules, Replacement> replacement = rules -> written();

        @Override
        public String currentSection(Path readme) {
            assertThat(readme).isEqualTo(README);
            reads++;
            return current;
        }

        @Override
        public Preview previewSectionReplacement(Path readme, SectionRendering rendering) {
            previewed = rendering.render(currentSection(readme));
            return preview;
        }

        @Override
        public Replacement replaceSection(Path readme, SectionRendering rendering, WriteRules rules) {
            NewSection section = rendering.render(currentSection(readme));
            this.rules = rules;
            Replacement replaced = replacement.apply(rules);
            written = section;
            return replaced;
        }
    }

    @BeforeEach
    void setUp() {
        service = new ReportService(reader, new ProfileRegistry().install(new BuiltInProfiles()), renderer, readmes);
    }

    private static BenchmarkResults results(Validity offloadValidity) {
        return new BenchmarkResults("a machine", List.of(new ProjectResults("sculptor", 345, 200, List.of(
                RunOutcome.local(RunKind.BASELINE, 3, new BigDecimal("726.0"), Validity.VALID),
                RunOutcome.local(RunKind.HIGH, 8, new BigDecimal("447.4"), Validity.VALID),
                RunOutcome.offload(new BigDecimal("120.1"), offloadValidity)))));
    }

    private static final Merge NO_MERGE = new Merge(List.of(), List.of(), List.of());

    private static Replacement written() {
        return new Replacement(README, false, true, NO_MERGE, List.of());
    }

    private UpdateReadme.Command command(boolean dryRun, boolean allowInvalid) {
        return new UpdateReadme.Command(RESULTS, README, Optional.empty(), dryRun, allowInvalid);
    }

    @Test
    void rendersTheAssembledReport() {
        when(reader.read(RESULTS)).thenReturn(results(Validity.VALID));
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");

        assertThat(service.render(new dev.offloadbench.domain.port.in.RenderReport.Query(RESULTS, Optional.empty())))
                .isEqualTo("## Benchmarks\n");

        ArgumentCaptor<BenchmarkReport> report = ArgumentCaptor.forClass(BenchmarkReport.class);
        verify(renderer).render(report.capture(), any());
        assertThat(report.getValue().projects().get(0).row(RunKind.OFFLOAD).orElseThrow().figures().speedupText())
                .isEqualTo("6.04");
    }

    @Test
    void refusesToUpdateWhenARunIsInvalid() {
        when(reader.read(RESULTS)).thenReturn(results(Validity.invalid("3 failed")));
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");

        UpdateReadme.Outcome outcome = service.update(command(false, false));

        assertThat(outcome).isInstanceOf(UpdateReadme.Refused.class);
        assertThat(((UpdateReadme.Refused) outcome).invalidRuns()).extracting(Object::toString)
                .containsExactly("sculptor offload: 3 failed");
        assertThat(readmes.written).isNull();
        assertThat(readmes.previewed).isNull();
        verify(renderer, org.mockito.Mockito.times(2)).render(any(), any());
    }

    @Test
    void updatesDespiteInvalidRunsWhenAllowed() {
        when(reader.read(RESULTS)).thenReturn(results(Validity.invalid("3 failed")));
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");
        UpdateReadme.Outcome outcome = service.update(command(false, true));

        assertThat(outcome).isInstanceOf(UpdateReadme.Written.class);
        assertThat(((UpdateReadme.Written) outcome).invalidRuns()).hasSize(1);
        assertThat(readmes.reads).as("the README is read once, by the replacement").isEqualTo(1);
    }

    @Test
    void aDryRunPreviewsAndWritesNothing() {
        when(reader.read(RESULTS)).thenReturn(results(Validity.VALID));
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");
        readmes.preview = new Preview("--- a\n+++ b\n", NO_MERGE);

        UpdateReadme.Outcome outcome = service.update(command(true, false));

        assertThat(outcome).isEqualTo(new UpdateReadme.Previewed("--- a\n+++ b\n", List.of(), NO_MERGE));
        assertThat(readmes.written).isNull();
        assertThat(readmes.reads).isEqualTo(1);
    }

    @Test
    void keepsTheOrderOfTheProjectsTheReadmeAlreadyShows() {
        BenchmarkResults mngFirst = new BenchmarkResults("m", List.of(
                new ProjectResults("mng", 10, 20, List.of(
                        RunOutcome.local(RunKind.BASELINE, 4, new BigDecimal("345.8"), Validity.VALID))),
                new ProjectResults("sculptor", 3, 20, List.of(
                        RunOutcome.local(RunKind.BASELINE, 3, new BigDecimal("726.0"), Validity.VALID)))));
        when(reader.read(RESULTS)).thenReturn(mngFirst);
        readmes.current = "## Benchmarks\n\n### Sculptor Integration Tests (Playwright)\n"
                + "\n### Mng Unit + Integration Tests\n";
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");

        service.update(command(true, false));

        ArgumentCaptor<BenchmarkReport> report = ArgumentCaptor.forClass(BenchmarkReport.class);
        verify(renderer, org.mockito.Mockito.times(2)).render(report.capture(), any());
        assertThat(report.getAllValues().get(0).projects()).extracting(p -> p.profile().id()).containsExactly("sculptor", "mng");
    }

    @Test
    void tellsTheStoreWhichProjectsTheSectionReportsAndHowToRecogniseTheirSubsections() {
        when(reader.read(RESULTS)).thenReturn(results(Validity.VALID)); // sculptor only
        readmes.current = "## Benchmarks\n\n### Mng Integration Tests\n\nold\n";
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");

        service.update(new UpdateReadme.Command(RESULTS, README, Optional.empty(), false, false, true));

        NewSection section = readmes.written;
        assertThat(section.markdown()).isEqualTo("## Benchmarks\n");
        assertThat(section.covered()).containsExactly("sculptor");
        assertThat(section.headings().owner("### Mng Integration Tests")).map(p -> p.id()).contains("mng");
        assertThat(readmes.rules.force()).isTrue();
    }

    @Test
    void saysWhatTheStoreDidAndPassesTheWaitNoticeOn() {
        when(reader.read(RESULTS)).thenReturn(results(Validity.VALID));
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");
        Merge merge = new Merge(List.of(), List.of(new Subsection("### Widget Tests", Optional.empty())), List.of());
        Path target = Path.of("/elsewhere/README.md");
        readmes.replacement = rules -> {
            rules.onWait().run();
            return new Replacement(target, true, true, merge, List.of(Path.of("/elsewhere/docs/bar-local.svg")));
        };
        List<String> notices = new java.util.ArrayList<>();

        UpdateReadme.Outcome outcome = service.update(command(false, false), () -> notices.add("waiting"));

        assertThat(outcome).isEqualTo(new UpdateReadme.Written(README, target, true, true,
                List.of(Path.of("/elsewhere/docs/bar-local.svg")), List.of(), merge));
        assertThat(notices).containsExactly("waiting");
    }

    @Test
    void ordersByTheTitlesTheReadmeShowsNotTheTemplatesHeadings() {
        BenchmarkResults mngFirst = new BenchmarkResults("m", List.of(
                new ProjectResults("mng", 10, 20, List.of(
                        RunOutcome.local(RunKind.BASELINE, 4, new BigDecimal("345.8"), Validity.VALID))),
                new ProjectResults("sculptor", 3, 20, List.of(
                        RunOutcome.local(RunKind.BASELINE, 3, new BigDecimal("726.0"), Validity.VALID)))));
        when(reader.read(RESULTS)).thenReturn(mngFirst);
        readmes.current = "## Benchmarks\n\n### Sculptor Integration Tests\n\n### Mng Integration Tests\n";
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");

        service.update(command(true, false));

        ArgumentCaptor<BenchmarkReport> report = ArgumentCaptor.forClass(BenchmarkReport.class);
        verify(renderer, org.mockito.Mockito.times(2)).render(report.capture(), any());
        assertThat(report.getAllValues().get(0).projects()).extracting(p -> p.profile().id()).containsExactly("sculptor", "mng");
    }

    @Test
    void aProjectWithoutBaselineIsAnError() {
        when(reader.read(RESULTS)).thenReturn(new BenchmarkResults("m", List.of(new ProjectResults("mng", 1, 10,
                List.of(RunOutcome.offload(BigDecimal.TEN, Validity.VALID))))));

        assertThatThrownBy(() -> service.update(command(false, false)))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("mng has no baseline run");
        assertThat(readmes.reads).as("refused before the README is read").isZero();
        assertThat(readmes.written).isNull();
    }

    @Test
    void theReportKeepsWhatTheSubsectionsItDoesNotCoverShowOfOffload() {
        BenchmarkResults mngLocal = new BenchmarkResults("m", List.of(new ProjectResults("mng", 10, 20, List.of(
                RunOutcome.local(RunKind.BASELINE, 4, new BigDecimal("345.8"), Validity.VALID)))));
        when(reader.read(RESULTS)).thenReturn(mngLocal);
        readmes.current = ("""
                ## Benchmarks

                ### Sculptor Integration Tests

                | Run Kind | Time (s) | Time (%) | Speedup |
                | pytest with xdist, n=3 (baseline) | 726.0 | 100.0% | 1.00x |
                | Offload (Modal, max 200) | 120.1 | 16.5% | **6.04x** |

                ### Widget Tests

                | Run Kind | Time (s) |
                | local | 1.0 |

                ### Changelog

                Nothing shown here.

                ### Mng Integration Tests

                | old mng |
                """);
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");

        service.update(command(true, false));

        ArgumentCaptor<BenchmarkReport> report = ArgumentCaptor.forClass(BenchmarkReport.class);
        verify(renderer, org.mockito.Mockito.times(2)).render(report.capture(), any());
        assertThat(report.getAllValues().get(0).kept()).containsExactly(
                new KeptSubsection("Sculptor", Optional.of("Modal")),
                new KeptSubsection("Widget Tests", Optional.empty()));
    }

    @Test
    void theSectionIsRenderedForTheReadmeTheStoreReadsWithWhatTheTemplateCanWrite() {
        when(reader.read(RESULTS)).thenReturn(results(Validity.VALID)); // sculptor only
        readmes.current = "## Benchmarks\n\n### Mng Integration Tests\n\n| Offload (local, max 4) | 1.0 |\n";
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");

        service.update(command(false, false));

        ArgumentCaptor<BenchmarkReport> report = ArgumentCaptor.forClass(BenchmarkReport.class);
        verify(renderer, org.mockito.Mockito.times(2)).render(report.capture(), any());
        assertThat(report.getAllValues().get(0).kept()).containsExactly(new KeptSubsection("Mng", Optional.of("local")));
        // then what the template can write for these projects: every run, the spread of the times
        BenchmarkReport everything = report.getAllValues().get(1);
        assertThat(everything.projects().get(0).rows()).extracting(ReportRow::kind)
                .containsExactly(RunKind.BASELINE, RunKind.HIGH, RunKind.OFFLOAD);
        assertThat(readmes.reads).isEqualTo(1);
        assertThat(readmes.written.covered()).containsExactly("sculptor");
    }

    @Test
    void passesTheCancellationToTheStoreAndStartsNoUpdateOnceCancelled() {
        when(reader.read(RESULTS)).thenReturn(results(Validity.VALID));
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");
        Cancellation cancellation = new Cancellation();

        service.update(command(false, false), () -> { }, cancellation);

        assertThat(readmes.rules.cancellation()).isSameAs(cancellation);

        readmes.written = null;
        cancellation.cancel();
        assertThatThrownBy(() -> service.update(command(false, false), () -> { }, cancellation))
                .isInstanceOf(Interrupted.class).hasMessageContaining("the README is unchanged");
        assertThat(readmes.written).isNull();
    }

    @Test
    void refusesAHeadingTwoProfilesClaimWhenTheResultsCoverEither() {
        ReportService withMngr = new ReportService(reader, new ProfileRegistry().install(new BuiltInProfiles())
                .install("configuration", List.of(new dev.offloadbench.domain.model.Profile("mngr", "Mngr", "Tests",
                        List.of(), dev.offloadbench.domain.model.RunDefaults.PROCEDURE,
                        List.of("Mng Integration Tests")))), renderer, readmes);
        BenchmarkResults mng = new BenchmarkResults("m", List.of(new ProjectResults("mng", 10, 20, List.of(
                RunOutcome.local(RunKind.BASELINE, 4, new BigDecimal("345.8"), Validity.VALID)))));
        when(reader.read(RESULTS)).thenReturn(mng);
        readmes.current = "## Benchmarks\n\n### Mng Integration Tests\n\n| old |\n";

        assertThatThrownBy(() -> withMngr.update(command(false, false)))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("\"### Mng Integration Tests\" could be project mng's (its title \"Mng\") or"
                        + " project mngr's (its heading alias \"Mng Integration Tests\")")
                .hasMessageContaining("these results cover mng");
        assertThat(readmes.written).isNull();
    }
}
