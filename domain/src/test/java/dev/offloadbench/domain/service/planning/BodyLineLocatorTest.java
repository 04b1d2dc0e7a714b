package dev.offloadbench.domain.service.planning;

import static dev.offloadbench.domain.service.planning.Justfiles.at;
import static dev.offloadbench.domain.service.planning.Justfiles.justfile;
import static dev.offloadbench.domain.service.planning.Justfiles.line;
import static dev.offloadbench.domain.service.planning.Justfiles.recipe;
import static dev.offloadbench.domain.service.planning.Justfiles.var;
import static dev.offloadbench.domain.service.planning.Justfiles.withDependencies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.justfile.Expression;
import dev.offloadbench.domain.justfile.Justfile;
import dev.offloadbench.domain.justfile.Recipe;
import dev.offloadbench.domain.service.planning.BodyLineLocator.Origin;
import dev.offloadbench.domain.service.planning.ShellWords.Word;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BodyLineLocatorTest {
    /** The word of {@code printed} whose text is {@code text} (the first one). */
    private static Word word(String printed, String text) {
        return ShellWords.split(printed).stream().filter(w -> w.text().equals(text)).findFirst().orElseThrow();
    }

    private static Optional<Origin> locate(Justfile justfile, String recipe, String printed, String wordText) {
        return BodyLineLocator.locate(justfile, recipe, printed, word(printed, wordText));
    }

    @Test
    void tracesALiteralLineToItsBodyLine() {
        Recipe test = recipe("test", 10, line("echo build"), line("pytest -n 4 tests"));
        Origin origin = locate(justfile(test), "test", "pytest -n 4 tests", "4").orElseThrow();
        assertThat(origin.recipe().name()).isEqualTo("test");
        assertThat(origin.line()).contains(at(12));
        assertThat(origin.interpolation()).isEmpty();
    }

    @Test
    void tracesALineWrittenWithQuietPrefix() {
        Recipe test = recipe("test", 3, line("@echo start"), line("@pytest -n 4"));
        Origin origin = locate(justfile(test), "test", "pytest -n 4", "4").orElseThrow();
        assertThat(origin.line()).contains(at(5));
    }

    @Test
    void tracesALineWrittenWithIgnoreErrorsAndQuietPrefixes() {
        Recipe test = recipe("test", 1, line("-@pytest -n 3"));
        assertThat(locate(justfile(test), "test", "pytest -n 3", "3").orElseThrow().line()).contains(at(2));
        Recipe other = recipe("test", 1, line("@-pytest -n 3"));
        assertThat(locate(justfile(other), "test", "pytest -n 3", "3").orElseThrow().line()).contains(at(2));
    }

    @Test
    void tracesALinePrintedWithItsPrefixStillOn() {
        Recipe test = recipe("test", 1, line("-pytest -n 3"));
        assertThat(locate(justfile(test), "test", "-pytest -n 3", "3").orElseThrow().line()).contains(at(2));
    }

    @Test
    void tracesALineWithIndentationAndTrailingSpaces() {
        Recipe test = recipe("test", 1, line("    pytest -n 3"));
        assertThat(locate(justfile(test), "test", "pytest -n 3   ", "3").orElseThrow().line()).contains(at(2));
    }

    @Test
    void saysWhichInterpolationAWordCameFrom() {
        Recipe test = recipe("test", 7, line("pytest -n ", var("workers"), " ", var("paths")));
        Origin origin = locate(justfile(test), "test", "pytest -n 4 tests", "4").orElseThrow();
        assertThat(origin.line()).contains(at(8));
        assertThat(origin.interpolation()).contains(var("workers"));

        Origin paths = locate(justfile(test), "test", "pytest -n 4 tests", "tests").orElseThrow();
        assertThat(paths.interpolation()).contains(var("paths"));
    }

    @Test
    void wordOutsideTheInterpolationsHasNone() {
        Recipe test = recipe("test", 7, line("pytest -n 4 ", var("paths")));
        Origin origin = locate(justfile(test), "test", "pytest -n 4 tests", "4").orElseThrow();
        assertThat(origin.interpolation()).isEmpty();
    }

    @Test
    void interpolationOfAnExpressionIsReturnedAsWritten() {
        Expression call = Justfiles.envOrDefault("PYTEST_NUMPROCESSES", "4");
        Recipe test = recipe("test", 1, line("pytest -n ", call));
        Origin origin = locate(justfile(test), "test", "pytest -n 6", "6").orElseThrow();
        assertThat(origin.interpolation()).contains(call);
    }

    @Test
    void tracesALineOfADependency() {
        Recipe build = recipe("build", 1, line("echo build"));
        Recipe run = recipe("run-tests", 4, line("cd tests"), line("pytest -n ", var("workers")));
        Recipe test = withDependencies(recipe("test", 9, line("echo done")), "build", "run-tests");
        Origin origin = locate(justfile(build, run, test), "test", "pytest -n 5", "5").orElseThrow();
        assertThat(origin.recipe().name()).isEqualTo("run-tests");
        assertThat(origin.line()).contains(at(6));
        assertThat(origin.interpolation()).contains(var("workers"));
    }

    @Test
    void tracesALineOfADependencyOfADependency() {
        Recipe inner = recipe("inner", 20, line("pytest -n 2"));
        Recipe middle = withDependencies(recipe("middle", 15, line("echo middle")), "inner");
        Recipe test = withDependencies(recipe("test", 1, line("echo top")), "middle");
        Origin origin = locate(justfile(inner, middle, test), "test", "pytest -n 2", "2").orElseThrow();
        assertThat(origin.recipe().name()).isEqualTo("inner");
        assertThat(origin.line()).contains(at(21));
    }

    @Test
    void prefersTheRecipeItselfOverADependencyWithTheSameLine() {
        Recipe dep = recipe("dep", 1, line("pytest -n 2"));
        Recipe test = withDependencies(recipe("test", 5, line("pytest -n 2")), "dep");
        Origin origin = locate(justfile(dep, test), "test", "pytest -n 2", "2").orElseThrow();
        assertThat(origin.recipe().name()).isEqualTo("test");
        assertThat(origin.line()).contains(at(6));
    }

    @Test
    void toleratesDependencyCyclesAndMissingDependencies() {
        Recipe a = withDependencies(recipe("a", 1, line("echo a")), "b", "gone");
        Recipe b = withDependencies(recipe("b", 3, line("echo b")), "a");
        assertThat(locate(justfile(a, b), "a", "pytest -n 2", "2")).isEmpty();
        assertThat(locate(justfile(a, b), "a", "echo b", "b").orElseThrow().line()).contains(at(4));
    }

    @Test
    void lineOfNoRecipeIsNotFound() {
        Recipe test = recipe("test", 1, line("pytest -n 4"));
        assertThat(locate(justfile(test), "test", "pytest -n 4 --extra", "4")).isEmpty();
        assertThat(locate(justfile(test), "missing", "pytest -n 4", "4")).isEmpty();
    }

    @Test
    void blankBodyLinesAreSkippedButCounted() {
        Recipe test = new Recipe("test", Optional.of(at(1)), List.of(), List.of(),
                List.of(line("echo a"), List.of(), line("pytest -n 4")), false, Map.of());
        assertThat(locate(justfile(test), "test", "pytest -n 4", "4").orElseThrow().line()).contains(at(4));
    }

    @Test
    void recipeWithoutAKnownHeaderLineStillTracesTheInterpolation() {
        Recipe test = new Recipe("test", Optional.empty(), List.of(), List.of(),
                List.of(line("pytest -n ", var("workers"))), false, Map.of());
        Origin origin = locate(justfile(test), "test", "pytest -n 4", "4").orElseThrow();
        assertThat(origin.line()).isEmpty();
        assertThat(origin.interpolation()).contains(var("workers"));
    }

    @Test
    void regexCharactersInTheBodyAreMatchedLiterally() {
        Recipe test = recipe("test", 1, line("pytest -k 'a or (b)' -n 4 [x]*"));
        assertThat(locate(justfile(test), "test", "pytest -k 'a or (b)' -n 4 [x]*", "4")).isPresent();
        assertThat(locate(justfile(test), "test", "pytest -k 'a or b' -n 4 x", "4")).isEmpty();
    }

    @Test
    void quotedInterpolationIsStillTheWordsOrigin() {
        Recipe test = recipe("test", 1, line("pytest -n \"", var("workers"), "\" tests"));
        Origin origin = locate(justfile(test), "test", "pytest -n \"8\" tests", "8").orElseThrow();
        assertThat(origin.interpolation()).contains(var("workers"));
    }
}
