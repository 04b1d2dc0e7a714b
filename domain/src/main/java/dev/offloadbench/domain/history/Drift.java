package dev.offloadbench.domain.history;

import java.util.Objects;

/**
 * A recorded input that differs between two sessions, as the comparison lists it beside the
 * figure it may explain: {@code tests 5,275 → 5,410 (+2.6%)}, {@code offload 0.9.9 → 0.9.10}.
 *
 * @param input what it is ({@code tests}, {@code workers started}, {@code offload}, ...)
 */
public record Drift(String input, String before, String after, String text) {
    public Drift {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(text, "text");
    }

    /** {@code input before → after}. */
    public static Drift of(String input, String before, String after) {
        return new Drift(input, before, after, input + " " + before + " → " + after);
    }
}
