package dev.offloadbench.domain.port.out;

import dev.offloadbench.domain.justfile.SourceLine;
import dev.offloadbench.domain.model.OffloadProvider;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Optional;

/** Reads an Offload configuration file ({@code offload.toml}). */
public interface OffloadConfigReader {
    /**
     * @throws dev.offloadbench.domain.BenchException when the file is missing, or is not valid
     *     TOML (file:line:column), or {@code max_parallel} is not a positive integer, or
     *     {@code [provider] type} is not a provider name
     */
    OffloadConfig read(Path file);

    /**
     * {@code [offload] max_parallel}, with its line, when the file sets it, and
     * {@code [provider] type}, where Offload runs the tests (Offload requires it; a file without
     * it leaves the provider unknown).
     */
    record OffloadConfig(Path file, OptionalInt maxParallel, Optional<SourceLine> maxParallelLine,
            Optional<OffloadProvider> provider) {
        /** Offload's own default when {@code max_parallel} is absent. */
        public static final int DEFAULT_MAX_PARALLEL = 10;

        public OffloadConfig {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(maxParallel, "maxParallel");
            Objects.requireNonNull(maxParallelLine, "maxParallelLine");
            Objects.requireNonNull(provider, "provider");
        }
    }
}
