package dev.offloadbench.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.BenchmarkReport;
import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.ProjectResults;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.RunOutcome;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.port.in.UpdateReadme;
import dev.offloadbench.domain.port.out.ReadmeStore;
import dev.offloadbench.domain.port.out.ReportRenderer;
import dev.offloadbench.domain.port.out.ResultsReader;
import dev.offloadbench.domain.profile.BuiltInProfiles;
import dev.offloadbench.domain.profile.ProfileRegistry;
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
        verify(readmes, never()).previewSectionReplacement(any(), any(), any());
    }

    @Test
    void updatesDespiteInvalidRunsWhenAllowed() {
        when(reader.read(RESULTS)).thenReturn(results(Validity.invalid("3 failed")));
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");
        when(readmes.replaceSection(README, "## Benchmarks\n", List.of())).thenReturn(List.of());
        when(readmes.currentSection(README)).thenReturn("## Benchmarks\n");

        UpdateReadme.Outcome outcome = service.update(command(false, true));

        assertThat(outcome).isInstanceOf(UpdateReadme.Written.class);
        assertThat(((UpdateReadme.Written) outcome).invalidRuns()).hasSize(1);
    }

    @Test
    void aDryRunPreviewsAndWritesNothing() {
        when(reader.read(RESULTS)).thenReturn(results(Validity.VALID));
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");
        when(readmes.previewSectionReplacement(README, "## Benchmarks\n", List.of())).thenReturn("--- a\n+++ b\n");
        when(readmes.currentSection(README)).thenReturn("## Benchmarks\n");

        UpdateReadme.Outcome outcome = service.update(command(true, false));

        assertThat(outcome).isEqualTo(new UpdateReadme.Previewed("--- a\n+++ b\n", List.of(), List.of()));
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

        service.update(command(true, false));

        ArgumentCaptor<BenchmarkReport> report = ArgumentCaptor.forClass(BenchmarkReport.class);
        verify(renderer).render(report.capture(), any());
        assertThat(report.getValue().projects()).extracting(p -> p.profile().id()).containsExactly("sculptor", "mng");
    }

    @Test
    void keepsTheSubsectionsOfProjectsTheResultsDoNotCover() {
        when(reader.read(RESULTS)).thenReturn(results(Validity.VALID)); // sculptor only
        when(readmes.currentSection(README)).thenReturn("## Benchmarks\n\n### Mng Unit + Integration Tests\n\nold\n\n"
                + "### Sculptor Integration Tests (Playwright)\n\nold\n\n### Methodology\n\nold\n");
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");
        when(readmes.replaceSection(any(), any(), any())).thenReturn(List.of());

        UpdateReadme.Outcome outcome = service.update(command(false, false));

        // mng is not in the results: its subsection stays; "Methodology" is no project's and is replaced
        verify(readmes).replaceSection(README, "## Benchmarks\n", List.of("### Mng Unit + Integration Tests"));
        assertThat(((UpdateReadme.Written) outcome).keptSections()).containsExactly("### Mng Unit + Integration Tests");
    }

    @Test
    void keepsNothingWhenTheResultsCoverEveryProjectTheReadmeShows() {
        when(reader.read(RESULTS)).thenReturn(results(Validity.VALID)); // sculptor only
        when(readmes.currentSection(README)).thenReturn("## Benchmarks\n\n### Sculptor Integration Tests (Playwright)\n");
        when(renderer.render(any(), any())).thenReturn("## Benchmarks\n");
        when(readmes.replaceSection(any(), any(), any())).thenReturn(List.of());

        service.update(command(false, false));

        verify(readmes).replaceSection(README, "## Benchmarks\n", List.of());
    }

    @Test
    void aProjectWithoutBaselineIsAnError() {
        when(reader.read(RESULTS)).thenReturn(new BenchmarkResults("m", List.of(new ProjectResults("mng", 1, 10,
                List.of(RunOutcome.offload(BigDecimal.TEN, Validity.VALID))))));

        when(readmes.currentSection(README)).thenReturn("## Benchmarks\n");

        assertThatThrownBy(() -> service.update(command(false, false)))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("mng has no baseline run");
        verify(readmes, never()).replaceSection(any(), any(), any());
    }
}
