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
