package dev.offloadbench.domain.plan;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/** A file as it was read: its path and the SHA-256 of its bytes (64 lower-case hex digits). */
public record FileDigest(Path file, String sha256) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public FileDigest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a SHA-256 is 64 lower-case hex digits: " + sha256);
        }
    }

    /** The first 12 hex digits, enough to tell two versions of a file apart when reading. */
    public String shortHash() {
        return sha256.substring(0, 12);
    }
}
