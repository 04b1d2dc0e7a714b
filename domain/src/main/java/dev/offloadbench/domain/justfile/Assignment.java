package dev.offloadbench.domain.justfile;

import java.util.Objects;
import java.util.Optional;

/** A justfile variable: {@code workers := env('PYTEST_NUMPROCESSES', '4')}. */
public record Assignment(String name, Expression value, boolean exported, Optional<SourceLine> definedAt) {
    public Assignment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(definedAt, "definedAt");
    }
}
