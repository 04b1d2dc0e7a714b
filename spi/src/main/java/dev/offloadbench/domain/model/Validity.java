package dev.offloadbench.domain.model;

import java.util.Objects;

/**
 * Whether a run counts. An INVALID run (failed tests, a non-zero exit, no test run) keeps its
 * time but carries the reason, so the report can say why it is not to be trusted.
 */
public record Validity(boolean valid, String reason) {
    /** A run that counts. */
    public static final Validity VALID = new Validity(true, "");

    public Validity {
        Objects.requireNonNull(reason, "reason");
        if (valid && !reason.isEmpty()) {
            throw new IllegalArgumentException("a valid run has no reason: " + reason);
        }
    }

    public static Validity invalid(String reason) {
        return new Validity(false, reason == null || reason.isBlank() ? "no reason given" : reason.strip());
    }

    /** {@code valid}, or {@code INVALID (reason)}. */
    public String describe() {
        return valid ? "valid" : "INVALID (" + reason + ")";
    }
}
