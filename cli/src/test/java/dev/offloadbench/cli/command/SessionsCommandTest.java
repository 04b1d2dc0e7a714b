package dev.offloadbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.cli.BenchRunner;
import dev.offloadbench.cli.BenchRunner.Result;
import dev.offloadbench.cli.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench sessions} end to end: the real just, real pytest-xdist, a fixture project. */
class SessionsCommandTest {
    @TempDir
    Path dir;
    Map<String, String> environment;

    @BeforeEach
    void setUp() throws IOException {
        Fixtures.copy("e2e-mng", dir);
        Files.writeString(dir.resolve("README.md"), "# Project\n\n## Benchmarks\n\nOld.\n");
        Files.writeString(dir.resolve("offload-bench.toml"), """
                machine = "Test machine"
                readme = "README.md"
                [projects.mng]
                path = "e2e-mng"
                """);
        environment = Fixtures.sessionEnvironment(dir);
    }

    private Result bench(String... args) {
        return new BenchRunner(environment, dir).run(args);
    }

    private String onlySessionId() throws IOException {
        try (Stream<Path> sessions = Files.list(dir.resolve("state/offload-bench/sessions"))) {
            return sessions.map(p -> p.getFileName().toString()).reduce((a, b) -> {
                throw new AssertionError("more than one session: " + a + ", " + b);
            }).orElseThrow();
        }
    }

    @Test
    void withNoSessionItSaysSo() {
        Result result = bench("sessions");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("No session recorded yet; bench run starts one.\n");
    }

    @Test
    void aFinishedRunIsListedWithItsIdAndFinished() throws IOException {
        Fixtures.requireTool("just");
        Fixtures.requirePytestXdist();
        Result run = bench("run", "mng", "--kinds", "baseline");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        Result result = bench("sessions");

        assertThat(result.exitCode()).as(result.err()).isZero();
        String id = onlySessionId();
        assertThat(id).matches("\\d{8}-\\d{6}(-\\d+)?");
        assertThat(result.out().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith(id).contains("finished").doesNotContain("unfinished")
                .contains("1/1 runs done").endsWith("mng"));
    }
}
