package dev.offloadbench.domain.justfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One invocation of a recipe: {@code just [VAR=VALUE...] RECIPE [ARGUMENT...]} with extra
 * environment. Variables are passed in just's positional {@code VAR=VALUE} form, which (unlike
 * {@code --set}) also takes values that begin with {@code -}.
 */
public record RecipeCall(String recipe, Map<String, String> variables, List<String> arguments,
        Map<String, String> environment) {
    public RecipeCall {
        Objects.requireNonNull(recipe, "recipe");
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        arguments = List.copyOf(arguments);
        environment = java.util.Collections.unmodifiableMap(new TreeMap<>(environment));
    }

    public static RecipeCall of(String recipe) {
        return new RecipeCall(recipe, Map.of(), List.of(), Map.of());
    }

    public RecipeCall withEnvironment(Map<String, String> more) {
        Map<String, String> merged = new TreeMap<>(environment);
        merged.putAll(more);
        return new RecipeCall(recipe, variables, arguments, merged);
    }

    public RecipeCall withVariable(String name, String value) {
        Map<String, String> merged = new LinkedHashMap<>(variables);
        merged.put(name, value);
        return new RecipeCall(recipe, merged, arguments, environment);
    }

    public RecipeCall withArguments(List<String> values) {
        return new RecipeCall(recipe, variables, values, environment);
    }

    /** The command line: {@code just workers=8 test-integration}. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add("just");
        variables.forEach((name, value) -> argv.add(name + "=" + value));
        argv.add(recipe);
        argv.addAll(arguments);
        return argv;
    }
}
