package dev.offloadbench.domain.justfile;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A justfile as the real {@code just} reads it (imports merged).
 *
 * @param source the root justfile
 * @param exportAll {@code set export}: every variable is also an environment variable
 */
public record Justfile(Path source, Map<String, Recipe> recipes, Map<String, Assignment> assignments,
        boolean exportAll) {
    public Justfile {
        Objects.requireNonNull(source, "source");
        recipes = Map.copyOf(new TreeMap<>(recipes));
        assignments = Map.copyOf(new TreeMap<>(assignments));
    }

    public Optional<Recipe> recipe(String name) {
        return Optional.ofNullable(recipes.get(name));
    }

    public Optional<Assignment> assignment(String name) {
        return Optional.ofNullable(assignments.get(name));
    }
}
