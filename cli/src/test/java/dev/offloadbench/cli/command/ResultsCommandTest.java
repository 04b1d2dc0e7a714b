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
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench results} end to end, on one session recorded for the whole class by a real
 * {@code bench run mng --kinds baseline} (the real just and pytest-xdist on a fixture project).
 */
class ResultsCommandTest {
    @TempDir
    static Path dir;
    static Map<String, String> environment;
    static String sessionId;

    @BeforeAll
    static void recordASession() throws IOException {
        Fixtures.requireTool("just");
        Fixtures.requirePytestXdist();
        Fixtures.copy("e2e-mng", dir);
        Files.writeString(dir.resolve("README.md"), "# Project\n\n## Benchmarks\n\nOld.\n");
        Files.writeString(dir.resolve("offload-bench.toml"), """
                machine = "Test machine"
                readme = "README.md"
                [projects.mng]
                path = "e2e-mng"
                """);
        environment = Fixtures.sessionEnvironment(dir);
        Result run = bench("run", "mng", "--kinds", "baseline");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        try (Stream<Path> sessions = Files.list(dir.resolve("state/offload-bench/sessions"))) {
            sessionId = sessions.map(p -> p.getFileName().toString()).findFirst().orElseThrow();
        }
    }

    private static Result bench(String... args) {
        return new BenchRunner(environment, dir).run(args);
    }

    @Test
    void latestPrintsTheSessionAsATable() {
        Result result = bench("results", "latest");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Session " + sessionId + "\n")
                .containsPattern("Project +Kind +Workers +Time \\(s\\) +Status +Time \\(%\\) +Speedup")
                .containsPattern("mng +baseline +1 +[0-9.]+ +valid +100(\\.0)?% +1\\.00x")
                // --kinds baseline plans the baseline alone: the other runs are not in the session
                .doesNotContain("INVALID", "unfinished", "high", "offload", "Skipped runs:");
    }

    @Test
    void withoutAnIdItShowsTheLatest() {
        assertThat(bench("results").out()).isEqualTo(bench("results", "latest").out());
    }

    @Test
    void anIdShowsThatSession() {
        Result result = bench("results", sessionId);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Session " + sessionId);
    }

    @Test
    void jsonPrintsTheSessionsResultsDocument() throws IOException {
        Result result = bench("results", "latest", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(Files.readString(
                dir.resolve("state/offload-bench/sessions").resolve(sessionId).resolve("session.json")));
        Map<String, Object> document;
        try (JsonParser parser = new JsonFactory().createParser(result.out())) {
            document = Fixtures.readObject(parser);
        }
        assertThat(document).containsEntry("schema", 1).containsKey("session");
        assertThat(Fixtures.at(document, "session.id")).isEqualTo(sessionId);
        assertThat(Fixtures.at(document, "session.finished")).isEqualTo(true);
        assertThat(Fixtures.at(document, "projects[0].profile")).isEqualTo("mng");
        assertThat(Fixtures.at(document, "projects[0].testCount")).isEqualTo(4);
        assertThat(Fixtures.at(document, "projects[0].runs[0].kind")).isEqualTo("baseline");
    }

    @Test
    void anUnknownIdIsAnErrorNamingIt() {
        Result result = bench("results", "nope");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nope").contains("bench sessions");
        assertThat(result.out()).isEmpty();
    }
}
