package dev.offloadbench.domain.justfile;

/** A piece of a recipe body line: literal text, or an interpolation {@code {{ expression }}}. */
public sealed interface Fragment {
    record Text(String text) implements Fragment {
    }

    record Interpolation(Expression expression) implements Fragment {
    }
}
