package dev.offloadbench.adapters.markdown;

import static dev.offloadbench.adapters.markdown.Reports.MACHINE;
import static dev.offloadbench.adapters.markdown.Reports.baseline;
import static dev.offloadbench.adapters.markdown.Reports.high;
import static dev.offloadbench.adapters.markdown.Reports.mng;
import static dev.offloadbench.adapters.markdown.Reports.offload;
import static dev.offloadbench.adapters.markdown.Reports.sculptor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.ProjectResults;
import dev.offloadbench.domain.model.RunOutcome;
import dev.offloadbench.domain.profile.BuiltInProfiles;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.service.ReportAssembler;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code notes_show_spread = true}: a project timed several times per run says so in its Notes,
 * with each run's ± σ; the table and everything else stay exactly as the template makes them.
 */
class SpreadNotesTest {
    private final HandlebarsReportRenderer renderer = new HandlebarsReportRenderer();

    private String render(boolean notesShowSpread, ProjectResults... projects) {
        ProfileRegistry profiles = new ProfileRegistry().install(new BuiltInProfiles());
        return renderer.render(new ReportAssembler(profiles, notesShowSpread)
                .assemble(new BenchmarkResults(MACHINE, List.of(projects))), Optional.empty());
    }

    private static String golden() throws IOException {
        try (InputStream in = SpreadNotesTest.class.getResourceAsStream("/golden-benchmarks.md")) {
            assertThat(in).as("golden-benchmarks.md on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static RunOutcome spread(RunOutcome run, int runs, String sigma) {
        return run.withSpread(new RunOutcome.Spread(runs, new BigDecimal(sigma)));
    }

    /** The published numbers, as the means of five runs each. */
    private static ProjectResults sculptorOfFiveRuns() {
        return new ProjectResults("sculptor", 345, 200, List.of(spread(baseline(3, "726.0"), 5, "3.14"),
                spread(high(8, "447.4"), 5, "2.05"), spread(offload("120.1"), 5, "4.449")));
    }

    private static ProjectResults mngOfFiveRuns() {
        return new ProjectResults("mng", 5275, 200, List.of(spread(baseline(4, "345.8"), 5, "1.2"),
                spread(high(8, "266.9"), 5, "0.96"), spread(offload("185.9"), 5, "7.05")));
    }

    @Test
    void thePublishedNumbersStayByteForByteWithTheOptionOn() throws IOException {
        assertThat(render(true, sculptor(), mng())).isEqualTo(golden());
    }

    @Test
    void theOptionOffShowsNoSpreadEvenForSeveralRuns() throws IOException {
        assertThat(render(false, sculptorOfFiveRuns(), mngOfFiveRuns())).isEqualTo(golden());
    }

    @Test
    void severalRunsAddOneNotesLineAndChangeNothingElse() throws IOException {
        String section = render(true, sculptorOfFiveRuns(), mngOfFiveRuns());

        String sculptorLine = "Times (mean of 5 runs, ± σ): n=3 (baseline) 726.0 ± 3.1 s, n=8 447.4 ± 2.1 s,"
                + " Offload 120.1 ± 4.4 s.";
        String mngLine = "Times (mean of 5 runs, ± σ): n=4 (baseline) 345.8 ± 1.2 s, n=8 266.9 ± 1.0 s,"
                + " Offload 185.9 ± 7.1 s.";
        assertThat(section).contains("yielding a 6.04x speedup.\n" + sculptorLine + "\n\n</details>")
                .contains("vs Sculptor's 6.04x.\n" + mngLine + "\n\n</details>");
        // without those two lines, the section is the golden one: the tables are untouched
        String without = section.lines().filter(line -> !line.equals(sculptorLine) && !line.equals(mngLine))
                .collect(Collectors.joining("\n", "", "\n"));
        assertThat(without).isEqualTo(golden());
    }

    @Test
    void runsTimedOnceAreLeftOutAndDifferentCountsAreSaidPerRun() {
        ProjectResults mixed = new ProjectResults("mng", 5275, 200, List.of(spread(baseline(4, "345.8"), 3, "1.25"),
                high(8, "266.9"), spread(offload("185.9"), 2, "0.04")));

        String section = render(true, mixed);

        assertThat(section).contains("\nTimes (mean of several runs, ± σ): n=4 (baseline) 345.8 ± 1.3 s (3 runs),"
                + " Offload 185.9 ± 0.0 s (2 runs).\n");
        assertThat(render(true, mng())).doesNotContain("Times (mean");
    }
}
