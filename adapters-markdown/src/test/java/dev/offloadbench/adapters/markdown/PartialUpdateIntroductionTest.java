package dev.offloadbench.adapters.markdown;

import static dev.offloadbench.adapters.markdown.Reports.baseline;
import static dev.offloadbench.adapters.markdown.Reports.high;
import static dev.offloadbench.adapters.markdown.Reports.offload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.ProjectResults;
import dev.offloadbench.domain.port.in.UpdateReadme;
import dev.offloadbench.domain.profile.BuiltInProfiles;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.service.ReportService;
import dev.offloadbench.files.UpdateLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The introduction of the live Offload README after an update that covers only some of its
 * projects (src/test/resources/offload/README.md): it must stay true of the whole section as
 * written, the subsections the update keeps included. Through the real update service, renderer
 * and store, as {@code bench run mng --kinds baseline,high --update-readme} updates it.
 */
@Timeout(120)
class PartialUpdateIntroductionTest {
    private static final String LIVE_INTRO = "Speedups measured on Imbue projects using Offload with the Modal"
            + " provider. All local baselines were run on a " + Reports.MACHINE + ".";
    private static final String LIVE_SCULPTOR = "### Sculptor Integration Tests\n";
    private static final String LIVE_MNG = "### Mng Integration Tests\n";

    @TempDir
    Path folder;
    String live;
    Path readme;

    @BeforeEach
    void copyTheLiveReadme() throws IOException {
        live = Readmes.liveOffload();
        readme = Files.writeString(folder.resolve("README.md"), live);
        assertThat(live).contains(LIVE_INTRO, LIVE_SCULPTOR, LIVE_MNG);
    }

    /** What {@code bench run mng --kinds baseline,high} records: mng's local runs, no Offload. */
    private static ProjectResults mngLocal() {
        return new ProjectResults("mng", 5301, 200, List.of(baseline(4, "350.0"), high(8, "270.0")));
    }

    private static UpdateReadme service(ProjectResults... projects) {
        return new ReportService(file -> new BenchmarkResults(Reports.MACHINE, List.of(projects)),
                new ProfileRegistry().install(new BuiltInProfiles()), new HandlebarsReportRenderer(),
                new MarkdownReadmeStore());
    }

    private UpdateReadme.Command command() {
        return new UpdateReadme.Command(folder.resolve("results.json"), readme, Optional.empty(), false, false);
    }

    private String readme() throws IOException {
        return Files.readString(readme, StandardCharsets.UTF_8);
    }

    /** The README's Benchmarks section, up to the next level-2 heading. */
    private String section() throws IOException {
        String text = readme();
        int start = text.indexOf("## Benchmarks");
        return text.substring(start, text.indexOf("\n## ", start));
    }

    /** The live README's Sculptor subsection, up to its {@code </details>}. */
    private String liveSculptor() {
        int start = live.indexOf(LIVE_SCULPTOR);
        return live.substring(start, live.indexOf("</details>", start) + "</details>".length());
    }

    @Test
    void mngWithoutOffloadKeepsTheModalIntroductionForSculptorAndSaysOffloadWasNotRunForMng() throws IOException {
        service(mngLocal()).update(command());

        String updated = readme();
        assertThat(updated).contains("## Benchmarks\n\nSpeedups measured on Imbue projects using Offload with the"
                + " Modal provider. Offload was not run for Mng. All local baselines were run on a " + Reports.MACHINE
                + ".\n\n" + liveSculptor() + "\n\n### Mng Unit + Integration Tests\n");
        assertThat(updated).doesNotContain("Offload was not run. ").doesNotContain("local runs alone");
        // every byte outside the introduction and mng's subsection is the live README's
        String beforeMng = live.substring(0, live.indexOf(LIVE_MNG)).replace(LIVE_INTRO, LIVE_INTRO.replace(
                "provider. All", "provider. Offload was not run for Mng. All"));
        assertThat(updated).startsWith(beforeMng)
                .endsWith(live.substring(live.indexOf("\n## Installation")));
        String mng = updated.substring(beforeMng.length(), updated.indexOf("\n## Installation"));
        assertThat(mng).contains("| pytest with xdist, n=4 (baseline) |").doesNotContain("Offload")
                .doesNotContain("Modal").doesNotContain("sandbox");
    }

    @Test
    void sculptorAloneWithOffloadSaysNothingFalseOfTheKeptMngSubsection() throws IOException {
        service(new ProjectResults("sculptor", 351, 200, List.of(baseline(3, "700.0"), high(8, "450.0"),
                offload("110.0")))).update(command());

        assertThat(readme()).contains("using Offload with the Modal provider. All local baselines")
                .doesNotContain("Offload was not run");
    }

    @Test
    void oncePartialUpdatesLeaveNoOffloadAnywhereTheIntroductionSaysSo() throws IOException {
        service(mngLocal()).update(command());
        service(new ProjectResults("sculptor", 351, 200, List.of(baseline(3, "700.0"), high(8, "450.0"))))
                .update(command());

        assertThat(section()).contains("Speedups measured on Imbue projects with local runs alone: Offload was not"
                + " run. All local").doesNotContain("Modal").doesNotContain("bar-offload");
    }

    @Test
    void theIntroductionIsTrueOfTheReadmeAsItIsWhenTheUpdateGetsItsTurn() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<UpdateReadme.Outcome> update;
        try (UpdateLock held = UpdateLock.acquire(readme.toRealPath(), Duration.ofMinutes(1), () -> { })) {
            // the update reads the README (Sculptor shows Offload), then waits for its turn ...
            update = CompletableFuture.supplyAsync(() -> service(mngLocal()).update(command(),
                    waiting::countDown));
            assertThat(waiting.await(60, TimeUnit.SECONDS)).isTrue();
            // ... while another update publishes Sculptor's local runs alone
            String sculptorLocal = liveSculptor().replaceAll("\\| Offload \\(Modal, max 200\\) [^\n]*\n", "")
                    .replaceAll("Offload bypasses[^\n]*\n", "");
            Files.writeString(readme, live.replace(liveSculptor(), sculptorLocal)
                    .replace("provider. All", "provider. Offload was not run for Sculptor. All"));
        }

        assertThat(update.get(60, TimeUnit.SECONDS)).isInstanceOf(UpdateReadme.Written.class);
        assertThat(section()).contains("Speedups measured on Imbue projects with local runs alone: Offload was not"
                + " run. All local").doesNotContain("Modal");
    }
}
