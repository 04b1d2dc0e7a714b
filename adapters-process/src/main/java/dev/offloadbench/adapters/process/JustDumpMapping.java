package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.justfile.Assignment;
import dev.offloadbench.domain.justfile.Expression;
import dev.offloadbench.domain.justfile.Fragment;
import dev.offloadbench.domain.justfile.Justfile;
import dev.offloadbench.domain.justfile.Recipe;
import dev.offloadbench.domain.justfile.SourceLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * just 1.57's {@code --dump --dump-format json} (a {@link JsonTree}) in the domain's records.
 * Submodules ({@code mod}) are not mapped: only the root justfile's recipes and variables, with
 * imports merged (as just merges them). Anything of an unexpected shape is a
 * {@link MalformedDump}.
 */
final class JustDumpMapping {
    /** The dump did not have the shape this mapping knows (another version of just?). */
    static final class MalformedDump extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedDump(String message) {
            super(message);
        }
    }

    private final Function<Path, JustfileLines> linesOf;

    /** @param linesOf locates definitions in the justfile at the dump's {@code source} */
    JustDumpMapping(Function<Path, JustfileLines> linesOf) {
        this.linesOf = linesOf;
    }

    Justfile justfile(Object dump) {
        Map<String, Object> root = object(dump, "the dump");
        Path source = Path.of(string(root.get("source"), "source"));
        JustfileLines lines = linesOf.apply(source);
        Map<String, Recipe> recipes = new LinkedHashMap<>();
        object(root.get("recipes"), "recipes").forEach((key, value) -> {
            Recipe recipe = recipe(object(value, "recipe " + key), lines);
            recipes.put(recipe.name(), recipe);
        });
        Map<String, Assignment> assignments = new LinkedHashMap<>();
        object(root.get("assignments"), "assignments").forEach((key, value) -> {
            Map<String, Object> assignment = object(value, "variable " + key);
            String name = string(assignment.get("name"), "variable name");
            assignments.put(name, new Assignment(name, expression(assignment.get("value")),
                    bool(assignment.get("export")), lines.assignment(name)));
        });
        Map<String, Object> settings = object(root.get("settings"), "settings");
        return new Justfile(source, recipes, assignments, bool(settings.get("export")));
    }

    private Recipe recipe(Map<String, Object> json, JustfileLines lines) {
        String name = string(json.get("name"), "recipe name");
        List<Recipe.Parameter> parameters = new ArrayList<>();
        for (Object p : array(json.get("parameters"), name + ".parameters")) {
            Map<String, Object> parameter = object(p, "parameter of " + name);
            Object defaultValue = parameter.get("default");
            parameters.add(new Recipe.Parameter(string(parameter.get("name"), "parameter name"),
                    defaultValue == null ? Optional.empty() : Optional.of(expression(defaultValue)),
                    bool(parameter.get("export")), !"singular".equals(parameter.get("kind"))));
        }
        List<Object> dependencyJson = array(json.get("dependencies"), name + ".dependencies");
        int priors = json.get("priors") instanceof Number n ? n.intValue() : dependencyJson.size();
        List<Recipe.Dependency> dependencies = new ArrayList<>();
        for (int i = 0; i < dependencyJson.size(); i++) {
            Map<String, Object> dependency = object(dependencyJson.get(i), "dependency of " + name);
            List<Expression> arguments = array(dependency.get("arguments"), "dependency arguments").stream()
                    .map(JustDumpMapping::expression).toList();
            dependencies.add(new Recipe.Dependency(string(dependency.get("recipe"), "dependency recipe"), arguments,
                    i >= priors));
        }
        List<List<Fragment>> body = new ArrayList<>();
        for (Object line : array(json.get("body"), name + ".body")) {
            List<Fragment> fragments = new ArrayList<>();
            for (Object fragment : array(line, "body line of " + name)) {
                fragments.add(fragment(fragment, name));
            }
            body.add(fragments);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (Object attribute : array(json.get("attributes"), name + ".attributes")) {
            if (attribute instanceof Map<?, ?> valued && valued.get("env") instanceof List<?> pair && pair.size() == 2) {
                environment.put(string(pair.get(0), "[env] name"), string(pair.get(1), "[env] value"));
            }
        }
        Optional<SourceLine> definedAt = lines.recipe(name);
        return new Recipe(name, definedAt, parameters, dependencies, body, bool(json.get("shebang")), environment);
    }

    /** A body line piece: a string is text, a one-element array is an interpolation {@code {{ expr }}}. */
    private static Fragment fragment(Object json, String recipe) {
        if (json instanceof String text) {
            return new Fragment.Text(text);
        }
        if (json instanceof List<?> interpolation && interpolation.size() == 1) {
            return new Fragment.Interpolation(expression(interpolation.get(0)));
        }
        throw new MalformedDump("a body line of recipe " + recipe + " has a piece that is neither text nor an"
                + " interpolation: " + json);
    }

    /**
     * A string is a literal; {@code [tag, ...]} is a node: variable, call, evaluate (backtick), or
     * any operator, whose operands are mapped alike ({@code null}, as in {@code / "abs"}, is "").
     */
    static Expression expression(Object json) {
        if (json == null) {
            return new Expression.Literal("");
        }
        if (json instanceof String literal) {
            return new Expression.Literal(literal);
        }
        if (json instanceof List<?> node && !node.isEmpty() && node.get(0) instanceof String tag) {
            List<?> operands = node.subList(1, node.size());
            switch (tag) {
                case "variable":
                    return new Expression.Variable(string(single(operands, tag), "variable name"));
                case "evaluate":
                    return new Expression.Backtick(string(single(operands, tag), "backtick command"));
                case "call":
                    if (operands.isEmpty()) {
                        throw new MalformedDump("a function call without a function name: " + json);
                    }
                    return new Expression.Call(string(operands.get(0), "function name"),
                            operands.subList(1, operands.size()).stream().map(JustDumpMapping::expression).toList());
                default:
                    return new Expression.Operation(tag,
                            operands.stream().map(JustDumpMapping::expression).toList());
            }
        }
        throw new MalformedDump("an expression of unknown shape: " + json);
    }

    private static Object single(List<?> operands, String tag) {
        if (operands.size() != 1) {
            throw new MalformedDump("`" + tag + "` with " + operands.size() + " operands");
        }
        return operands.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json, String what) {
        if (json instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new MalformedDump(what + " is not a JSON object");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> array(Object json, String what) {
        if (json == null) {
            return List.of();
        }
        if (json instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new MalformedDump(what + " is not a JSON array");
    }

    private static String string(Object json, String what) {
        if (json instanceof String text) {
            return text;
        }
        throw new MalformedDump(what + " is not a string: " + json);
    }

    private static boolean bool(Object json) {
        return Boolean.TRUE.equals(json);
    }
}
