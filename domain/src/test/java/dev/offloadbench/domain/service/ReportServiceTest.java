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
    @Mock
    ReadmeStore readmes;

    ReportService service;

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

        when(readmes.currentSection(README)).thenReturn("## Benchmarks\n");

        UpdateReadme.Outcome outcome = service.update(command(false, false));

        assertThat(outcome).isInstanceOf(UpdateReadme.Refused.class);
        assertThat(((UpdateReadme.Refused) outcome).invalidRuns()).extracting(Object::toString)
                .containsExactly("sculptor offload: 3 failed");
        verify(readmes, never()).replaceSection(any(), any(), any());
        verify(readmes, never()).previewSectionReplacement(any(), any());
    }

    @Test
    void updatesDespiteInvalidRunsWhenAllowed() {
        when(reader.read(RESULTS)).thenReturn(results(Validity.invalid("3 failed")));
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");
        when(readmes.replaceSection(any(), any(), any())).thenReturn(written());
        when(readmes.currentSection(README)).thenReturn("## Benchmarks\n");

        UpdateReadme.Outcome outcome = service.update(command(false, true));

        assertThat(outcome).isInstanceOf(UpdateReadme.Written.class);
        assertThat(((UpdateReadme.Written) outcome).invalidRuns()).hasSize(1);
    }

    @Test
    void aDryRunPreviewsAndWritesNothing() {
        when(reader.read(RESULTS)).thenReturn(results(Validity.VALID));
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");
        when(readmes.previewSectionReplacement(any(), any())).thenReturn(new Preview("--- a\n+++ b\n", NO_MERGE));
        when(readmes.currentSection(README)).thenReturn("## Benchmarks\n");

        UpdateReadme.Outcome outcome = service.update(command(true, false));

        assertThat(outcome).isEqualTo(new UpdateReadme.Previewed("--- a\n+++ b\n", List.of(), NO_MERGE));
        verify(readmes, never()).replaceSection(any(), any(), any());
    }

    @Test
    void keepsTheOrderOfTheProjectsTheReadmeAlreadyShows() {
        BenchmarkResults mngFirst = new BenchmarkResults("m", List.of(
                new ProjectResults("mng", 10, 20, List.of(
                        RunOutcome.local(RunKind.BASELINE, 4, new BigDecimal("345.8"), Validity.VALID))),
                new ProjectResults("sculptor", 3, 20, List.of(
                        RunOutcome.local(RunKind.BASELINE, 3, new BigDecimal("726.0"), Validity.VALID)))));
        when(reader.read(RESULTS)).thenReturn(mngFirst);
        when(readmes.currentSection(README)).thenReturn("## Benchmarks\n\n### Sculptor Integration Tests (Playwright)\n"
                + "\n### Mng Unit + Integration Tests\n");
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");
        when(readmes.previewSectionReplacement(any(), any())).thenReturn(new Preview("", NO_MERGE));

        service.update(command(true, false));

        ArgumentCaptor<BenchmarkReport> report = ArgumentCaptor.forClass(BenchmarkReport.class);
        verify(renderer).render(report.capture(), any());
        assertThat(report.getValue().projects()).extracting(p -> p.profile().id()).containsExactly("sculptor", "mng");
    }

    @Test
    void tellsTheStoreWhichProjectsTheSectionReportsAndHowToRecogniseTheirSubsections() {
        when(reader.read(RESULTS)).thenReturn(results(Validity.VALID)); // sculptor only
        when(readmes.currentSection(README)).thenReturn("## Benchmarks\n\n### Mng Integration Tests\n\nold\n");
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");
        when(readmes.replaceSection(any(), any(), any())).thenReturn(written());

        service.update(new UpdateReadme.Command(RESULTS, README, Optional.empty(), false, false, true));

        ArgumentCaptor<NewSection> section = ArgumentCaptor.forClass(NewSection.class);
        ArgumentCaptor<WriteRules> rules = ArgumentCaptor.forClass(WriteRules.class);
        verify(readmes).replaceSection(eq(README), section.capture(), rules.capture());
        assertThat(section.getValue().markdown()).isEqualTo("## Benchmarks\n");
        assertThat(section.getValue().covered()).containsExactly("sculptor");
        assertThat(section.getValue().headings().owner("### Mng Integration Tests")).map(p -> p.id()).contains("mng");
        assertThat(rules.getValue().force()).isTrue();
    }

    @Test
    void saysWhatTheStoreDidAndPassesTheWaitNoticeOn() {
        when(reader.read(RESULTS)).thenReturn(results(Validity.VALID));
        when(readmes.currentSection(README)).thenReturn("## Benchmarks\n");
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");
        Merge merge = new Merge(List.of(), List.of(new Subsection("### Widget Tests", Optional.empty())), List.of());
        Path target = Path.of("/elsewhere/README.md");
        when(readmes.replaceSection(any(), any(), any())).thenAnswer(call -> {
            call.getArgument(2, WriteRules.class).onWait().run();
            return new Replacement(target, true, true, merge, List.of(Path.of("/elsewhere/docs/bar-local.svg")));
        });
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
        when(readmes.currentSection(README)).thenReturn("## Benchmarks\n\n### Sculptor Integration Tests\n"
                + "\n### Mng Integration Tests\n");
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");
        when(readmes.previewSectionReplacement(any(), any())).thenReturn(new Preview("", NO_MERGE));

        service.update(command(true, false));

        ArgumentCaptor<BenchmarkReport> report = ArgumentCaptor.forClass(BenchmarkReport.class);
        verify(renderer).render(report.capture(), any());
        assertThat(report.getValue().projects()).extracting(p -> p.profile().id()).containsExactly("sculptor", "mng");
    }

    @Test
    void aProjectWithoutBaselineIsAnError() {
        when(reader.read(RESULTS)).thenReturn(new BenchmarkResults("m", List.of(new ProjectResults("mng", 1, 10,
                List.of(RunOutcome.offload(BigDecimal.TEN, Validity.VALID))))));

        assertThatThrownBy(() -> service.update(command(false, false)))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("mng has no baseline run");
        verify(readmes, never()).replaceSection(any(), any(), any());
    }

    @Test
    void theReportKeepsWhatTheSubsectionsItDoesNotCoverShowOfOffload() {
        BenchmarkResults mngLocal = new BenchmarkResults("m", List.of(new ProjectResults("mng", 10, 20, List.of(
                RunOutcome.local(RunKind.BASELINE, 4, new BigDecimal("345.8"), Validity.VALID)))));
        when(reader.read(RESULTS)).thenReturn(mngLocal);
        when(readmes.currentSection(README)).thenReturn("""
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
        when(readmes.previewSectionReplacement(any(), any())).thenReturn(new Preview("", NO_MERGE));

        service.update(command(true, false));

        ArgumentCaptor<BenchmarkReport> report = ArgumentCaptor.forClass(BenchmarkReport.class);
        verify(renderer).render(report.capture(), any());
        assertThat(report.getValue().kept()).containsExactly(
                new KeptSubsection("Sculptor", Optional.of("Modal")),
                new KeptSubsection("Widget Tests", Optional.empty()));
    }

    @Test
    void theStoreRendersTheSectionAgainForTheReadmeItReadsUnderItsLock() {
        when(reader.read(RESULTS)).thenReturn(results(Validity.VALID)); // sculptor only
        when(readmes.currentSection(README)).thenReturn("## Benchmarks\n");
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");
        when(readmes.replaceSection(any(), any(), any())).thenReturn(written());

        service.update(command(false, false));

        ArgumentCaptor<NewSection> section = ArgumentCaptor.forClass(NewSection.class);
        verify(readmes).replaceSection(eq(README), section.capture(), any());
        section.getValue().renderFor().apply("## Benchmarks\n\n### Mng Integration Tests\n\n"
                + "| Offload (local, max 4) | 1.0 |\n");
        ArgumentCaptor<BenchmarkReport> report = ArgumentCaptor.forClass(BenchmarkReport.class);
        verify(renderer, org.mockito.Mockito.times(2)).render(report.capture(), any());
        assertThat(report.getAllValues().get(0).kept()).isEmpty();
        assertThat(report.getAllValues().get(1).kept()).containsExactly(new KeptSubsection("Mng",
                Optional.of("local")));
    }

    @Test
    void passesTheCancellationToTheStoreAndStartsNoUpdateOnceCancelled() {
        when(reader.read(RESULTS)).thenReturn(results(Validity.VALID));
        when(readmes.currentSection(README)).thenReturn("## Benchmarks\n");
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");
        when(readmes.replaceSection(any(), any(), any())).thenReturn(written());
        Cancellation cancellation = new Cancellation();

        service.update(command(false, false), () -> { }, cancellation);

        ArgumentCaptor<WriteRules> rules = ArgumentCaptor.forClass(WriteRules.class);
        verify(readmes).replaceSection(eq(README), any(), rules.capture());
        assertThat(rules.getValue().cancellation()).isSameAs(cancellation);

        cancellation.cancel();
        assertThatThrownBy(() -> service.update(command(false, false), () -> { }, cancellation))
                .isInstanceOf(Interrupted.class).hasMessageContaining("the README is unchanged");
        verify(readmes, org.mockito.Mockito.times(1)).replaceSection(any(), any(), any());
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
        when(readmes.currentSection(README)).thenReturn("## Benchmarks\n\n### Mng Integration Tests\n\n| old |\n");

        assertThatThrownBy(() -> withMngr.update(command(false, false)))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("\"### Mng Integration Tests\" could be project mng's (its title \"Mng\") or"
                        + " project mngr's (its heading alias \"Mng Integration Tests\")")
                .hasMessageContaining("these results cover mng");
        verify(readmes, never()).replaceSection(any(), any(), any());
    }
}
