package dev.offloadbench.domain.port.out;

import dev.offloadbench.domain.justfile.SourceLine;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.plan.FileDigest;
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
     *
     * @param digest the file's SHA-256, of the very bytes read, so that a session records which
     *     version of the file its Offload run used
     */
    record OffloadConfig(Path file, OptionalInt maxParallel, Optional<SourceLine> maxParallelLine,
            Optional<OffloadProvider> provider, Optional<FileDigest> digest) {
        /** Offload's own default when {@code max_parallel} is absent. */
        public static final int DEFAULT_MAX_PARALLEL = 10;

        public OffloadConfig {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(maxParallel, "maxParallel");
            Objects.requireNonNull(maxParallelLine, "maxParallelLine");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(digest, "digest");
        }

        /** A configuration read without its digest. */
        public OffloadConfig(Path file, OptionalInt maxParallel, Optional<SourceLine> maxParallelLine,
                Optional<OffloadProvider> provider) {
            this(file, maxParallel, maxParallelLine, provider, Optional.empty());
        }
    }
}
