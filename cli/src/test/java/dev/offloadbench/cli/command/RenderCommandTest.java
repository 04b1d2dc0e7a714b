package dev.offloadbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.cli.BenchRunner;
import dev.offloadbench.cli.BenchRunner.Result;
import dev.offloadbench.cli.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench render} and {@code bench update-readme} from a recorded session, on one session
 * recorded for the whole class by a real {@code bench run mng --kinds baseline}.
 */
class RenderCommandTest {
    private static final String README = "# Project\n\n## Benchmarks\n\n## License\n\nMIT\n";

    @TempDir
    static Path dir;
    static Map<String, String> environment;

    @BeforeAll
    static void recordASession() throws IOException {
        Fixtures.requireTool("just");
        Fixtures.requirePytestXdist();
        Fixtures.copy("e2e-mng", dir);
        Files.writeString(dir.resolve("README.md"), README);
        Files.writeString(dir.resolve("offload-bench.toml"), """
                machine = "Test machine"
                readme = "README.md"
                [projects.mng]
                path = "e2e-mng"
                """);
        environment = Fixtures.sessionEnvironment(dir);
        Result run = bench("run", "mng", "--kinds", "baseline");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    private static Result bench(String... args) {
        return new BenchRunner(environment, dir).run(args);
    }

    @Test
    void renderFromTheLatestSessionPrintsABenchmarksSectionWithTheMngRows() {
        Result result = bench("render", "--session", "latest");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("## Benchmarks\n")
                .contains("### Mng Unit + Integration Tests")
                .contains("pytest with xdist, n=1 (baseline)")
                .contains("Test machine");
    }

    @Test
    void renderFromASessionIsTheSameAsFromItsResultsFile() throws IOException {
        Path results;
        try (var sessions = Files.list(dir.resolve("state/offload-bench/sessions"))) {
            results = sessions.findFirst().orElseThrow().resolve("session.json");
        }

        Result fromFile = bench("render", "--results", results.toString());

        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(bench("render", "--session", "latest").out()).isEqualTo(fromFile.out());
    }

    @Test
    void resultsAndSessionTogetherAreAUsageError() {
        Result result = bench("render", "--results", dir.resolve("r.json").toString(), "--session", "latest");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--results").contains("--session").contains("mutually exclusive");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void neitherResultsNorSessionIsAUsageError() {
        Result result = bench("render");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--results").contains("--session");
    }

    @Test
    void anUnknownSessionIsAnErrorNamingIt() {
        Result result = bench("render", "--session", "nope");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nope");
    }

    @Test
    void updateReadmeDryRunFromTheLatestSessionPrintsADiffAndWritesNothing() throws IOException {
        Path readme = dir.resolve("README.md");

        Result result = bench("update-readme", "--session", "latest", "--readme", readme.toString(), "--dry-run");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("---").contains("+++").contains("\n+Speedups measured on Imbue projects")
                .contains("+### Mng Unit + Integration Tests");
        assertThat(Files.readString(readme)).isEqualTo(README);
    }

    @Test
    void updateReadmeFromASessionWithoutReadmeUpdatesTheReadmeTheSessionWasRunFor() throws IOException {
        Path readme = dir.resolve("README.md");

        Result result = bench("update-readme", "--session", "latest", "--dry-run");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("--- a/README.md\n+++ b/README.md\n")
                .contains("+| pytest with xdist, n=1 (baseline) |");
        assertThat(Files.readString(readme)).isEqualTo(README);
    }
}
