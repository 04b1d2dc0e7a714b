package dev.offloadbench.domain.service.planning;

import dev.offloadbench.domain.justfile.Assignment;
import dev.offloadbench.domain.justfile.Expression;
import dev.offloadbench.domain.justfile.Fragment;
import dev.offloadbench.domain.justfile.Justfile;
import dev.offloadbench.domain.justfile.Recipe;
import dev.offloadbench.domain.justfile.SourceLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the records the justfile adapter would produce from just's JSON dump, by hand. */
final class Justfiles {
    static final Path SOURCE = Path.of("/projects/demo/justfile");

    private Justfiles() {
    }

    static SourceLine at(int line) {
        return new SourceLine(SOURCE, line);
    }

    /** One body line: strings become text, expressions become interpolations. */
    static List<Fragment> line(Object... parts) {
        List<Fragment> fragments = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof String text) {
                fragments.add(new Fragment.Text(text));
            } else if (part instanceof Expression expression) {
                fragments.add(new Fragment.Interpolation(expression));
            } else {
                throw new IllegalArgumentException("not a fragment: " + part);
            }
        }
        return fragments;
    }

    static Expression.Variable var(String name) {
        return new Expression.Variable(name);
    }

    static Expression.Call envOrDefault(String variable, String fallback) {
        return new Expression.Call("env_var_or_default",
                List.of(new Expression.Literal(variable), new Expression.Literal(fallback)));
    }

    static Recipe recipe(String name, int headerLine, List<List<Fragment>> body) {
        return new Recipe(name, Optional.of(at(headerLine)), List.of(), List.of(), body, false, Map.of());
    }

    @SafeVarargs
    static Recipe recipe(String name, int headerLine, List<Fragment>... body) {
        List<List<Fragment>> lines = new ArrayList<>();
        for (List<Fragment> line : body) {
            lines.add(line);
        }
        return recipe(name, headerLine, lines);
    }

    static Recipe withDependencies(Recipe recipe, String... dependencies) {
        return new Recipe(recipe.name(), recipe.definedAt(), recipe.parameters(),
                Arrays.stream(dependencies).map(d -> new Recipe.Dependency(d, List.of(), false)).toList(),
                recipe.body(), recipe.shebang(), recipe.environment());
    }

    static Recipe withParameters(Recipe recipe, Recipe.Parameter... parameters) {
        return new Recipe(recipe.name(), recipe.definedAt(), List.of(parameters), recipe.dependencies(),
                recipe.body(), recipe.shebang(), recipe.environment());
    }

    static Recipe withEnvironment(Recipe recipe, Map<String, String> environment) {
        return new Recipe(recipe.name(), recipe.definedAt(), recipe.parameters(), recipe.dependencies(),
                recipe.body(), recipe.shebang(), environment);
    }

    static Recipe.Parameter parameter(String name, String literalDefault) {
        return new Recipe.Parameter(name, Optional.ofNullable(literalDefault).map(Expression.Literal::new),
                false, false);
    }

    static Assignment assignment(String name, Expression value, int line) {
        return new Assignment(name, value, false, Optional.of(at(line)));
    }

    static Assignment exported(String name, Expression value, int line) {
        return new Assignment(name, value, true, Optional.of(at(line)));
    }

    static Justfile justfile(List<Recipe> recipes, List<Assignment> assignments) {
        return justfile(recipes, assignments, false);
    }

    static Justfile justfile(List<Recipe> recipes, List<Assignment> assignments, boolean exportAll) {
        Map<String, Recipe> byName = new LinkedHashMap<>();
        recipes.forEach(r -> byName.put(r.name(), r));
        Map<String, Assignment> variables = new LinkedHashMap<>();
        assignments.forEach(a -> variables.put(a.name(), a));
        return new Justfile(SOURCE, byName, variables, exportAll);
    }

    static Justfile justfile(Recipe... recipes) {
        return justfile(List.of(recipes), List.of());
    }
}
