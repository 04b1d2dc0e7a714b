package dev.offloadbench.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.justfile.SourceLine;
import dev.offloadbench.domain.port.out.PytestConfigReader.PytestConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PytestConfigFinderTest {
    @TempDir
    Path project;

    private final PytestConfigFinder finder = new PytestConfigFinder();

    private Path write(String name, String text) throws IOException {
        Path file = project.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static PytestConfig config(Path file, String addopts, int line) {
        return new PytestConfig(file, Optional.of(addopts), Optional.of(new SourceLine(file, line)));
    }

    @Test
    void findsAddoptsInPytestIni() throws IOException {
        Path file = write("pytest.ini", "[pytest]\ntestpaths = tests\naddopts = -n 3\n");

        assertThat(finder.find(project, List.of())).contains(config(file, "-n 3", 3));
    }

    @Test
    void findsAddoptsInDotPytestIni() throws IOException {
        Path file = write(".pytest.ini", "[pytest]\naddopts = -n 5\n");

        assertThat(finder.find(project, List.of())).contains(config(file, "-n 5", 2));
    }

    @Test
    void findsAddoptsInPyprojectIniOptions() throws IOException {
        Path file = write("pyproject.toml", """
                [project]
                name = "x"

                [tool.pytest.ini_options]
                testpaths = ["tests"]
                addopts = "-n 4 --dist loadfile"
                """);

        assertThat(finder.find(project, List.of())).contains(config(file, "-n 4 --dist loadfile", 6));
    }

    @Test
    void joinsPyprojectArrayAddoptsWithSpaces() throws IOException {
        Path file = write("pyproject.toml", """
                [tool.pytest.ini_options]
                addopts = [
                    "-n", "4",
                    "--maxprocesses=2",
                ]
                """);

        assertThat(finder.find(project, List.of())).contains(config(file, "-n 4 --maxprocesses=2", 2));
    }

    @Test
    void findsAddoptsInToxIni() throws IOException {
        Path file = write("tox.ini", "[tox]\nenvlist = py311\n\n[pytest]\naddopts = -n 1\n");

        assertThat(finder.find(project, List.of())).contains(config(file, "-n 1", 5));
    }

    @Test
    void findsAddoptsInSetupCfgToolPytest() throws IOException {
        Path file = write("setup.cfg", "[metadata]\nname = x\n[tool:pytest]\naddopts = -n 2\n");

        assertThat(finder.find(project, List.of())).contains(config(file, "-n 2", 4));
    }

    @Test
    void joinsMultiLineIniAddoptsWithSpacesAndReportsTheKeyLine() throws IOException {
        Path file = write("tox.ini", """
                [pytest]
                markers =
                    slow
                addopts =
                    --strict-markers
                    -n 6
                """);

        assertThat(finder.find(project, List.of())).contains(config(file, "--strict-markers -n 6", 4));
    }

    @Test
    void matchingFileWithoutAddoptsIsFoundWithoutThem() throws IOException {
        Path file = write("pyproject.toml", "[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n");

        assertThat(finder.find(project, List.of())).contains(new PytestConfig(file, Optional.empty(), Optional.empty()));
    }

    @Test
    void emptyPytestIniHidesPyprojectInTheSameFolder() throws IOException {
        Path pytestIni = write("pytest.ini", "");
        write("pyproject.toml", "[tool.pytest.ini_options]\naddopts = \"-n 3\"\n");

        assertThat(finder.find(project, List.of())).contains(new PytestConfig(pytestIni, Optional.empty(), Optional.empty()));
    }

    @Test
    void dotPytestIniWithoutPytestSectionDoesNotMatch() throws IOException {
        write(".pytest.ini", "[other]\naddopts = -n 9\n");
        Path tox = write("tox.ini", "[pytest]\naddopts = -n 1\n");

        assertThat(finder.find(project, List.of())).contains(config(tox, "-n 1", 2));
    }

    @Test
    void pyprojectWinsOverToxIniAndSetupCfg() throws IOException {
        Path pyproject = write("pyproject.toml", "[tool.pytest.ini_options]\naddopts = \"-n 3\"\n");
        write("tox.ini", "[pytest]\naddopts = -n 1\n");
        write("setup.cfg", "[tool:pytest]\naddopts = -n 2\n");

        assertThat(finder.find(project, List.of())).contains(config(pyproject, "-n 3", 2));
    }

    @Test
    void filesWithoutTheirSectionAreSkipped() throws IOException {
        write("pyproject.toml", "[tool.black]\nline-length = 100\n");
        write("tox.ini", "[tox]\nenvlist = py311\n");
        Path setupCfg = write("setup.cfg", "[tool:pytest]\naddopts = -n 2\n");

        assertThat(finder.find(project, List.of())).contains(config(setupCfg, "-n 2", 2));
    }

    @Test
    void searchesUpwardFromTheDirectory() throws IOException {
        Path pyproject = write("pyproject.toml", "[tool.pytest.ini_options]\naddopts = \"-n 3\"\n");
        Path nested = Files.createDirectories(project.resolve("src/pkg/tests"));

        assertThat(finder.find(nested, List.of())).contains(config(pyproject, "-n 3", 2));
    }

    @Test
    void aPathArgumentLeadsToAPytestIniInASubfolder() throws IOException {
        // sculptor: `pytest ... sculptor/tests/integration/` from the repository root finds sculptor/pytest.ini
        write("pyproject.toml", "[tool.pytest.ini_options]\naddopts = \"-n 3\"\n");
        Path ini = write("sculptor/pytest.ini", "[pytest]\naddopts =\n    --ignore=quarantine\n    -n 2\n");
        Files.createDirectories(project.resolve("sculptor/tests/integration"));

        assertThat(finder.find(project, List.of("-n", "auto", "--ignore=sculptor/tests/integration/real_claude",
                "-m", "not slow", "sculptor/tests/integration/", "sculptor/tests/integration/test_x.py::test_y")))
                .map(PytestConfig::file).contains(ini);
    }

    @Test
    void theCommonAncestorOfThePathArgumentsIsWhereTheSearchStarts() throws IOException {
        Path pyproject = write("pyproject.toml", "[tool.pytest.ini_options]\naddopts = \"-n 3\"\n");
        write("a/pytest.ini", "[pytest]\naddopts = -n 2\n");
        Files.createDirectories(project.resolve("b"));

        assertThat(finder.find(project, List.of("a", "b"))).contains(config(pyproject, "-n 3", 2));
        assertThat(finder.find(project, List.of("missing-folder"))).contains(config(pyproject, "-n 3", 2));
    }

    @Test
    void anExplicitConfigurationFileWins() throws IOException {
        write("pytest.ini", "[pytest]\naddopts = -n 2\n");
        Path ci = write("ci/pytest-ci.ini", "[pytest]\naddopts = -n 6\n");

        assertThat(finder.find(project, List.of("-c", "ci/pytest-ci.ini", "tests"))).contains(config(ci, "-n 6", 2));
        assertThat(finder.find(project, List.of("--config-file=ci/pytest-ci.ini"))).contains(config(ci, "-n 6", 2));
        assertThatThrownBy(() -> finder.find(project, List.of("-c", "nowhere.ini")))
                .isInstanceOf(BenchException.class).hasMessageContaining("nowhere.ini").hasMessageContaining("-c");
    }

    @Test
    void rootdirDoesNotChooseTheConfigurationFile() throws IOException {
        Path ini = write("pytest.ini", "[pytest]\naddopts = -n 2\n");
        write("other/pytest.ini", "[pytest]\naddopts = -n 5\n");

        assertThat(finder.find(project, List.of("--rootdir", "other"))).contains(config(ini, "-n 2", 2));
    }

    @Test
    void nearestMatchingFolderWinsOverAnAncestor() throws IOException {
        write("pyproject.toml", "[tool.pytest.ini_options]\naddopts = \"-n 3\"\n");
        Path tox = write("tests/tox.ini", "[pytest]\naddopts = -n 1\n");

        assertThat(finder.find(project.resolve("tests"), List.of())).contains(config(tox, "-n 1", 2));
    }

    @Test
    void folderWhoseFilesLackPytestSectionsYieldsNothingFromIt() throws IOException {
        write("pyproject.toml", "[project]\nname = \"x\"\n");

        // an ancestor of the temporary folder could hold a pytest file; only this folder's answer matters
        assertThat(finder.find(project, List.of()).map(PytestConfig::file).filter(file -> file.startsWith(project))).isEmpty();
    }

    @Test
    void pytestSectionInSetupCfgIsAnErrorAsInPytest() throws IOException {
        Path file = write("setup.cfg", "[pytest]\naddopts = -n 2\n");

        assertThatThrownBy(() -> finder.find(project, List.of()))
                .isInstanceOf(BenchException.class)
                .hasMessage(file + ": pytest refuses a [pytest] section in setup.cfg files (\"no longer supported\"); "
                        + "rename it to [tool:pytest]");
    }

    @Test
    void malformedPyprojectNamesFileLineAndColumn() throws IOException {
        Path file = write("pyproject.toml", "[tool.pytest.ini_options]\naddopts = \"-n 3\nx = 1\n");

        assertThatThrownBy(() -> finder.find(project, List.of()))
                .isInstanceOf(BenchException.class)
                .hasMessageStartingWith(file + ":2:16: Unexpected end of line");
    }

    @Test
    void malformedIniNamesFileAndLine() throws IOException {
        Path file = write("tox.ini", "[pytest]\naddopts = -n 1\naddopts = -n 2\n");

        assertThatThrownBy(() -> finder.find(project, List.of()))
                .isInstanceOf(BenchException.class)
                .hasMessage(file + ":3: duplicate name 'addopts'");
    }

    @Test
    void addoptsOfAnotherTypeIsAnError() throws IOException {
        Path file = write("pyproject.toml", "[tool.pytest.ini_options]\naddopts = 4\n");

        assertThatThrownBy(() -> finder.find(project, List.of()))
                .isInstanceOf(BenchException.class)
                .hasMessage(file + ":2:1: `addopts` in [tool.pytest.ini_options] must be a string or an array of "
                        + "strings, found an integer");
    }
}
