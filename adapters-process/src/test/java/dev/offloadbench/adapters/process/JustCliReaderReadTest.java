package dev.offloadbench.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.justfile.Assignment;
import dev.offloadbench.domain.justfile.Expression;
import dev.offloadbench.domain.justfile.Expression.Call;
import dev.offloadbench.domain.justfile.Expression.Literal;
import dev.offloadbench.domain.justfile.Expression.Variable;
import dev.offloadbench.domain.justfile.Fragment.Interpolation;
import dev.offloadbench.domain.justfile.Fragment.Text;
import dev.offloadbench.domain.justfile.Justfile;
import dev.offloadbench.domain.justfile.Recipe;
import dev.offloadbench.domain.justfile.Recipe.Dependency;
import dev.offloadbench.domain.justfile.Recipe.Parameter;
import dev.offloadbench.domain.justfile.SourceLine;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JustCliReaderReadTest {
    private static Path project;
    private static Justfile justfile;

    @BeforeAll
    static void readFixture() throws URISyntaxException {
        RealJust.requireInstalled();
        project = Path.of(JustCliReaderReadTest.class.getResource("/fixtures/xdist/justfile").toURI()).getParent();
        justfile = new JustCliReader().read(project);
    }

    private static Recipe recipe(String name) {
        return justfile.recipe(name).orElseThrow();
    }

    @Test
    void splitsABodyLineIntoTextAndInterpolations() {
        assertThat(recipe("test").body()).containsExactly(List.of(
                new Text("pytest -n "), new Interpolation(new Variable("workers")), new Text(" tests")));
    }

    @Test
    void readsAnEnvironmentDefaultAsACallNamingTheVariable() {
        Assignment workers = justfile.assignment("workers").orElseThrow();
        assertThat(workers.value()).isEqualTo(
                new Call("env_var_or_default", List.of(new Literal("PYTEST_NUMPROCESSES"), new Literal("4"))));
        assertThat(((Call) workers.value()).environmentVariable()).contains("PYTEST_NUMPROCESSES");
        assertThat(workers.exported()).isFalse();
    }

    @Test
    void mapsOperatorsAndCallsWithoutArguments() {
        assertThat(justfile.assignment("root").orElseThrow().value()).isEqualTo(new Expression.Operation("join",
                List.of(new Call("justfile_directory", List.of()), new Literal("tests"))));
    }

    @Test
    void readsExportedVariablesAndTheExportSetting() {
        assertThat(justfile.assignment("PYTEST_ADDOPTS").orElseThrow().exported()).isTrue();
        assertThat(justfile.exportAll()).isTrue();
    }

    @Test
    void readsParametersWithDefaultsExportsAndVariadics() {
        assertThat(recipe("build").parameters()).containsExactly(
                new Parameter("target", Optional.of(new Literal("debug")), false, false),
                new Parameter("flags", Optional.empty(), false, true));
        assertThat(recipe("test-integration").parameters()).containsExactly(
                new Parameter("MARK", Optional.of(new Literal("integration")), true, false),
                new Parameter("paths", Optional.of(new Literal("tests")), false, true));
        assertThat(recipe("lint").parameters()).containsExactly(new Parameter("mode", Optional.empty(), false, false));
    }

    @Test
    void readsDependenciesWithArgumentsAndTheOnesThatRunAfter() {
        assertThat(recipe("test").dependencies()).containsExactly(
                new Dependency("build", List.of(), false),
                new Dependency("lint", List.of(new Literal("strict")), false),
                new Dependency("report", List.of(), true));
    }

    @Test
    void keepsTheQuietPrefixInTheBodyText() {
        assertThat(recipe("report").body()).containsExactly(List.of(new Text("@echo report")));
    }

    @Test
    void readsAShebangRecipeLineByLine() {
        Recipe script = recipe("script");
        assertThat(script.shebang()).isTrue();
        assertThat(script.body()).containsExactly(List.of(new Text("#!/usr/bin/env bash")),
                List.of(new Text("echo "), new Interpolation(new Variable("workers"))));
        assertThat(recipe("test").shebang()).isFalse();
    }

    @Test
    void readsTheEnvironmentOfEnvAttributes() {
        assertThat(recipe("test-auto").environment()).isEqualTo(Map.of("PYTEST_XDIST_AUTO_NUM_WORKERS", "3"));
        assertThat(recipe("test").environment()).isEmpty();
    }

    @Test
    void locatesRecipeHeadersBelowDocCommentsAndAttributes() {
        Path root = project.resolve("justfile");
        assertThat(justfile.source()).isEqualTo(root);
        assertThat(recipe("build").definedAt()).contains(new SourceLine(root, 14));
        assertThat(recipe("test").definedAt()).contains(new SourceLine(root, 24));
        assertThat(recipe("test").bodyLine(0)).contains(new SourceLine(root, 25));
        assertThat(recipe("test-integration").definedAt()).contains(new SourceLine(root, 27));
        assertThat(recipe("test-auto").definedAt()).contains(new SourceLine(root, 31));
        assertThat(recipe("script").definedAt()).contains(new SourceLine(root, 34));
    }

    @Test
    void locatesVariablesIncludingExportedAndEagerOnes() {
        Path root = project.resolve("justfile");
        assertThat(justfile.assignment("workers").orElseThrow().definedAt()).contains(new SourceLine(root, 4));
        assertThat(justfile.assignment("PYTEST_ADDOPTS").orElseThrow().definedAt()).contains(new SourceLine(root, 5));
        assertThat(justfile.assignment("level").orElseThrow().definedAt()).contains(new SourceLine(root, 6));
    }

    @Test
    void readsImportedRecipesAndLocatesThemInTheImportedFile() {
        Path imported = project.resolve("ci.just");
        Recipe check = recipe("ci-check");
        assertThat(check.body()).containsExactly(List.of(new Text("echo ci "), new Interpolation(new Variable("level")),
                new Text(" "), new Interpolation(new Variable("ci_flags"))));
        assertThat(check.definedAt()).contains(new SourceLine(imported, 4));
        assertThat(justfile.assignment("ci_flags").orElseThrow().definedAt()).contains(new SourceLine(imported, 1));
    }

    @Test
    void readsInterpolatedLiteralsBackticksAndBlankLines(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("justfile"), """
                version := `git describe`

                show:
                    echo {{ "lit" }} {{version}}

                    echo {{ if env('X', '') == '' { '4' } else { env('X') } }}
                """);
        Justfile read = new JustCliReader().read(dir);
        assertThat(read.assignment("version").orElseThrow().value()).isEqualTo(new Expression.Backtick("git describe"));
        List<List<dev.offloadbench.domain.justfile.Fragment>> body = read.recipe("show").orElseThrow().body();
        assertThat(body).hasSize(3);
        assertThat(body.get(0)).containsExactly(new Text("echo "), new Interpolation(new Literal("lit")), new Text(" "),
                new Interpolation(new Variable("version")));
        assertThat(body.get(1)).isEmpty();
        Expression condition = ((Interpolation) body.get(2).get(1)).expression();
        assertThat(condition).isInstanceOf(Expression.Operation.class);
        assertThat(condition.environmentVariables()).containsExactly("X", "X");
        assertThat(read.recipe("show").orElseThrow().definedAt()).contains(new SourceLine(dir.resolve("justfile"), 3));
    }

    @Test
    void leavesTheLineEmptyWhenNoHeaderMatches(@TempDir Path dir) throws Exception {
        // `test-all:` is not the header of a recipe `test`.
        Files.writeString(dir.resolve("justfile"), """
                test-all:
                    echo all
                """);
        Justfile read = new JustCliReader().read(dir);
        assertThat(read.recipe("test-all").orElseThrow().definedAt()).isPresent();
        assertThat(JustfileLines.of(dir.resolve("justfile")).recipe("test")).isEmpty();
        assertThat(JustfileLines.of(dir.resolve("missing")).recipe("test-all")).isEmpty();
    }
}
