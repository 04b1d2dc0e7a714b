package dev.offloadbench.adapters.storage;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.files.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes results as a schema-1 document that {@link JsonResultsReader} reads back to equal
 * records: 2-space indented, fields in schema order, seconds exactly as the decimal holds them.
 * The file is replaced atomically, so a reader (or an abort) never sees half a document.
 */
public final class JsonResultsWriter {
    public void write(BenchmarkResults results, Path file) {
        try {
            AtomicFile.write(file, ResultsDocument.toJson(results, ResultsDocument.Extras.NONE));
        } catch (IOException e) {
            throw new BenchException("cannot write results to " + file + ": " + AtomicFile.reason(e)
                    + "; check that the path names a file in a writable directory", e);
        }
    }
}
