package dev.offloadbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.cli.BenchRunner;
import dev.offloadbench.cli.BenchRunner.Result;
import dev.offloadbench.cli.Fixtures;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench check} end to end, with the real just and the fake offload of the fixtures. */
class CheckCommandTest {
    @TempDir
    Path dir;
    Path fakeBin;
    Map<String, String> environment;

    @BeforeAll
    static void needsJust() {
        Fixtures.requireTool("just");
    }

    @BeforeEach
    void setUp() throws IOException {
        Fixtures.copy("e2e-mng", dir);
        Fixtures.copy("e2e-sculptor", dir);
        fakeBin = Fixtures.copy("fake-offload-bin", dir);
        Files.writeString(dir.resolve("offload-bench.toml"), """
                machine = "Test machine"
                readme = "README.md"
                [projects.mng]
                path = "e2e-mng"
                [projects.sculptor]
                path = "e2e-sculptor"
                """);
        environment = Fixtures.sessionEnvironment(dir);
    }

    private Result bench(String... args) {
        return new BenchRunner(environment, dir).run(args);
    }

    private void withFakeOffloadOnPath() {
        environment.put("PATH", fakeBin + ":" + environment.get("PATH"));
    }

    /** The status lines (the remedies are indented below them). */
    private static List<String> statusLines(String out) {
        return out.lines().filter(line -> !line.startsWith(" ")).toList();
    }

    @Test
    void everyPrerequisitePresentGivesOneLinePerPrerequisiteAndExitZero() {
        withFakeOffloadOnPath();

        Result result = bench("check");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        List<String> lines = statusLines(result.out());
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("ok      offload").contains("offload 0.9.10 (fake for tests)")
                .contains(fakeBin.resolve("offload").toString());
        assertThat(lines.get(1)).startsWith("ok      Modal credentials").contains("cannot be checked offline");
        assertThat(lines.get(2)).startsWith("ok      just");
        assertThat(lines.get(3)).startsWith("ok      project mng")
                .contains(dir.resolve("e2e-mng").toString() + " (justfile present)");
        assertThat(lines.get(4)).startsWith("ok      project sculptor");
        // the default Offload repository (~/imbue/offload) does not exist in the test's home: a warning at most
        assertThat(lines.get(5)).matches("(warn|skipped) +Offload repository .*");
        assertThat(lines.get(6)).matches("(ok|warn) +machine load +load average .*");
        assertThat(result.out()).doesNotContain("fail ");
    }

    @Test
    void withoutOffloadOnThePathTheOffloadLineFailsWithTheInstallCommandAndExitTwo() {
        // a machine with the real offload installed must not make this pass for the wrong reason
        environment.put("PATH", Stream.of(environment.get("PATH").split(File.pathSeparator))
                .filter(folder -> !Files.isExecutable(Path.of(folder, "offload")))
                .collect(Collectors.joining(File.pathSeparator)));

        Result result = bench("check");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        List<String> lines = result.out().lines().toList();
        int offload = lines.indexOf(lines.stream().filter(l -> l.startsWith("fail    offload")).findFirst()
                .orElseThrow(() -> new AssertionError("no failed offload line in:\n" + result.out())));
        assertThat(lines.get(offload)).contains("`offload` is not on the PATH");
        assertThat(lines.get(offload + 1)).startsWith(" ").contains("-> cargo install offload");
        assertThat(result.out()).contains("ok      just");
    }

    @Test
    void withoutModalCredentialsTheModalLineFailsWithModalTokenNew() {
        withFakeOffloadOnPath();
        environment.remove("MODAL_TOKEN_ID");
        environment.remove("MODAL_TOKEN_SECRET");

        Result result = bench("check");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).containsPattern("fail +Modal credentials").contains("-> modal token new");
    }

    @Test
    void aProjectFolderThatIsMissingFailsNamingTheConfigurationFile() throws IOException {
        withFakeOffloadOnPath();
        Files.writeString(dir.resolve("offload-bench.toml"), """
                readme = "README.md"
                [projects.mng]
                path = "gone"
                """);

        Result result = bench("check");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("fail    project mng          " + dir.resolve("gone") + " does not exist")
                .contains("[projects.mng] in " + dir.resolve("offload-bench.toml"));
    }
}
