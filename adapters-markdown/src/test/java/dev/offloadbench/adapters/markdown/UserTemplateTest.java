package dev.offloadbench.adapters.markdown;

import static dev.offloadbench.adapters.markdown.Reports.MACHINE;
import static dev.offloadbench.adapters.markdown.Reports.baseline;
import static dev.offloadbench.adapters.markdown.Reports.mng;
import static dev.offloadbench.adapters.markdown.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.BenchmarkReport;
import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.model.ProjectResults;
import dev.offloadbench.domain.model.RunOutcome;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.service.ReportAssembler;
import dev.offloadbench.domain.spi.ProfileProvider;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserTemplateTest {
    private final HandlebarsReportRenderer renderer = new HandlebarsReportRenderer();

    @TempDir
    Path folder;

    @Test
    void rendersAUsersTemplateWithTheDocumentedContext() throws IOException {
        Path template = write("mine.hbs", """
                ## Benchmarks

                On {{machine}}:
                {{#each projects}}
                * {{id}}: {{title}} / {{suiteLabel}} / {{testCount}} tests / max {{maxParallel}} / offload {{offload.speedup}}x
                {{#each rows}}
                  - {{kind}} n={{workers}} {{time}} s {{percent}}% {{speedup}}x {{barWidth}}px{{#if offload}} (offload){{/if}}\
                {{#unless valid}} INVALID: {{reason}}{{/unless}}
                {{/each}}
                {{#each notes}}
                  > {{this}}
                {{/each}}
                {{/each}}
                """);
        ProjectResults failing = new ProjectResults("mng", 5275, 200, List.of(baseline(4, "345.8"),
                RunOutcome.offload(new BigDecimal("185.9"), Validity.invalid("3 tests failed"))));

        String section = renderer.render(report("box & \"co\"", failing), Optional.of(template));

        assertThat(section).isEqualTo("""
                ## Benchmarks

                On box & "co":
                * mng: Mng / Unit + Integration Tests / 5,275 tests / max 200 / offload 1.86x
                  - baseline n=4 345.8 s 100.0% 1.00x 150px
                  - offload n= 185.9 s 53.8% 1.86x 81px (offload) INVALID: 3 tests failed
                  > 5,275 tests collected (unit + integration, excluding acceptance and release).
                  > Individual tests are lightweight and fast-running, so the default xdist cap is n=4.
                  > Offload bypasses xdist entirely, fanning out across up to 200 isolated Modal sandboxes. \
                The low per-test cost makes Offload's per-sandbox overhead proportionally larger, yielding a modest \
                1.86x speedup.
                """);
    }

    @Test
    void findsPartialsBesideTheTemplate() throws IOException {
        write("row.hbs", "{{kind}}={{time}}");
        Path template = write("main.hbs", "## Benchmarks\n{{#each projects}}{{#each rows}}{{> row}};{{/each}}{{/each}}\n");

        String section = renderer.render(report(MACHINE, mng()), Optional.of(template));

        assertThat(section).isEqualTo("## Benchmarks\nbaseline=345.8;high=266.9;offload=185.9;\n");
    }

    @Test
    void namesAMissingTemplateFile() {
        Path missing = folder.resolve("nowhere.hbs");

        assertThatThrownBy(() -> renderer.render(report(MACHINE, mng()), Optional.of(missing)))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void namesTheFileAndPositionOfATemplateSyntaxError() throws IOException {
        Path template = write("broken.hbs", "## Benchmarks\n{{#each projects}}\n{{title}\n{{/each}}\n");

        assertThatThrownBy(() -> renderer.render(report(MACHINE, mng()), Optional.of(template)))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining(template + ":3:")
                .hasMessageContaining("fix the template");
    }

    @Test
    void namesTheFileOfAnUnclosedBlock() throws IOException {
        Path template = write("unclosed.hbs", "## Benchmarks\n{{#each projects}}\n{{title}}\n");

        assertThatThrownBy(() -> renderer.render(report(MACHINE, mng()), Optional.of(template)))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining(template.toString())
                .hasMessageContaining("{{/");
    }

    @Test
    void leavesOutNotesLinesThatRenderBlank() {
        Profile profile = new Profile("tiny", "Tiny", "Unit Tests", List.of(
                "{{testCount}} tests.", "{{#if offload}}Offload took {{offload.time}} s.{{/if}}", "The end."));

        String section = renderer.render(reportOf(profile), Optional.empty());

        assertThat(section).contains("\n\n7 tests.\nThe end.\n\n</details>\n");
    }

    @Test
    void namesTheProfileAndLineOfABrokenNotesLine() {
        Profile profile = new Profile("tiny", "Tiny", "Unit Tests", List.of("fine", "{{#if offload}}never closed"));

        assertThatThrownBy(() -> renderer.render(reportOf(profile), Optional.empty()))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("profile tiny, Notes line 2")
                .hasMessageContaining("fix that Notes line");
    }

    private static BenchmarkReport reportOf(Profile profile) {
        ProfileProvider plugin = new ProfileProvider() {
            @Override
            public List<Profile> profiles() {
                return List.of(profile);
            }
        };
        ProjectResults results = new ProjectResults(profile.id(), 7, 10, List.of(baseline(2, "10.0")));
        return new ReportAssembler(new ProfileRegistry().install(plugin))
                .assemble(new BenchmarkResults(MACHINE, List.of(results)));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }
}
