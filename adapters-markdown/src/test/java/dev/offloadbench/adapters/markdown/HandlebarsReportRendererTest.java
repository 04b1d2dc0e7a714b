package dev.offloadbench.adapters.markdown;

import static dev.offloadbench.adapters.markdown.Reports.MACHINE;
import static dev.offloadbench.adapters.markdown.Reports.baseline;
import static dev.offloadbench.adapters.markdown.Reports.high;
import static dev.offloadbench.adapters.markdown.Reports.mng;
import static dev.offloadbench.adapters.markdown.Reports.offload;
import static dev.offloadbench.adapters.markdown.Reports.report;
import static dev.offloadbench.adapters.markdown.Reports.sculptor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.model.BenchmarkReport;
import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.KeptSubsection;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.model.RunDefaults;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.service.ReportAssembler;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.model.ProjectResults;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandlebarsReportRendererTest {
    private final HandlebarsReportRenderer renderer = new HandlebarsReportRenderer();

    @Test
    void rendersThePublishedNumbersExactlyAsTheProcedureTemplate() throws IOException {
        BenchmarkReport report = report(MACHINE, sculptor(), mng());

        String section = renderer.render(report, Optional.empty());

        assertThat(section).isEqualTo(golden());
    }

    @Test
    void mngAloneClaimsAModestSpeedupWithoutComparingToSculptor() {
        String section = renderer.render(report(MACHINE, mng()), Optional.empty());

        assertThat(section)
                .startsWith("## Benchmarks\n")
                .contains("### Mng Unit + Integration Tests\n")
                .doesNotContain("Sculptor")
                .contains("Offload bypasses xdist entirely, fanning out across up to 200 isolated Modal sandboxes."
                        + " The low per-test cost makes Offload's per-sandbox overhead proportionally larger,"
                        + " yielding a modest 1.86x speedup.\n")
                .endsWith("\n</details>\n");
    }

    @Test
    void leavesOutTheRowsOfRunsThatWereNotRecordedAndKeepsTheNotesReadable() {
        ProjectResults baselineOnly = new ProjectResults("sculptor", 345, 200, List.of(baseline(3, "726.0")));

        String section = renderer.render(report(MACHINE, baselineOnly, mng()), Optional.empty());

        assertThat(section).contains("""
                ### Sculptor Integration Tests (Playwright)

                | Run Kind | Time (s) | Time (%) | Speedup |
                |----------|----------|----------|---------|
                | pytest with xdist, n=3 (baseline) | <img src="docs/bar-local.svg" width="150" height="4"> 726.0 | 100.0% | 1.00x |

                <details>
                <summary><strong>Notes</strong></summary>

                345 Playwright integration tests (browser-based, each launching a full Sculptor instance).
                Individual tests are heavyweight (Chromium + backend server per worker), so the default xdist cap is n=3.

                </details>

                ### Mng""");
        // mng still compares, but only with what sculptor has: no Offload run, so no comparison
        assertThat(section).contains("yielding a modest 1.86x speedup.\n")
                .contains("using Offload with the Modal provider. Offload was not run for Sculptor. All local");
    }

    @Test
    void leavesOutTheOffloadNoteWhenOffloadWasNotRun() {
        ProjectResults localOnly = new ProjectResults("mng", 5275, 200, List.of(baseline(4, "345.8")));

        String section = renderer.render(report(MACHINE, sculptor(), localOnly), Optional.empty());

        assertThat(section).endsWith("""
                | pytest with xdist, n=4 (baseline) | <img src="docs/bar-local.svg" width="150" height="4"> 345.8 | 100.0% | 1.00x |

                <details>
                <summary><strong>Notes</strong></summary>

                5,275 tests collected (unit + integration, excluding acceptance and release).
                Individual tests are lightweight and fast-running, so the default xdist cap is n=4.

                </details>
                """);
    }

    @Test
    void withOffloadSkippedEverywhereNothingClaimsOffloadOrModal() {
        ProjectResults mngLocal = new ProjectResults("mng", 5275, 200, List.of(baseline(4, "345.8"),
                high(8, "266.9")));
        ProjectResults sculptorLocal = new ProjectResults("sculptor", 345, 200, List.of(baseline(3, "726.0")));

        String section = renderer.render(report(MACHINE, sculptorLocal, mngLocal), Optional.empty());

        assertThat(section).startsWith("## Benchmarks\n\nSpeedups measured on Imbue projects with local runs alone:"
                + " Offload was not run. All local baselines were run on a " + MACHINE + ".\n\n");
        assertThat(section).doesNotContain("Modal", "sandbox", "bar-offload");
        assertThat(section.replace("Offload was not run", "")).doesNotContain("Offload");
        assertThat(section).contains("| pytest with xdist, n=8 | <img src=\"docs/bar-local.svg\" width=\"116\""
                + " height=\"4\"> 266.9 | 77.2% | 1.30x |");
    }

    @Test
    void theLocalRowsNameTheRunnerOfTheProjectsProfile() {
        Profile nextest = new Profile("offload-cargo", "Offload", "Rust Tests (cargo-nextest)", List.of(),
                RunDefaults.PROCEDURE, List.of(), "cargo-nextest");
        BenchmarkReport report = new ReportAssembler(new ProfileRegistry().install("a jar", List.of(nextest)))
                .assemble(new BenchmarkResults(MACHINE, List.of(new ProjectResults("offload-cargo", 14, 200,
                        List.of(baseline(2, "30.0"), high(4, "20.0"))))));

        String section = renderer.render(report, Optional.empty());

        assertThat(section).contains("| cargo-nextest, n=2 (baseline) | <img src=\"docs/bar-local.svg\" width=\"150\"")
                .contains("| cargo-nextest, n=4 | <img src=\"docs/bar-local.svg\" width=\"100\"")
                .doesNotContain("pytest").doesNotContain("xdist");
    }

    @Test
    void theIntroductionSpeaksOfTheSubsectionsAnUpdateKeepsToo() {
        ProjectResults mngLocal = new ProjectResults("mng", 5275, 200, List.of(baseline(4, "345.8"),
                high(8, "266.9")));
        BenchmarkReport alone = report(MACHINE, mngLocal);

        String keptModal = renderer.render(alone.with(alone.projects(), List.of(
                new KeptSubsection("Sculptor", Optional.of("Modal")))), Optional.empty());
        String keptLocalAndModal = renderer.render(alone.with(alone.projects(), List.of(
                new KeptSubsection("Sculptor", Optional.of("Modal")), new KeptSubsection("Widget", Optional.of("local")),
                new KeptSubsection("Gadget", Optional.empty()))), Optional.empty());
        String keptWithoutOffload = renderer.render(alone.with(alone.projects(), List.of(
                new KeptSubsection("Sculptor", Optional.empty()))), Optional.empty());

        assertThat(keptModal).startsWith("## Benchmarks\n\nSpeedups measured on Imbue projects using Offload with the"
                + " Modal provider. Offload was not run for Mng. All local baselines were run on a " + MACHINE + ".\n");
        assertThat(keptLocalAndModal).contains("using Offload with the Modal and local providers. Offload was not"
                + " run for Mng and Gadget. All local");
        assertThat(keptWithoutOffload).contains("with local runs alone: Offload was not run. All local");
        assertThat(keptModal).doesNotContain("### Sculptor").doesNotContain("bar-offload");
    }

    @Test
    void namesTheProviderOfTheOffloadConfigInTheRowTheIntroAndTheNotes() {
        ProjectResults local = new ProjectResults("mng", 28, 4, OffloadProvider.LOCAL, List.of(baseline(2, "2.0"),
                high(4, "1.5"), offload("1.0")));

        String section = renderer.render(report(MACHINE, local), Optional.empty());

        assertThat(section)
                .contains("using Offload with the local provider. All local baselines")
                .contains("| Offload (local, max 4) | <img src=\"docs/bar-offload.svg\" width=\"75\" height=\"4\">"
                        + " 1.0 | 50.0% | **2.00x** |")
                .contains("fanning out across up to 4 local processes.")
                .doesNotContain("Modal");
    }

    @Test
    void namesEveryProviderWhenProjectsUsedDifferentOnes() {
        ProjectResults local = new ProjectResults("mng", 28, 4, OffloadProvider.LOCAL, List.of(baseline(2, "2.0"),
                offload("1.0")));

        String section = renderer.render(report(MACHINE, sculptor(), local), Optional.empty());

        assertThat(section).contains("using Offload with the Modal and local providers. All local baselines")
                .contains("| Offload (Modal, max 200) |").contains("| Offload (local, max 4) |");
    }

    @Test
    void keepsTheMachineDescriptionVerbatimWithoutHtmlEscaping() {
        String machine = "Dev box \"Q&A\" <lab> with Ahmed's M4";

        String section = renderer.render(report(machine, sculptor()), Optional.empty());

        assertThat(section)
                .contains("All local baselines were run on a Dev box \"Q&A\" <lab> with Ahmed's M4.\n")
                .contains("makes Offload's per-sandbox overhead")
                .doesNotContain("&amp;", "&quot;", "&lt;", "&#x27;", "&#39;");
    }

    @Test
    void rendersTheSameNumbersWhateverTheDefaultLocale() {
        // surefire runs with a German locale; a comma decimal or a dot thousands separator would show here
        String section = renderer.render(report(MACHINE, sculptor(), mng()), Optional.empty());

        assertThat(section).contains("5,275 tests collected", "| 61.6% | 1.62x |", "**1.86x**");
    }

    private static String golden() throws IOException {
        try (InputStream in = HandlebarsReportRendererTest.class.getResourceAsStream("/golden-benchmarks.md")) {
            assertThat(in).as("golden-benchmarks.md on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
