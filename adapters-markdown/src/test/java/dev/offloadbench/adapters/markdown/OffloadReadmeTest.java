package dev.offloadbench.adapters.markdown;

import static dev.offloadbench.adapters.markdown.Reports.baseline;
import static dev.offloadbench.adapters.markdown.Reports.high;
import static dev.offloadbench.adapters.markdown.Reports.offload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.model.ProjectResults;
import dev.offloadbench.domain.port.out.ReadmeStore;
import dev.offloadbench.domain.port.out.ReadmeStore.Replacement;
import dev.offloadbench.domain.port.out.ReadmeStore.Subsection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Updates of the live Offload README (src/test/resources/offload/README.md, a verbatim copy),
 * whose subsections are headed {@code ### Sculptor Integration Tests} and
 * {@code ### Mng Integration Tests}: every byte outside the replaced parts is checked.
 */
class OffloadReadmeTest {
    private static final String LIVE_SCULPTOR = "### Sculptor Integration Tests\n";
    private static final String LIVE_MNG = "### Mng Integration Tests\n";

    private final MarkdownReadmeStore store = new MarkdownReadmeStore();
    private final HandlebarsReportRenderer renderer = new HandlebarsReportRenderer();

    @TempDir
    Path folder;
    String live;
    Path readme;

    @BeforeEach
    void copyTheLiveReadme() throws IOException {
        live = Readmes.liveOffload();
        readme = Files.writeString(folder.resolve("README.md"), live);
        assertThat(live).contains(LIVE_SCULPTOR, LIVE_MNG);
    }

    /** New mng numbers: baseline n=4 350.0 s, n=8 270.0 s, Offload 180.0 s. */
    private static ProjectResults newMng() {
        return new ProjectResults("mng", 5301, 200, List.of(baseline(4, "350.0"), high(8, "270.0"),
                offload("180.0")));
    }

    /** New sculptor numbers: baseline n=3 700.0 s, n=8 450.0 s, Offload 110.0 s. */
    private static ProjectResults newSculptor() {
        return new ProjectResults("sculptor", 351, 200, List.of(baseline(3, "700.0"), high(8, "450.0"),
                offload("110.0")));
    }

    private String render(ProjectResults... projects) {
        return renderer.render(Reports.report(Reports.MACHINE, projects), Optional.empty());
    }

    private Replacement update(String section, String... covered) {
        return Readmes.replace(store, readme, section, covered);
    }

    private String readme() throws IOException {
        return Files.readString(readme, StandardCharsets.UTF_8);
    }

    /** The rendered subsection that starts with {@code heading}: up to the next one or the section's end. */
    private static String renderedSubsection(String section, String heading) {
        int start = section.indexOf(heading);
        int next = section.indexOf("\n### ", start + 1);
        return section.substring(start, next < 0 ? section.stripTrailing().length() : next).stripTrailing();
    }

    /** The text with the README's subsection headed {@code heading} (up to its {@code </details>}) replaced. */
    private static String withSubsection(String text, String heading, String replacement) {
        int start = text.indexOf(heading);
        int end = text.indexOf("</details>", start) + "</details>".length();
        return text.substring(0, start) + replacement + text.substring(end);
    }

    @Test
    void mngAloneReplacesOnlyTheMngSubsectionAndKeepsSculptorsByteForByte() throws IOException {
        String section = render(newMng());

        Replacement replaced = update(section, "mng");

        String expected = withSubsection(live, LIVE_MNG, renderedSubsection(section, "### Mng"));
        assertThat(readme()).isEqualTo(expected);
        assertThat(readme()).contains("| pytest with xdist, n=4 (baseline) | <img src=\"docs/bar-local.svg\""
                + " width=\"150\" height=\"4\"> 350.0 | 100.0% | 1.00x |");
        assertThat(readme().indexOf(LIVE_SCULPTOR)).isLessThan(readme().indexOf("### Mng"));
        assertThat(replaced.merge().kept()).containsExactly(new Subsection("### Sculptor Integration Tests",
                Optional.of("sculptor")));
        assertThat(replaced.merge().replaced()).containsExactly(new Subsection("### Mng Integration Tests",
                Optional.of("mng")));
        assertThat(replaced.merge().added()).isEmpty();
    }

    @Test
    void sculptorAloneReplacesOnlyTheSculptorSubsectionAndKeepsMngsByteForByte() throws IOException {
        String section = render(newSculptor());

        Replacement replaced = update(section, "sculptor");

        assertThat(readme()).isEqualTo(withSubsection(live, LIVE_SCULPTOR, renderedSubsection(section, "### Sculptor")));
        assertThat(replaced.merge().kept()).containsExactly(new Subsection("### Mng Integration Tests",
                Optional.of("mng")));
    }

    @Test
    void aFullUpdateReplacesBothInTheReadmesOrderWhateverTheResultsOrder() throws IOException {
        String section = render(newMng(), newSculptor());

        Replacement replaced = update(section);

        String expected = withSubsection(withSubsection(live, LIVE_SCULPTOR, renderedSubsection(section,
                "### Sculptor")), LIVE_MNG, renderedSubsection(section, "### Mng"));
        assertThat(readme()).isEqualTo(expected);
        assertThat(readme().indexOf("### Sculptor")).isLessThan(readme().indexOf("### Mng"));
        assertThat(replaced.merge().kept()).isEmpty();
        assertThat(replaced.merge().replaced()).extracting(Subsection::profileId)
                .containsExactly(Optional.of("sculptor"), Optional.of("mng"));
    }

    @Test
    void aSubsectionOfNoKnownProjectIsKeptInPlace() throws IOException {
        String widget = "### Widget Tests\n\n| Run Kind | Time (s) |\n|---|---|\n| widget | 12.0 |\n\nWidget notes.\n\n";
        live = live.replace(LIVE_MNG, widget + LIVE_MNG);
        Files.writeString(readme, live);
        String section = render(newMng(), newSculptor());

        Replacement replaced = update(section);

        String expected = withSubsection(withSubsection(live, LIVE_SCULPTOR, renderedSubsection(section,
                "### Sculptor")), LIVE_MNG, renderedSubsection(section, "### Mng"));
        assertThat(readme()).isEqualTo(expected).contains(widget + "### Mng Unit + Integration Tests");
        assertThat(replaced.merge().kept()).containsExactly(new Subsection("### Widget Tests", Optional.empty()));
    }

    @Test
    void anUpdateAppliedTwiceGivesTheSameFile() throws IOException {
        String partial = render(newMng());
        update(partial, "mng");
        byte[] once = Files.readAllBytes(readme);

        Replacement again = update(partial, "mng");

        assertThat(again.changed()).isFalse();
        assertThat(Files.readAllBytes(readme)).isEqualTo(once);

        String full = render(newSculptor(), newMng());
        update(full);
        byte[] fullOnce = Files.readAllBytes(readme);
        assertThat(update(full).changed()).isFalse();
        assertThat(Files.readAllBytes(readme)).isEqualTo(fullOnce);
    }

    @Test
    void theSectionReadsAsRenderedOnceBothProjectsAreUpdated() throws IOException {
        String section = render(Reports.sculptor(), Reports.mng());

        update(section);

        int start = live.indexOf("## Benchmarks");
        int end = live.indexOf("## Installation");
        assertThat(readme()).isEqualTo(live.substring(0, start) + section + "\n" + live.substring(end));
    }

    @Test
    void textNoUpdateWouldWriteAgainIsRefusedAndNamed() throws IOException {
        String note = "See docs/benchmarking.md for how these numbers were measured.";
        live = live.replace("16 GB RAM.\n\n", "16 GB RAM.\n\n" + note + "\n\n");
        Files.writeString(readme, live);

        assertThatThrownBy(() -> update(render(newMng(), newSculptor())))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("line 21 \"" + note + "\"")
                .hasMessageContaining("would lose it")
                .hasMessageContaining("nothing was written");
        assertThat(readme()).isEqualTo(live);
    }

    @Test
    void anExtraParagraphInAProjectsSubsectionIsRefusedToo() throws IOException {
        String remark = "Measured after the cache fix of May.";
        live = live.replace("yielding a 6.04x speedup.\n\n</details>\n",
                "yielding a 6.04x speedup.\n\n</details>\n\n" + remark + "\n");
        Files.writeString(readme, live);

        assertThatThrownBy(() -> update(render(newSculptor()), "sculptor"))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining(remark)
                .hasMessageContaining("in its subsection \"### Sculptor Integration Tests\"");
        assertThat(readme()).isEqualTo(live);

        update(render(newMng()), "mng"); // the remark is in sculptor's subsection, which this update keeps
        assertThat(readme()).contains(remark);
    }

    /** Adds {@code line} to the README after the line of mng's subsection that holds {@code anchor}. */
    private void addToMng(String anchor, String line) throws IOException {
        int at = live.indexOf(anchor, live.indexOf(LIVE_MNG));
        int end = live.indexOf('\n', at) + 1;
        live = live.substring(0, end) + line + "\n" + live.substring(end);
        Files.writeString(readme, live);
    }

    @Test
    void aLineAddedToAProjectsNotesIsRefusedAndNamed() throws IOException {
        String remark = "These numbers were taken on a quiet Sunday; see issue #42.";
        addToMng("tests collected", remark);

        assertThatThrownBy(() -> update(render(newMng()), "mng"))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("\"" + remark + "\" in its subsection \"### Mng Integration Tests\"")
                .hasMessageContaining("nothing was written");
        assertThat(readme()).isEqualTo(live);
    }

    @Test
    void aTableRowAddedToAProjectsSubsectionIsRefused() throws IOException {
        String row = "| Offload (local, max 8) | 200.0 | 57.8% | 1.73x |";
        addToMng("| Offload (Modal", row);

        assertThatThrownBy(() -> update(render(newMng()), "mng"))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("\"" + row + "\"");
        assertThat(readme()).isEqualTo(live);
    }

    @Test
    void whatTheTemplateWritesForRunsTheseResultsLackIsBenchsOwnAndReplaced() throws IOException {
        // mng's local runs alone (Offload skipped): the README's Offload row and note are what the
        // template writes when Offload runs, so they are replaced, not someone's text to keep
        ProjectResults local = new ProjectResults("mng", 5301, 200, List.of(baseline(4, "350.0"), high(8, "270.0")));
        String section = render(local);

        Readmes.store(store, readme, new ReadmeStore.NewSection(section, Readmes.HEADINGS, Set.of("mng"),
                render(newMng())));

        String updated = readme();
        String mng = updated.substring(updated.indexOf("### Mng"));
        assertThat(mng.substring(0, mng.indexOf("</details>"))).doesNotContain("| Offload (", "Offload bypasses");
        assertThat(updated).contains(LIVE_SCULPTOR);
    }

    @Test
    void anotherProviderIsANewFigureNotSomeonesText() throws IOException {
        ProjectResults onLocal = new ProjectResults("mng", 5301, 8, OffloadProvider.LOCAL, List.of(
                baseline(4, "350.0"), high(8, "270.0"), offload("180.0")));

        update(render(onLocal), "mng");

        assertThat(readme()).contains("| Offload (local, max 8) |").contains("| Offload (Modal, max 200) |");
    }

    @Test
    void twoSubsectionsOfOneProjectAreRefused() throws IOException {
        live = live.replace(LIVE_MNG, "### Mng Acceptance Tests\n\n| Run Kind | old |\n\n" + LIVE_MNG);
        Files.writeString(readme, live);

        assertThatThrownBy(() -> update(render(newMng()), "mng"))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("two subsections of project mng")
                .hasMessageContaining("\"### Mng Acceptance Tests\"")
                .hasMessageContaining("\"### Mng Integration Tests\"");
        assertThat(readme()).isEqualTo(live);
    }

    @Test
    void aNewProjectFollowsTheOnesTheReadmeShows() throws IOException {
        Files.writeString(readme, live.replace(live.substring(live.indexOf(LIVE_MNG),
                live.indexOf("## Installation")), ""));
        String section = render(newMng(), newSculptor());

        Replacement replaced = update(section);

        assertThat(readme().indexOf("### Sculptor")).isLessThan(readme().indexOf("### Mng"));
        assertThat(replaced.merge().added()).containsExactly(new Subsection("### Mng Unit + Integration Tests",
                Optional.of("mng")));
        assertThat(readme()).contains("</details>\n\n### Mng Unit + Integration Tests\n");
    }
}
