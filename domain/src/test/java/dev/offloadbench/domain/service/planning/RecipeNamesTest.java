package dev.offloadbench.domain.service.planning;

import static dev.offloadbench.domain.service.planning.Justfiles.justfile;
import static dev.offloadbench.domain.service.planning.Justfiles.line;
import static dev.offloadbench.domain.service.planning.Justfiles.recipe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.config.BenchConfig;
import dev.offloadbench.domain.config.ProjectConfig;
import dev.offloadbench.domain.justfile.Justfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecipeNamesTest {
    private static final ProjectConfig SCULPTOR = ProjectConfig.at("sculptor", Path.of("/projects/sculptor"));
    private static final BenchConfig CONFIG = new BenchConfig(Optional.of(Path.of("/cfg/offload-bench.toml")),
            Optional.empty(), Path.of("/offload"), Path.of("/offload/README.md"), List.of(SCULPTOR));

    /** Recipes that echo their name, except those named for Offload, which run it. */
    private static Justfile withRecipes(String... names) {
        return justfile(java.util.Arrays.stream(names).map(n -> recipe(n, 1, line(n.contains("offload")
                ? "offload -c offload-modal.toml run" : "echo " + n))).toList(), List.of());
    }

    @Test
    void existingRecipeIsReturnedAsItIs() {
        Justfile justfile = withRecipes("test-integration", "test-offload");
        assertThat(RecipeNames.require(justfile, "test-offload", "offload_recipe", SCULPTOR, CONFIG, RecipeNames.Runs.OFFLOAD))
                .isEqualTo("test-offload");
    }

    @Test
    void renamedRecipeIsSuggestedFirst() {
        List<String> names = List.of("build", "clean", "lint", "test-offload", "test-unit");
        assertThat(RecipeNames.closest("test-integration-offload", names)).first().isEqualTo("test-offload");
    }

    @Test
    void moreSharedWordsComeFirst() {
        List<String> names = List.of("test-unit", "offload-test-integration", "test-offload");
        assertThat(RecipeNames.closest("test-integration-offload", names))
                .containsExactly("offload-test-integration", "test-offload", "test-unit");
    }

    @Test
    void unrelatedNamesAreNotSuggested() {
        List<String> names = List.of("build", "clean", "docs", "lint", "fmt");
        assertThat(RecipeNames.closest("test-integration-offload", names)).isEmpty();
    }

    @Test
    void nearTyposAreSuggestedEvenWithoutSharedWords() {
        assertThat(RecipeNames.closest("tset", List.of("test", "build"))).containsExactly("test");
        assertThat(RecipeNames.closest("integraton", List.of("integration", "deploy"))).containsExactly("integration");
    }

    @Test
    void atMostThreeSuggestions() {
        List<String> names = List.of("test-a", "test-b", "test-c", "test-d", "test-e");
        assertThat(RecipeNames.closest("test-x", names)).hasSize(3);
    }

    @Test
    void equallyCloseNamesAreOrderedByDistanceThenByName() {
        assertThat(RecipeNames.closest("test-x", List.of("test-long-name", "test-b", "test-a")))
                .containsExactly("test-a", "test-b", "test-long-name");
    }

    @Test
    void missingRecipeMessageNamesTheJustfileTheRecipeAndTheSuggestionAndHowToConfigureIt() {
        Justfile justfile = withRecipes("build", "test-integration", "test-offload");
        assertThatThrownBy(() -> RecipeNames.require(justfile, "test-integration-offload", "offload_recipe",
                SCULPTOR, CONFIG, RecipeNames.Runs.OFFLOAD, "test-integration"))
                .isInstanceOf(PlanProblem.class)
                .hasMessage(Justfiles.SOURCE + " has no recipe `test-integration-offload`; did you mean"
                        + " `test-offload` (runs `offload run`)? Set the right one with offload_recipe ="
                        + " \"test-offload\" under [projects.sculptor] in /cfg/offload-bench.toml");
    }

    @Test
    void recipesOfOtherRunsAreNeverSuggested() {
        Justfile justfile = withRecipes("test-integration", "test-unit");
        assertThatThrownBy(() -> RecipeNames.require(justfile, "test-integration-unit", "baseline_recipe",
                SCULPTOR, CONFIG, RecipeNames.Runs.PYTEST, "test-integration"))
                .hasMessageContaining("did you mean `test-unit`?")
                .hasMessageNotContaining("`test-integration`");
    }

    @Test
    void onlyRecipesThatRunOffloadAreSuggestedForTheOffloadRun() {
        Justfile justfile = withRecipes("test-integration", "test-integration-electron", "test-unit");
        assertThatThrownBy(() -> RecipeNames.require(justfile, "test-integration-offload", "offload_recipe",
                SCULPTOR, CONFIG, RecipeNames.Runs.OFFLOAD, "test-integration"))
                .hasMessage(Justfiles.SOURCE + " has no recipe `test-integration-offload`, and none of its recipes"
                        + " runs `offload run`. Run the local runs alone with --kinds baseline,high, or add an Offload"
                        + " recipe and name it with offload_recipe = \"RECIPE\" under [projects.sculptor] in"
                        + " /cfg/offload-bench.toml");
    }

    @Test
    void aRecipeThatRunsOffloadIsSuggestedFirstWhateverItsName() {
        Justfile justfile = justfile(List.of(recipe("test-integration-electron", 1, line("pytest -n 2 tests")),
                recipe("modal", 4, line("offload run --trace"))), List.of());
        assertThatThrownBy(() -> RecipeNames.require(justfile, "test-integration-offload", "offload_recipe",
                SCULPTOR, CONFIG, RecipeNames.Runs.OFFLOAD))
                .hasMessageContaining("did you mean `modal` (runs `offload run`)?")
                .hasMessageNotContaining("electron");
    }

    @Test
    void aRecipeThatRunsPytestWithXdistIsSuggestedFirstForTheLocalRuns() {
        Justfile justfile = justfile(List.of(recipe("test-integration-docs", 1, line("mkdocs build")),
                recipe("check", 4, line("uv run --project app pytest -n 4 tests"))), List.of());
        assertThatThrownBy(() -> RecipeNames.require(justfile, "test-integration", "baseline_recipe",
                SCULPTOR, CONFIG, RecipeNames.Runs.PYTEST))
                .hasMessageContaining("did you mean `check` (runs pytest) or `test-integration-docs`?");
    }

    @Test
    void severalSuggestionsAreJoinedWithOr() {
        Justfile justfile = withRecipes("test-offload", "offload-modal");
        assertThatThrownBy(() -> RecipeNames.require(justfile, "test-integration-offload", "offload_recipe",
                SCULPTOR, CONFIG, RecipeNames.Runs.OFFLOAD))
                .hasMessageContaining("did you mean `test-offload` (runs `offload run`) or `offload-modal` (runs"
                        + " `offload run`)?")
                .hasMessageContaining("offload_recipe = \"test-offload\"");
    }

    @Test
    void withoutCandidatesTheMessageSaysToConfigureARecipe() {
        Justfile justfile = withRecipes("build");
        assertThatThrownBy(() -> RecipeNames.require(justfile, "test-integration", "baseline_recipe", SCULPTOR,
                CONFIG, RecipeNames.Runs.PYTEST))
                .hasMessageContaining("has no recipe `test-integration`")
                .hasMessageContaining("baseline_recipe = \"RECIPE\" under [projects.sculptor]")
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void withoutAConfigurationFileTheMessageSaysWhereTheDefaultsComeFrom() {
        BenchConfig defaults = new BenchConfig(Optional.empty(), Optional.empty(), Path.of("/offload"),
                Path.of("/offload/README.md"), List.of(SCULPTOR));
        assertThatThrownBy(() -> RecipeNames.require(withRecipes("build"), "test", "baseline_recipe", SCULPTOR,
                defaults, RecipeNames.Runs.PYTEST))
                .hasMessageContaining("built-in defaults");
    }

    @Test
    void withoutCandidatesTheSentencesAreSeparated() {
        Justfile justfile = withRecipes("build");
        assertThatThrownBy(() -> RecipeNames.require(justfile, "test-integration", "baseline_recipe", SCULPTOR,
                CONFIG, RecipeNames.Runs.PYTEST))
                .hasMessageContaining("has no recipe `test-integration`. Set the right one");
    }

    @Test
    void ofTheRecipesThatRunOffloadTheOneWithItsDefaultConfigurationComesFirst() {
        // sculptor's justfile today: its other Offload recipes run its other suites, each with a config of its own
        Justfile justfile = justfile(List.of(recipe("test-integration", 1, line("pytest -n auto tests")),
                recipe("test-offload-electron", 2, line("offload run -c offload-electron.toml --trace")),
                recipe("test-unit-offload", 3, line("offload run --config=offload-unit.toml --trace")),
                recipe("test-offload", 4, line("offload run --trace || [ $? -eq 2 ]"))), List.of());
        assertThatThrownBy(() -> RecipeNames.require(justfile, "test-integration-offload", "offload_recipe",
                SCULPTOR, CONFIG, RecipeNames.Runs.OFFLOAD, "test-integration"))
                .hasMessageContaining("did you mean `test-offload` (runs `offload run`) or `test-unit-offload` (runs"
                        + " `offload run`) or `test-offload-electron` (runs `offload run`)?")
                .hasMessageContaining("offload_recipe = \"test-offload\"");
    }
}
