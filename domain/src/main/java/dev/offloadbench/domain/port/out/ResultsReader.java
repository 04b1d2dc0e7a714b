package dev.offloadbench.domain.port.out;

import dev.offloadbench.domain.model.BenchmarkResults;
import java.nio.file.Path;

/** Reads a results document (schema 1). */
public interface ResultsReader {
    /**
     * @throws dev.offloadbench.domain.BenchException naming the file, the field and its position
     *     when the document cannot be read or a required field is missing or malformed
     */
    BenchmarkResults read(Path file);
}
