package dev.offloadbench.adapters.storage;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.files.AtomicFile;
import dev.offloadbench.domain.spi.FinishedSession;
import dev.offloadbench.domain.spi.ResultsExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes what an exporter makes of a session into a file, atomically: the file holds the whole
 * export or stays as it was, also when the exporter fails half-way.
 */
public final class ExportFile {
    private ExportFile() {
    }

    /**
     * @throws BenchException when the file cannot be written
     * @throws IOException what the exporter threw (it is a plugin: the caller says which)
     */
    public static void write(Path file, ResultsExporter exporter, FinishedSession session) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        exporter.write(session, bytes);
        try {
            AtomicFile.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new BenchException("cannot write " + file + ": " + AtomicFile.reason(e)
                    + "; check that the path names a file in a writable directory", e);
        }
    }
}
