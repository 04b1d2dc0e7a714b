package dev.offloadbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.cli.BenchRunner;
import dev.offloadbench.cli.BenchRunner.Result;
import dev.offloadbench.cli.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runs' logs: echoed with --show-output, gzipped after each run, read back by results, kept for keep_logs sessions. */
class RunLogsTest {
    @TempDir
    Path dir;
    Map<String, String> environment;

    @BeforeAll
    static void needsTools() {
        Fixtures.requireTool("just");
        Fixtures.requirePytestXdist();
    }

    @BeforeEach
    void setUp() throws IOException {
        Fixtures.copy("e2e-mng", dir);
        Files.writeString(dir.resolve("README.md"), "# Project\n\n## Benchmarks\n\n## License\n");
        config("");
        environment = Fixtures.sessionEnvironment(dir);
    }

    private void config(String extra) throws IOException {
        Files.writeString(dir.resolve("offload-bench.toml"), "machine = \"Test machine\"\nreadme = \"README.md\"\n"
                + extra + "[projects.mng]\npath = \"e2e-mng\"\n");
    }

    private Result bench(String... args) {
        return new BenchRunner(environment, dir).run(args);
    }

    private List<Path> sessions() throws IOException {
        try (Stream<Path> folders = Files.list(dir.resolve("state/offload-bench/sessions"))) {
            return folders.sorted().toList();
        }
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private Result runBaseline(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "mng", "--kinds", "baseline"));
        args.addAll(List.of(more));
        Result result = bench(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        return result;
    }

    @Test
    void eachLogIsGzippedAfterItsRunPrivateAndReadBackByResults() throws IOException {
        runBaseline();

        Path session = sessions().get(0);
        assertThat(files(session)).containsExactly("mng-baseline-sample-1.log.gz", "session.json");
        Path log = session.resolve("mng-baseline-sample-1.log.gz");
        assertThat(Files.getPosixFilePermissions(log)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(log))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("4 passed in");
        }
        assertThat(Files.readString(session.resolve("session.json"))).contains("mng-baseline-sample-1.log.gz");

        Result shown = bench("results", "latest", "--show-output");

        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("== mng baseline sample 1 (" + log + ")").contains("4 passed in");
    }

    @Test
    void keepLogsKeepsTheLogsOfTheLatestSessionsOnlyAndSaysWhatWent() throws IOException {
        config("keep_logs = 1\n");
        runBaseline();
        Result second = runBaseline();

        List<Path> sessions = sessions();
        assertThat(files(sessions.get(0))).containsExactly("session.json");
        assertThat(files(sessions.get(1))).contains("mng-baseline-sample-1.log.gz");
        assertThat(second.out()).contains("Removed the logs of 1 older session (" + sessions.get(0).getFileName())
                .contains("keep_logs = 1");
        Result results = bench("results", sessions.get(0).getFileName().toString());
        assertThat(results.exitCode()).as("the results stay").isZero();
        Result gone = bench("results", sessions.get(0).getFileName().toString(), "--show-output");
        assertThat(gone.exitCode()).isEqualTo(2);
        assertThat(gone.err()).contains("error: the log").contains("is gone").contains("keep_logs");
    }

    @Test
    void sessionsPruneRemovesTheOlderLogsNow() throws IOException {
        runBaseline();
        runBaseline();
        assertThat(files(sessions().get(0))).contains("mng-baseline-sample-1.log.gz");
        config("keep_logs = 1\n");

        Result pruned = bench("sessions", "--prune");

        assertThat(pruned.exitCode()).as(pruned.err()).isZero();
        assertThat(pruned.out()).contains("Removed the logs of 1 older session");
        assertThat(files(sessions().get(0))).containsExactly("session.json");
        assertThat(files(sessions().get(1))).contains("mng-baseline-sample-1.log.gz");
        Result again = bench("sessions", "--prune");
        assertThat(again.out()).contains("No logs to remove");
    }
}
