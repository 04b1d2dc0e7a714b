package dev.offloadbench.domain.service.planning;

import dev.offloadbench.domain.justfile.Expression;
import dev.offloadbench.domain.justfile.Recipe;
import dev.offloadbench.domain.justfile.RecipeCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A way to run a recipe with another xdist worker count, as found in the project. */
sealed interface WorkerOverride {
    RecipeCall apply(RecipeCall call, int workers);

    String describe();

    /** Two candidates with the same key change the same thing: the second is not tried. */
    default String key() {
        return getClass().getSimpleName() + ":" + describe();
    }

    /** The run's environment sets a variable that the recipe (or just) reads in place of the count. */
    record EnvironmentVariable(String name, String why) implements WorkerOverride {
        @Override
        public RecipeCall apply(RecipeCall call, int workers) {
            return call.withEnvironment(Map.of(name, Integer.toString(workers)));
        }

        @Override
        public String describe() {
            return "environment variable " + name + " (" + why + ")";
        }

        @Override
        public String key() {
            return "env:" + name;
        }
    }

    /** {@code just workers=8 recipe}. */
    record JustVariable(String name) implements WorkerOverride {
        @Override
        public RecipeCall apply(RecipeCall call, int workers) {
            return call.withVariable(name, Integer.toString(workers));
        }

        @Override
        public String describe() {
            return "justfile variable `" + name + "` (just " + name + "=N)";
        }

        @Override
        public String key() {
            return "just:" + name;
        }
    }

    /**
     * {@code just _parallel="-n 8 --dist=worksteal" recipe}: a justfile variable holding the count
     * among other options, set again with only the count changed.
     */
    record JustVariableKeepingOptions(String name, String value, String option) implements WorkerOverride {
        @Override
        public RecipeCall apply(RecipeCall call, int workers) {
            return call.withVariable(name, withCount(value, option, workers));
        }

        @Override
        public String describe() {
            return "justfile variable `" + name + "` (just " + name + "=\"" + withCount(value, option, "N")
                    + "\", keeping its other options)";
        }

        @Override
        public String key() {
            return "just:" + name;
        }

        /** The value with the option's count replaced, every other character kept. */
        static String withCount(String value, String option, int workers) {
            return withCount(value, option, Integer.toString(workers));
        }

        private static String withCount(String value, String option, String count) {
            List<ShellWords.Word> words = ShellWords.split(value);
            for (int i = words.size() - 1; i >= 0; i--) {
                ShellWords.Word word = words.get(i);
                String text = word.text();
                boolean longForm = option.equals("-n") ? text.equals("--numprocesses") : false;
                if ((text.equals(option) || longForm) && i + 1 < words.size()) {
                    ShellWords.Word next = words.get(i + 1);
                    return value.substring(0, next.start()) + count + value.substring(next.end());
                }
                if (text.startsWith(option + "=") || option.equals("-n") && text.startsWith("--numprocesses=")) {
                    int equals = value.indexOf('=', word.start());
                    return value.substring(0, equals + 1) + count + value.substring(word.end());
                }
                if (option.equals("-n") && text.startsWith("-n") && text.length() > 2 && !text.startsWith("--")) {
                    return value.substring(0, word.start() + 2) + count + value.substring(word.end());
                }
            }
            throw new PlanProblem("justfile variable `" + value + "` holds no " + option);
        }
    }

    /** {@code just recipe 8}: a recipe parameter, given positionally after the earlier ones' defaults. */
    record RecipeArgument(Recipe recipe, String parameter) implements WorkerOverride {
        @Override
        public RecipeCall apply(RecipeCall call, int workers) {
            List<String> arguments = new ArrayList<>();
            for (Recipe.Parameter p : recipe.parameters()) {
                if (p.name().equals(parameter)) {
                    arguments.add(Integer.toString(workers));
                    return call.withArguments(arguments);
                }
                Optional<Expression> fallback = p.defaultValue();
                if (fallback.isEmpty() || !(fallback.get() instanceof Expression.Literal literal)) {
                    throw new PlanProblem("recipe `" + recipe.name() + "` takes the worker count as parameter `"
                            + parameter + "`, but the parameter before it, `" + p.name()
                            + "`, has no plain default to pass along");
                }
                arguments.add(literal.value());
            }
            throw new IllegalStateException("no parameter " + parameter + " in " + recipe.name());
        }

        @Override
        public String describe() {
            return "recipe parameter `" + parameter + "` (just " + recipe.name() + " N)";
        }
    }

    /** pytest reads {@code PYTEST_ADDOPTS} after its configuration file's addopts, so it wins over them. */
    record PytestAddopts(String option) implements WorkerOverride {
        static final String VARIABLE = "PYTEST_ADDOPTS";

        @Override
        public RecipeCall apply(RecipeCall call, int workers) {
            String existing = call.environment().getOrDefault(VARIABLE, "");
            String added = option + " " + workers;
            return call.withEnvironment(Map.of(VARIABLE, existing.isBlank() ? added : existing + " " + added));
        }

        @Override
        public String describe() {
            return VARIABLE + "=\"" + option + " N\" (read by pytest after its configuration's addopts)";
        }
    }

    /** {@code -n auto} starts as many workers as {@code PYTEST_XDIST_AUTO_NUM_WORKERS} says, when set. */
    record AutoWorkers() implements WorkerOverride {
        static final String VARIABLE = "PYTEST_XDIST_AUTO_NUM_WORKERS";

        @Override
        public RecipeCall apply(RecipeCall call, int workers) {
            return call.withEnvironment(Map.of(VARIABLE, Integer.toString(workers)));
        }

        @Override
        public String describe() {
            return "environment variable " + VARIABLE + " (what -n auto means to xdist)";
        }
    }
}
