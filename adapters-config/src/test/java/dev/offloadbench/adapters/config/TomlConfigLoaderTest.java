package dev.offloadbench.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.config.BenchConfig;
import dev.offloadbench.domain.config.ProjectConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TomlConfigLoaderTest {
    @TempDir
    Path root;

    private Path home;
    private Path cwd;
    private final Map<String, String> env = new HashMap<>();
    private final TomlConfigLoader loader = new TomlConfigLoader();

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(root.resolve("home"));
        cwd = Files.createDirectories(root.resolve("work"));
        env.put("HOME", home.toString());
    }

    private BenchConfig load() {
        return loader.load(Optional.empty(), env, cwd);
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static String machineFile(String machine) {
        return "machine = \"" + machine + "\"\n";
    }

    // --- where the file is found ---

    @Test
    void explicitPathWinsOverEveryOtherLocation() throws IOException {
        Path explicit = write(root.resolve("explicit.toml"), machineFile("explicit"));
        env.put("OFFLOAD_BENCH_CONFIG", write(root.resolve("env.toml"), machineFile("env")).toString());
        write(cwd.resolve("offload-bench.toml"), machineFile("local"));
        write(home.resolve(".config/offload-bench/config.toml"), machineFile("user"));

        BenchConfig config = loader.load(Optional.of(explicit), env, cwd);

        assertThat(config.machine()).contains("explicit");
        assertThat(config.source()).contains(explicit);
    }

    @Test
    void relativeExplicitPathResolvesAgainstTheWorkingDirectory() throws IOException {
        Path file = write(cwd.resolve("conf/bench.toml"), machineFile("relative"));

        BenchConfig config = loader.load(Optional.of(Path.of("conf/bench.toml")), env, cwd);

        assertThat(config.source()).contains(file);
    }

    @Test
    void environmentVariableWinsOverLocalAndUserFiles() throws IOException {
        env.put("OFFLOAD_BENCH_CONFIG", write(root.resolve("env.toml"), machineFile("env")).toString());
        write(cwd.resolve("offload-bench.toml"), machineFile("local"));
        write(home.resolve(".config/offload-bench/config.toml"), machineFile("user"));

        assertThat(load().machine()).contains("env");
    }

    @Test
    void localFileWinsOverTheUserFile() throws IOException {
        Path local = write(cwd.resolve("offload-bench.toml"), machineFile("local"));
        write(home.resolve(".config/offload-bench/config.toml"), machineFile("user"));

        BenchConfig config = load();

        assertThat(config.machine()).contains("local");
        assertThat(config.source()).contains(local);
    }

    @Test
    void userFileIsFoundUnderXdgConfigHome() throws IOException {
        Path xdg = root.resolve("xdg");
        env.put("XDG_CONFIG_HOME", xdg.toString());
        write(home.resolve(".config/offload-bench/config.toml"), machineFile("dot-config"));
        write(xdg.resolve("offload-bench/config.toml"), machineFile("xdg"));

        assertThat(load().machine()).contains("xdg");
    }

    @Test
    void userFileDefaultsToDotConfigInHome() throws IOException {
        write(home.resolve(".config/offload-bench/config.toml"), machineFile("dot-config"));

        assertThat(load().machine()).contains("dot-config");
    }

    @Test
    void withoutAnyFileTheProcedureDefaultsApply() {
        BenchConfig config = load();

        assertThat(config.source()).isEmpty();
        assertThat(config.machine()).isEmpty();
        assertThat(config.offloadRepo()).isEqualTo(home.resolve("imbue/offload"));
        assertThat(config.readme()).isEqualTo(home.resolve("imbue/offload/README.md"));
        assertThat(config.projects()).containsExactly(ProjectConfig.at("mng", home.resolve("imbue/mng")),
                ProjectConfig.at("sculptor", home.resolve("imbue/sculptor")));
    }

    @Test
    void missingExplicitFileIsAnErrorNamingItAndTheOption() {
        Path missing = root.resolve("nope.toml");

        assertThatThrownBy(() -> loader.load(Optional.of(missing), env, cwd))
                .isInstanceOf(BenchException.class)
                .hasMessage("Configuration file " + missing + " (given with --config) does not exist");
    }

    @Test
    void missingFileNamedByTheEnvironmentIsAnErrorNamingTheVariable() throws IOException {
        Path missing = root.resolve("nope.toml");
        env.put("OFFLOAD_BENCH_CONFIG", missing.toString());
        write(cwd.resolve("offload-bench.toml"), machineFile("local"));

        assertThatThrownBy(this::load)
                .isInstanceOf(BenchException.class)
                .hasMessage("Configuration file " + missing + " (named by $OFFLOAD_BENCH_CONFIG) does not exist");
    }

    // --- what the file says ---

    @Test
    void tildeExpandsToHomeAndRelativePathsResolveAgainstTheConfigFile() throws IOException {
        Path config = write(root.resolve("conf/offload-bench.toml"), """
                offload_repo = "~/src/offload"
                [projects.mng]
                path = "../projects/./mng"
                [projects.home]
                path = "~"
                """);

        BenchConfig loaded = loader.load(Optional.of(config), env, cwd);

        assertThat(loaded.offloadRepo()).isEqualTo(home.resolve("src/offload"));
        assertThat(loaded.readme()).isEqualTo(home.resolve("src/offload/README.md"));
        assertThat(loaded.projects()).extracting(ProjectConfig::path)
                .containsExactly(root.resolve("projects/mng"), home);
    }

    @Test
    void readmeOverridesTheOffloadRepoReadme() throws IOException {
        write(cwd.resolve("offload-bench.toml"), """
                offload_repo = "/opt/offload"
                readme = "docs/BENCH.md"
                """);

        BenchConfig config = load();

        assertThat(config.offloadRepo()).isEqualTo(Path.of("/opt/offload"));
        assertThat(config.readme()).isEqualTo(cwd.resolve("docs/BENCH.md"));
    }

    @Test
    void probingIsOnUnlessTheConfigurationTurnsItOff() throws IOException {
        write(cwd.resolve("offload-bench.toml"), "machine = \"m\"\n");
        assertThat(load().probe()).isTrue();
        write(cwd.resolve("offload-bench.toml"), "probe = false\n");
        assertThat(load().probe()).isFalse();
        write(cwd.resolve("offload-bench.toml"), "probe = 0\n");
        assertThatThrownBy(this::load).isInstanceOf(BenchException.class)
                .hasMessageContaining("`probe` must be true or false, found an integer");
    }

    @Test
    void theNotesShowTheSpreadOnlyWhenTheConfigurationTurnsItOn() throws IOException {
        write(cwd.resolve("offload-bench.toml"), "machine = \"m\"\n");
        assertThat(load().notesShowSpread()).isFalse();
        write(cwd.resolve("offload-bench.toml"), "notes_show_spread = true\n");
        assertThat(load().notesShowSpread()).isTrue();
        write(cwd.resolve("offload-bench.toml"), "notes_show_spread = \"yes\"\n");
        assertThatThrownBy(this::load).isInstanceOf(BenchException.class)
                .hasMessageContaining("offload-bench.toml:1:1:")
                .hasMessageContaining("`notes_show_spread` must be true or false, found a string");
    }

    @Test
    void theLogsOfTheLastTenSessionsAreKeptUnlessTheConfigurationSaysOtherwise() throws IOException {
        write(cwd.resolve("offload-bench.toml"), "machine = \"m\"\n");
        assertThat(load().keepLogs()).isEqualTo(10);
        write(cwd.resolve("offload-bench.toml"), "keep_logs = 3\n");
        assertThat(load().keepLogs()).isEqualTo(3);
        write(cwd.resolve("offload-bench.toml"), "keep_logs = 0\n");
        assertThatThrownBy(this::load).isInstanceOf(BenchException.class)
                .hasMessageContaining("offload-bench.toml:1:1: `keep_logs` must be an integer >= 1, found 0");
        write(cwd.resolve("offload-bench.toml"), "keep_logs = \"all\"\n");
        assertThatThrownBy(this::load).hasMessageContaining("`keep_logs` must be an integer >= 1, found a string");
    }

    @Test
    void offloadIsRequiredUnlessTheFileMakesItOptional() throws IOException {
        write(cwd.resolve("offload-bench.toml"), "offload_optional = true\n");
        assertThat(load().offloadOptional()).isTrue();

        write(cwd.resolve("offload-bench.toml"), machineFile("m"));
        assertThat(load().offloadOptional()).isFalse();

        write(cwd.resolve("offload-bench.toml"), "offload_optional = \"yes\"\n");
        assertThatThrownBy(this::load).hasMessageContaining("offload-bench.toml:1:1:")
                .hasMessageContaining("`offload_optional` must be true or false, found a string");
    }

    @Test
    void withoutProjectsTableTheDefaultProjectsApply() throws IOException {
        write(cwd.resolve("offload-bench.toml"), machineFile("m"));

        assertThat(load().projects()).extracting(ProjectConfig::profile).containsExactly("mng", "sculptor");
    }

    @Test
    void projectsKeepTheOrderOfTheFile() throws IOException {
        write(cwd.resolve("offload-bench.toml"), """
                [projects.sculptor]
                path = "/s"
                [projects.zeta]
                path = "/z"
                [projects.mng]
                path = "/m"
                """);

        assertThat(load().projects()).extracting(ProjectConfig::profile).containsExactly("sculptor", "zeta", "mng");
    }

    @Test
    void everyOptionalKeyIsApplied() throws IOException {
        Path file = write(cwd.resolve("offload-bench.toml"), """
                machine = "MacBook Pro with Apple M4 (10 cores: 4P + 6E), 16 GB RAM"
                [projects.mng]
                path = "/p/mng"
                baseline_recipe = "test-it"
                offload_recipe = "test-off"
                high_workers = 6
                workers_env = "MY_WORKERS"
                env = { FOO = "1", BAR = "" }
                """);

        BenchConfig config = load();

        assertThat(config.source()).contains(file);
        assertThat(config.machine()).contains("MacBook Pro with Apple M4 (10 cores: 4P + 6E), 16 GB RAM");
        assertThat(config.projects()).containsExactly(new ProjectConfig("mng", Path.of("/p/mng"),
                Optional.of("test-it"), Optional.of("test-off"), OptionalInt.of(6), Optional.of("MY_WORKERS"),
                Map.of("FOO", "1", "BAR", "")));
    }

    @Test
    void envMayBeWrittenAsItsOwnTable() throws IOException {
        write(cwd.resolve("offload-bench.toml"), """
                [projects.mng]
                path = "/p"
                [projects.mng.env]
                PYTEST_TIMEOUT = "600"
                """);

        assertThat(load().projects().get(0).env()).containsExactly(Map.entry("PYTEST_TIMEOUT", "600"));
    }

    // --- errors ---

    @Test
    void syntaxErrorNamesFileLineAndColumn() throws IOException {
        Path file = write(cwd.resolve("offload-bench.toml"), """
                machine = "m"
                offload_repo =
                """);

        assertThatThrownBy(this::load)
                .isInstanceOf(BenchException.class)
                .hasMessageStartingWith(file + ":2:15: Unexpected end of line");
    }

    @Test
    void everySyntaxErrorIsReportedOnItsOwnLine() throws IOException {
        Path file = write(cwd.resolve("offload-bench.toml"), """
                machine = "a"
                machine = "b"
                [projects.mng]
                path = @
                """);

        assertThatThrownBy(this::load)
                .isInstanceOf(BenchException.class)
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(2)
                        .satisfiesExactly(
                                line -> assertThat(line).startsWith(file + ":2:1: machine previously defined"),
                                line -> assertThat(line).startsWith(file + ":4:8: Unexpected '@'")));
    }

    @Test
    void unknownTopLevelKeyIsNamedWithItsPositionAndTheClosestKey() throws IOException {
        Path file = write(cwd.resolve("offload-bench.toml"), """
                machine = "m"
                  offload_rep = "/o"
                """);

        assertThatThrownBy(this::load)
                .isInstanceOf(BenchException.class)
                .hasMessage(file + ":2:3: unknown top-level key `offload_rep`; did you mean `offload_repo`? "
                        + "(valid keys: machine, offload_repo, readme, offload_optional, probe, exporters, "
                        + "notes_show_spread, keep_logs, projects)");
    }

    @Test
    void unknownProjectKeyIsNamedWithItsPositionAndTheClosestKey() throws IOException {
        Path file = write(cwd.resolve("offload-bench.toml"), """
                [projects.mng]
                path = "/p"
                basline_recipe = "x"
                """);

        assertThatThrownBy(this::load)
                .isInstanceOf(BenchException.class)
                .hasMessageStartingWith(file + ":3:1: unknown key `basline_recipe` in [projects.mng]; "
                        + "did you mean `baseline_recipe`?");
    }

    @Test
    void unknownKeyFarFromAnyValidKeyGetsNoSuggestionButTheValidKeys() throws IOException {
        write(cwd.resolve("offload-bench.toml"), "colour = \"blue\"\n");

        assertThatThrownBy(this::load)
                .isInstanceOf(BenchException.class)
                .hasMessageEndingWith("unknown top-level key `colour` (valid keys: machine, offload_repo, readme, "
                        + "offload_optional, probe, exporters, notes_show_spread, keep_logs, projects)");
    }

    @Test
    void highWorkersOfTheWrongTypeOrRangeIsAnErrorWithItsPosition() throws IOException {
        Path file = write(cwd.resolve("offload-bench.toml"), """
                [projects.mng]
                path = "/p"
                high_workers = "8"
                [projects.sculptor]
                path = "/s"
                high_workers = 0
                """);

        assertThatThrownBy(this::load)
                .isInstanceOf(BenchException.class)
                .hasMessage(file + ":3:1: `high_workers` in [projects.mng] must be an integer >= 1, found a string\n"
                        + file + ":6:1: `high_workers` in [projects.sculptor] must be an integer >= 1, found 0");
    }

    @Test
    void stringKeysOfTheWrongTypeOrEmptyAreErrors() throws IOException {
        Path file = write(cwd.resolve("offload-bench.toml"), """
                machine = 42
                readme = ""
                [projects.mng]
                path = ["/p"]
                offload_recipe = true
                """);

        assertThatThrownBy(this::load)
                .isInstanceOf(BenchException.class)
                .hasMessage(String.join("\n",
                        file + ":1:1: `machine` must be a string, found an integer",
                        file + ":2:1: `readme` must not be empty",
                        file + ":4:1: `path` in [projects.mng] must be a string, found an array",
                        file + ":5:1: `offload_recipe` in [projects.mng] must be a string, found a boolean"));
    }

    @Test
    void projectWithoutPathIsAnError() throws IOException {
        Path file = write(cwd.resolve("offload-bench.toml"), """
                [projects.mng]
                baseline_recipe = "test"
                """);

        assertThatThrownBy(this::load)
                .isInstanceOf(BenchException.class)
                .hasMessage(file + ":1:1: [projects.mng] has no `path`: add path = \"/path/to/mng\"");
    }

    @Test
    void badEnvironmentVariableNamesAreErrors() throws IOException {
        Path file = write(cwd.resolve("offload-bench.toml"), """
                [projects.mng]
                path = "/p"
                workers_env = "WORKERS-COUNT"
                env = { "1ABC" = "x", OK = 3 }
                """);

        assertThatThrownBy(this::load)
                .isInstanceOf(BenchException.class)
                .hasMessage(String.join("\n",
                        file + ":3:1: `workers_env` in [projects.mng] must be an environment variable name "
                                + "([A-Za-z_][A-Za-z0-9_]*), found \"WORKERS-COUNT\"",
                        file + ":4:9: `1ABC` in `env` in [projects.mng] is not an environment variable name "
                                + "([A-Za-z_][A-Za-z0-9_]*)",
                        file + ":4:23: `env.OK` in [projects.mng] must be a string, found an integer"));
    }

    @Test
    void invalidProfileIdIsAnError() throws IOException {
        Path file = write(cwd.resolve("offload-bench.toml"), """
                [projects.MyProject]
                path = "/p"
                """);

        assertThatThrownBy(this::load)
                .isInstanceOf(BenchException.class)
                .hasMessageStartingWith(file + ":1:1: project name `MyProject` in [projects] must match "
                        + "[a-z][a-z0-9_-]*");
    }

    @Test
    void projectsThatIsNotATableOfTablesIsAnError() throws IOException {
        Path file = write(cwd.resolve("offload-bench.toml"), """
                [projects]
                mng = "/p"
                """);

        assertThatThrownBy(this::load)
                .isInstanceOf(BenchException.class)
                .hasMessage(file + ":2:1: [projects.mng] must be a table with a `path`, found a string");
    }

    @Test
    void emptyProjectsTableIsAnErrorRatherThanNothingToRun() throws IOException {
        write(cwd.resolve("offload-bench.toml"), "[projects]\n");

        assertThatThrownBy(this::load)
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("[projects] lists no project");
    }

    @Test
    void defaultPathsUseHomeFromTheGivenEnvironment() {
        Path otherHome = root.resolve("other");
        env.put("HOME", otherHome.toString());

        assertThat(load().projects()).extracting(ProjectConfig::path)
                .containsExactly(otherHome.resolve("imbue/mng"), otherHome.resolve("imbue/sculptor"));
        assertThat(List.of(load().offloadRepo())).containsExactly(otherHome.resolve("imbue/offload"));
    }
}
