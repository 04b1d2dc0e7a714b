package dev.offloadbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.offloadbench.cli.BenchRunner;
import dev.offloadbench.cli.BenchRunner.Result;
import dev.offloadbench.cli.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new project benchmarked and published from TOML alone: its table words the report, no plugin;
 * and what a program reads of it ({@code --json}, {@code --format json}).
 */
class TomlOnlyProfileTest {
    private static final String README = """
            # Widget

            ## Benchmarks

            ## License

            MIT
            """;

    @TempDir
    Path dir;
    Map<String, String> environment;

    @BeforeEach
    void setUp() throws IOException {
        Fixtures.copy("e2e-mng", dir);
        Files.writeString(dir.resolve("README.md"), README);
        Files.writeString(dir.resolve("offload-bench.toml"), """
                machine = "Test machine"
                readme = "README.md"
                offload_optional = true
                [projects.widget]
                path = "e2e-mng"
                title = "Widget"
                suite_label = "API Tests"
                notes = ["{{testCount}} API tests, n={{baseline.workers}} by default.", "{{#if offload}}Never.{{/if}}"]
                heading_aliases = ["Widget Service Tests"]
                """);
        environment = Fixtures.sessionEnvironment(dir);
    }

    private Result bench(String... args) {
        return new BenchRunner(environment, dir).run(args);
    }

    private static Map<String, Object> json(String text) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            return Fixtures.readObject(parser);
        }
    }

    @Test
    void aTomlProfileRendersFromRecordedResults() throws IOException {
        Path results = Files.writeString(dir.resolve("r.json"), """
                {"schema": 1, "machine": "box", "projects": [{"profile": "widget", "testCount": 1500,
                 "maxParallel": 10, "runs": [{"kind": "baseline", "workers": 3, "seconds": 12.0, "valid": true},
                 {"kind": "high", "workers": 6, "seconds": 8.0, "valid": true}]}]}
                """);

        Result result = bench("render", "--results", results.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("### Widget API Tests").contains("1,500 API tests, n=3 by default.")
                .doesNotContain("Never.");
    }

    @Test
    void profilesNamesTheConfigurationAsTheSource() {
        Result result = bench("profiles");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("widget +Widget API Tests +pytest +configuration \\("
                + java.util.regex.Pattern.quote(dir.resolve("offload-bench.toml").toString()) + ":4:1 \\[projects.widget\\]\\)")
                .containsPattern("mng +Mng Unit \\+ Integration Tests +pytest +built-in");
    }

    @Test
    void aNewProjectIsBenchmarkedAndPublishedFromTomlAlone() throws IOException {
        Fixtures.requireTool("just");
        Fixtures.requirePytestXdist();

        Result run = bench("run", "all", "--update-readme");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        String readme = Files.readString(dir.resolve("README.md"));
        assertThat(readme).contains("### Widget API Tests").contains("4 API tests, n=1 by default.")
                .endsWith("## License\n\nMIT\n");

        Map<String, Object> sessions = json(bench("sessions", "--json").out());
        assertThat(Fixtures.at(sessions, "sessions[0].finished")).isEqualTo(true);
        assertThat(Fixtures.at(sessions, "sessions[0].profiles")).isEqualTo(List.of("widget"));
        assertThat(Fixtures.at(sessions, "sessions[0].runsDone")).isEqualTo(2);
        String id = (String) Fixtures.at(sessions, "sessions[0].id");

        Path exported = dir.resolve("exports/widget.json");
        Result export = bench("results", id, "--format", "json", "--output", exported.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        Map<String, Object> document = json(Files.readString(exported));
        assertThat(Fixtures.at(document, "projects[0].profile")).isEqualTo("widget");
        assertThat(Fixtures.at(document, "projects[0].testCount")).isEqualTo(4);
        assertThat(Fixtures.at(document, "projects[0].runs[1].workers")).isEqualTo(2);

        Result rendered = bench("render", "--results", exported.toString());
        assertThat(rendered.out()).contains("### Widget API Tests");
    }

    @Test
    void checkSpeaksJson() throws IOException {
        Fixtures.requireTool("just");

        Result result = bench("check", "--json");

        Map<String, Object> checks = json(result.out());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(Fixtures.at(checks, "ok")).isEqualTo(false);
        assertThat(Fixtures.at(checks, "checks[0].name")).isEqualTo("offload");
        assertThat(Fixtures.at(checks, "checks[0].status")).isEqualTo("fail");
        assertThat(Fixtures.at(checks, "checks[0].offloadOnly")).isEqualTo(true);
        assertThat((String) Fixtures.at(checks, "checks[0].remedy")).contains("cargo install offload");
        assertThat(Fixtures.at(checks, "checks[2].name")).isEqualTo("just");
        assertThat(Fixtures.at(checks, "checks[2].status")).isEqualTo("ok");
    }

    @Test
    void aFormatNoExporterWritesIsAnErrorNamingTheInstalledOnes() {
        Result result = bench("results", "latest", "--format", "yaml");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: no installed exporter writes \"yaml\"; installed formats: json."
                + " Add the plugin jar that provides it (see \"Plugins\" in the README)\n");
    }
}
