package dev.offloadbench.domain.justfile;

import java.nio.file.Path;
import java.util.Objects;

/** A place in a file, 1-based, shown as {@code justfile:12}. */
public record SourceLine(Path file, int line) {
    public SourceLine {
        Objects.requireNonNull(file, "file");
        if (line < 1) {
            throw new IllegalArgumentException("lines count from 1: " + line);
        }
    }

    /** This place, {@code n} lines further down. */
    public SourceLine plus(int n) {
        return new SourceLine(file, line + n);
    }

    @Override
    public String toString() {
        return file.getFileName() + ":" + line;
    }
}
