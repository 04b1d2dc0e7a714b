package dev.offloadbench.domain.justfile;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A recipe as just dumps it.
 *
 * @param definedAt the line of the recipe's header, when it could be located
 * @param body one entry per body line (blank lines included), each a list of fragments
 * @param environment variables set by {@code [env(NAME, VALUE)]} attributes
 */
public record Recipe(String name, Optional<SourceLine> definedAt, List<Parameter> parameters,
        List<Dependency> dependencies, List<List<Fragment>> body, boolean shebang, Map<String, String> environment) {
    public Recipe {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definedAt, "definedAt");
        parameters = List.copyOf(parameters);
        dependencies = List.copyOf(dependencies);
        body = body.stream().map(List::copyOf).toList();
        environment = Map.copyOf(environment);
    }

    /** Where body line {@code index} (0-based) is, when the header was located. */
    public Optional<SourceLine> bodyLine(int index) {
        return definedAt.map(header -> header.plus(1 + index));
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** A recipe parameter. */
    public record Parameter(String name, Optional<Expression> defaultValue, boolean exported, boolean variadic) {
    }

    /** A recipe this one runs; {@code subsequent} ones run after it ({@code && dep}). */
    public record Dependency(String recipe, List<Expression> arguments, boolean subsequent) {
        public Dependency {
            arguments = List.copyOf(arguments);
        }
    }
}
