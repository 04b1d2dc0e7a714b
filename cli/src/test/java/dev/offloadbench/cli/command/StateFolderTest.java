package dev.offloadbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.cli.BenchRunner;
import dev.offloadbench.cli.BenchRunner.Result;
import dev.offloadbench.cli.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state folder end to end (real just, real pytest-xdist): the lock is never followed through
 * a symbolic link nor taken for a command that is wrong, a corrupt older session is skipped and
 * reported, and secrets are neither written nor readable by others.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class StateFolderTest {
    private static final String TOKEN = "tok-5f3a9c";

    @TempDir
    Path dir;
    Map<String, String> environment;
    Path state;

    @BeforeAll
    static void needsTools() {
        Fixtures.requireTool("just");
        Fixtures.requirePytestXdist();
    }

    @BeforeEach
    void setUp() throws IOException {
        Path project = Fixtures.copy("e2e-mng", dir);
        // the recipe tells what the run really got, without printing it
        Files.writeString(project.resolve("justfile"), """
                test-integration:
                    echo "token=$API_TOKEN" >> token-seen; sleep ${E2E_RECIPE_SLEEP:-0}; /usr/bin/python3 -m pytest -q -p no:cacheprovider -n ${PYTEST_NUMPROCESSES:-1} tests

                test-offload:
                    offload -c offload-modal.toml run
                """);
        Files.writeString(dir.resolve("README.md"), "# Project\n\n## Benchmarks\n\nOld.\n");
        writeConfig(TOKEN);
        environment = Fixtures.sessionEnvironment(dir);
        state = dir.resolve("state/offload-bench");
    }

    private void writeConfig(String token) throws IOException {
        Files.writeString(dir.resolve("offload-bench.toml"), """
                machine = "Test machine"
                readme = "README.md"
                [projects.mng]
                path = "e2e-mng"
                env = { MODE = "fast"%s }
                """.formatted(token == null ? "" : ", API_TOKEN = \"" + token + "\""));
    }

    private Result bench(String... args) {
        return new BenchRunner(environment, dir).run(args);
    }

    private List<Path> sessionFolders() throws IOException {
        try (Stream<Path> folders = Files.list(state.resolve("sessions"))) {
            return folders.sorted().toList();
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aLockThatIsASymbolicLinkIsRefusedAndWhatItPointsToIsLeftAlone() throws IOException {
        Files.createDirectories(state);
        Path precious = Files.writeString(dir.resolve("precious.txt"), "keep me\n");
        Files.createSymbolicLink(state.resolve("run.lock"), precious);

        Result result = bench("run", "mng", "--kinds", "baseline");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err()).contains("error: the session lock " + state.toRealPath().resolve("run.lock")
                + " is a symbolic link").contains("remove it").doesNotContain("Exception");
        assertThat(Files.readString(precious)).isEqualTo("keep me\n");
        assertThat(state.resolve("sessions")).doesNotExist();
    }

    @Test
    void wrongArgumentsAreRefusedBeforeTheLockOrTheStateFolderIsTouched() {
        Result unknown = bench("run", "nope");
        Result escape = bench("run", "--resume", "../../etc");
        Result missing = bench("run", "--resume", "20200101-000000");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no project uses profile `nope`");
        assertThat(escape.exitCode()).isEqualTo(2);
        assertThat(escape.err()).contains("\"../../etc\" is not a session id");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("there is no session `20200101-000000`");
        assertThat(dir.resolve("state")).doesNotExist();
    }

    @Test
    void aCorruptOlderSessionIsReportedAndSkippedNeverABlocker() throws IOException {
        Path corrupt = state.resolve("sessions/20200101-000000/session.json");
        Files.createDirectories(corrupt.getParent());
        Files.writeString(corrupt, "{\"schema\": 1,\n \"session\": {\"id\": \"20200101-000000\",");

        Result run = bench("run", "mng", "--kinds", "baseline");
        Result sessions = bench("sessions");
        Result results = bench("results", "20200101-000000");

        String warning = "warning: session 20200101-000000 cannot be read, so it is skipped: " + corrupt + ":2:";
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains(warning);
        assertThat(sessions.exitCode()).isZero();
        assertThat(sessions.err()).contains(warning);
        assertThat(sessions.out()).contains("finished").doesNotContain("20200101-000000");
        assertThat(results.exitCode()).isEqualTo(2);
        assertThat(results.err()).contains("error: " + corrupt + ":2:").contains("ends before an object is closed");
    }

    @Test
    void secretsReachTheRunButAreNeitherWrittenNorShownNorReadableByOthers() throws IOException {
        Files.writeString(dir.resolve("offload-bench.toml"), "exporters = [\"json\"]\n"
                + Files.readString(dir.resolve("offload-bench.toml")));
        Result plan = bench("plan", "mng");
        Result planJson = bench("plan", "mng", "--json");
        Result run = bench("run", "mng", "--kinds", "baseline");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        // the probe runs the recipe too, before the timed run: both saw the real value
        assertThat(Files.readAllLines(dir.resolve("e2e-mng/token-seen"))).hasSize(2).containsOnly("token=" + TOKEN);
        assertThat(plan.out()).contains("API_TOKEN='<redacted>' MODE=fast").doesNotContain(TOKEN);
        assertThat(planJson.out()).contains("\"API_TOKEN\" : \"<redacted>\"").doesNotContain(TOKEN);
        assertThat(run.out()).doesNotContain(TOKEN);
        Path session = sessionFolders().get(0);
        String document = Files.readString(session.resolve("session.json"));
        assertThat(document).doesNotContain(TOKEN).contains("\"API_TOKEN\": \"<redacted>\"")
                .contains("\"MODE\": \"fast\"");
        assertThat(bench("results", "latest", "--json").out()).doesNotContain(TOKEN);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(mode(state)).isEqualTo("rwx------");
            assertThat(mode(state.resolve("sessions"))).isEqualTo("rwx------");
            assertThat(mode(session)).isEqualTo("rwx------");
            assertThat(mode(session.resolve("session.json"))).isEqualTo("rw-------");
            assertThat(mode(session.resolve("results.json"))).as("an export of the session").isEqualTo("rw-------");
            assertThat(mode(state.resolve("run.lock"))).isEqualTo("rw-------");
            try (Stream<Path> logs = Files.list(session)) {
                assertThat(logs.filter(p -> p.toString().endsWith(".log.gz")).toList()).isNotEmpty()
                        .allSatisfy(log -> assertThat(mode(log)).as(log.toString()).isEqualTo("rw-------"));
            }
        }
    }

    @Test
    void aResumedSessionGetsTheSecretFromTheConfigurationAgainOrSaysItIsGone() throws IOException {
        environment.put("E2E_RECIPE_SLEEP", "60");
        // not probed, so that the timed run is the one the time limit cuts short
        Result timedOut = bench("run", "mng", "--kinds", "baseline", "--timeout", "3s", "--no-probe");
        assertThat(timedOut.exitCode()).as(timedOut.out() + timedOut.err()).isEqualTo(1);
        Files.delete(dir.resolve("e2e-mng/token-seen"));

        writeConfig(null);
        environment.put("E2E_RECIPE_SLEEP", "0");
        Result gone = bench("run", "--resume");
        writeConfig(TOKEN);
        Result resumed = bench("run", "--resume");

        assertThat(gone.exitCode()).isEqualTo(2);
        assertThat(gone.err()).contains("ran mng with API_TOKEN set, whose value a session keeps redacted")
                .contains("put it back in `env` under [projects.mng]");
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(Files.readString(dir.resolve("e2e-mng/token-seen"))).isEqualTo("token=" + TOKEN + "\n");
        assertThat(Files.readString(sessionFolders().get(0).resolve("session.json"))).doesNotContain(TOKEN);
    }

    @Test
    void aRelativeXdgFolderIsSaidThenIgnored() {
        environment.put("XDG_STATE_HOME", "relative/state");
        environment.put("XDG_CONFIG_HOME", "relative/config");

        Result sessions = bench("sessions");

        assertThat(sessions.exitCode()).isZero();
        assertThat(sessions.err()).contains("warning: XDG_STATE_HOME=relative/state is not an absolute path, so it"
                + " is ignored (the XDG base directory rules say so) and ~/.local/state is used")
                .contains("warning: XDG_CONFIG_HOME=relative/config is not an absolute path");
        assertThat(dir.resolve("relative")).doesNotExist();
    }
}
