package dev.offloadbench.domain.session;

import java.util.Objects;

/**
 * The commit a project's folder was at when a session started ({@code git rev-parse HEAD}), and
 * whether its tracked files differed from it.
 */
public record Revision(String commit, boolean dirty) {
    public Revision {
        Objects.requireNonNull(commit, "commit");
        if (commit.isBlank()) {
            throw new IllegalArgumentException("a commit must not be blank");
        }
    }

    /** {@code 1a2b3c4d5e6f} or {@code 1a2b3c4d5e6f (dirty)}: the commit's first 12 characters. */
    public String describe() {
        return commit.substring(0, Math.min(12, commit.length())) + (dirty ? " (dirty)" : "");
    }
}
