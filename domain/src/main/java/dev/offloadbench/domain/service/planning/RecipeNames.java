package dev.offloadbench.domain.service.planning;

import dev.offloadbench.domain.EditDistance;
import dev.offloadbench.domain.config.BenchConfig;
import dev.offloadbench.domain.config.ProjectConfig;
import dev.offloadbench.domain.justfile.Assignment;
import dev.offloadbench.domain.justfile.Expression;
import dev.offloadbench.domain.justfile.Fragment;
import dev.offloadbench.domain.justfile.Justfile;
import dev.offloadbench.domain.justfile.Recipe;
import dev.offloadbench.domain.plan.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Finds a recipe by name, or says which existing recipes could take its place and how to
 * configure one: first those that run what the run needs ({@code offload run} for the Offload
 * run, pytest with xdist for the local runs), then names close to the wanted one. Of the recipes
 * that run offload, those that run it with its default configuration ({@code offload.toml}, no
 * {@code -c}) come first: a project's other Offload configurations are its other suites (sculptor's
 * {@code test-unit-offload} runs {@code -c offload-unit.toml}, its unit tests).
 */
final class RecipeNames {
    private RecipeNames() {
    }

    /** What a run's recipe must run. */
    enum Runs {
        OFFLOAD("runs `offload run`"), PYTEST("runs pytest");

        private final String says;

        Runs(String says) {
            this.says = says;
        }
    }

    /**
     * @param needed what the recipe must run, to rank the suggestions
     * @param otherRuns recipes that other runs of the project use, never suggested for this one
     */
    static String require(Justfile justfile, String recipe, String configKey, ProjectConfig project,
            BenchConfig config, Runs needed, String... otherRuns) {
        if (justfile.recipe(recipe).isPresent()) {
            return recipe;
        }
        List<String> others = List.of(otherRuns);
        ToIntFunction<String> rank = name -> justfile.recipe(name).map(r -> rank(justfile, r, needed)).orElse(2);
        ToIntFunction<String> configuration = name -> needed == Runs.OFFLOAD && justfile.recipe(name)
                .filter(r -> runsOffloadWithAConfigFile(justfile, r)).isPresent() ? 1 : 0;
        List<String> candidates = justfile.recipes().keySet().stream()
                .filter(name -> !others.contains(name) && !name.startsWith("_"))
                // only a recipe that runs offload can be the Offload run's
                .filter(name -> needed != Runs.OFFLOAD || rank.applyAsInt(name) == 0).toList();
        List<String> closest = closest(recipe, candidates,
                name -> rank.applyAsInt(name) == 0 ? configuration.applyAsInt(name) : rank.applyAsInt(name) + 1);
        if (closest.isEmpty() && needed == Runs.OFFLOAD) {
            throw new PlanProblem(Problem.Kind.RECIPE, justfile.source() + " has no recipe `" + recipe
                    + "`, and none of its recipes runs `offload run`. Run the local runs alone with --kinds"
                    + " baseline,high, or add an Offload recipe and name it with offload_recipe = \"RECIPE\" under [projects." + project.profile() + "] in "
                    + config.describeSource());
        }
        String suggestion = closest.isEmpty() ? "." : "; did you mean " + String.join(" or ",
                closest.stream().map(name -> "`" + name + "`" + (rank.applyAsInt(name) == 0 ? " (" + needed.says
                        + ")" : "")).toList()) + "?";
        String fix = closest.isEmpty() ? "\"RECIPE\"" : "\"" + closest.get(0) + "\"";
        throw new PlanProblem(Problem.Kind.RECIPE, justfile.source() + " has no recipe `" + recipe + "`"
                + suggestion
                + " Set the right one with " + configKey + " = " + fix + " under [projects." + project.profile()
                + "] in " + config.describeSource());
    }

    /**
     * Up to three names that are a plausible rename of {@code wanted}: those sharing most of its
     * words ({@code test-integration-offload} and {@code test-offload} share two), then the
     * nearest by edit distance.
     */
    static List<String> closest(String wanted, List<String> names) {
        return closest(wanted, names, name -> 2);
    }

    /**
     * The same, recipes ranked lower first, whatever their names; those ranked 0 or 1 (they run what
     * is needed, preferred or not) are suggested whatever their names.
     */
    static List<String> closest(String wanted, List<String> names, ToIntFunction<String> rank) {
        return names.stream()
                .filter(name -> rank.applyAsInt(name) <= 1 || sharedWords(wanted, name) > 0
                        || EditDistance.between(wanted, name) <= Math.max(3, wanted.length() / 3))
                .sorted(Comparator.comparingInt(rank)
                        .thenComparingInt((String name) -> -sharedWords(wanted, name))
                        .thenComparingInt(name -> EditDistance.between(wanted, name))
                        .thenComparing(name -> name))
                .limit(3)
                .toList();
    }

    /** 0: the recipe runs what is needed (pytest with xdist options, or offload run); 1: pytest alone; 2: else. */
    private static int rank(Justfile justfile, Recipe recipe, Runs needed) {
        List<String> lines = bodyText(justfile, recipe);
        if (needed == Runs.OFFLOAD) {
            return CommandLines.find(lines, CommandLines::isOffload)
                    .filter(o -> o.arguments().stream().anyMatch(w -> w.text().equals("run"))).isPresent() ? 0 : 2;
        }
        Optional<CommandLines.Invocation> pytest = CommandLines.find(lines, CommandLines::isPytest);
        if (pytest.isEmpty()) {
            return 2;
        }
        boolean xdist = !XdistOptions.in(pytest.get().arguments()).isEmpty()
                || pytest.get().arguments().stream().anyMatch(w -> w.text().startsWith("$"));
        return xdist ? 0 : 1;
    }

    /** Whether the recipe's {@code offload} gets a configuration file other than its default ({@code -c}, {@code --config}). */
    private static boolean runsOffloadWithAConfigFile(Justfile justfile, Recipe recipe) {
        return CommandLines.find(bodyText(justfile, recipe), CommandLines::isOffload)
                .filter(o -> o.arguments().stream().map(ShellWords.Word::text).anyMatch(w -> w.equals("-c")
                        || w.equals("--config") || w.startsWith("--config=")))
                .isPresent();
    }

    /** A recipe's body as text, literal variables written in, other interpolations as a placeholder. */
    private static List<String> bodyText(Justfile justfile, Recipe recipe) {
        List<String> lines = new ArrayList<>();
        for (List<Fragment> line : recipe.body()) {
            StringBuilder text = new StringBuilder();
            for (Fragment fragment : line) {
                if (fragment instanceof Fragment.Text literal) {
                    text.append(literal.text());
                } else if (fragment instanceof Fragment.Interpolation interpolation) {
                    text.append(literalValue(justfile, interpolation.expression()).orElse("_"));
                }
            }
            lines.addAll(text.toString().lines().toList());
        }
        return lines;
    }

    private static Optional<String> literalValue(Justfile justfile, Expression expression) {
        if (expression instanceof Expression.Literal literal) {
            return Optional.of(literal.value());
        }
        if (expression instanceof Expression.Variable variable) {
            return justfile.assignment(variable.name()).map(Assignment::value)
                    .filter(v -> v instanceof Expression.Literal).map(v -> ((Expression.Literal) v).value());
        }
        return Optional.empty();
    }

    private static int sharedWords(String a, String b) {
        Set<String> words = new HashSet<>(Arrays.asList(a.split("[-_]")));
        return (int) Arrays.stream(b.split("[-_]")).distinct().filter(words::contains).count();
    }

}
