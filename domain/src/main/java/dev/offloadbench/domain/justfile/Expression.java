package dev.offloadbench.domain.justfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A just expression, as just's JSON dump gives it: literals, variables, calls, backticks, operators. */
public sealed interface Expression {
    /** Environment variables this expression reads ({@code env}, {@code env_var}, {@code env_var_or_default}). */
    default List<String> environmentVariables() {
        List<String> names = new ArrayList<>();
        collectEnvironmentVariables(names);
        return names;
    }

    void collectEnvironmentVariables(List<String> names);

    /** Whether evaluating this runs a command: a backtick, here or in a variable it reads. */
    default boolean runsCommands(Justfile justfile) {
        return runsCommands(justfile, new java.util.HashSet<>());
    }

    private boolean runsCommands(Justfile justfile, java.util.Set<String> seen) {
        if (this instanceof Backtick) {
            return true;
        }
        if (this instanceof Variable variable) {
            return seen.add(variable.name()) && justfile.assignment(variable.name())
                    .map(a -> a.value().runsCommands(justfile, seen)).orElse(false);
        }
        List<Expression> parts = this instanceof Call call ? call.arguments()
                : this instanceof Operation operation ? operation.operands() : List.of();
        for (Expression part : parts) {
            if (part.runsCommands(justfile, seen)) {
                return true;
            }
        }
        return false;
    }

    /** {@code "4"}. */
    record Literal(String value) implements Expression {
        public Literal {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public void collectEnvironmentVariables(List<String> names) {
        }
    }

    /** A justfile variable or recipe parameter. */
    record Variable(String name) implements Expression {
        @Override
        public void collectEnvironmentVariables(List<String> names) {
        }
    }

    /** {@code env('X', '4')}: the function and its arguments. */
    record Call(String function, List<Expression> arguments) implements Expression {
        public Call {
            arguments = List.copyOf(arguments);
        }

        private boolean readsEnvironment() {
            return function.equals("env") || function.equals("env_var") || function.equals("env_var_or_default");
        }

        /** For {@code env('X', '4')}: {@code X}. */
        public Optional<String> environmentVariable() {
            if (readsEnvironment() && !arguments.isEmpty() && arguments.get(0) instanceof Literal name) {
                return Optional.of(name.value());
            }
            return Optional.empty();
        }

        @Override
        public void collectEnvironmentVariables(List<String> names) {
            environmentVariable().ifPresent(names::add);
            arguments.forEach(a -> a.collectEnvironmentVariables(names));
        }
    }

    /** {@code `command`}. */
    record Backtick(String command) implements Expression {
        @Override
        public void collectEnvironmentVariables(List<String> names) {
        }
    }

    /** Any other node (concatenation, join, if, comparisons...): its tag and operands. */
    record Operation(String tag, List<Expression> operands) implements Expression {
        public Operation {
            operands = List.copyOf(operands);
        }

        @Override
        public void collectEnvironmentVariables(List<String> names) {
            operands.forEach(o -> o.collectEnvironmentVariables(names));
        }
    }
}
