package dev.offloadbench.adapters.storage;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.spi.FinishedSession;
import dev.offloadbench.domain.spi.ResultsExporter;
import dev.offloadbench.files.AtomicFile;
import dev.offloadbench.files.PrivateFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Writes what an exporter makes of a session into a file, atomically: the file holds the whole
 * export or stays as it was, also when the exporter fails half-way.
 */
public final class ExportFile {
    private ExportFile() {
    }

    /**
     * Writes a file the user named ({@code bench results --output FILE}): a new one gets the
     * usual permissions, a replaced one keeps its own.
     *
     * @throws BenchException when the file cannot be written
     * @throws IOException what the exporter threw (it is a plugin: the caller says which)
     */
    public static void write(Path file, ResultsExporter exporter, FinishedSession session) throws IOException {
        write(file, exporter, session, AtomicFile.Options.defaults());
    }

    /**
     * Writes an export beside the session's {@code session.json} ({@code sessions/<id>/results.csv}):
     * private as every file of the state folder (0600, in folders 0700).
     *
     * @throws BenchException when the file cannot be written
     * @throws IOException what the exporter threw (it is a plugin: the caller says which)
     */
    public static void writeIntoSession(Path file, ResultsExporter exporter, FinishedSession session)
            throws IOException {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                PrivateFiles.file(file); // one an older version wrote 0644 becomes private too
            } catch (IOException e) {
                throw new BenchException("cannot make " + file + " private: " + AtomicFile.reason(e), e);
            }
        }
        write(file, exporter, session, PrivateFiles.writing());
    }

    private static void write(Path file, ResultsExporter exporter, FinishedSession session,
            AtomicFile.Options options) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        exporter.write(session, bytes);
        try {
            AtomicFile.write(file, bytes.toByteArray(), options);
        } catch (IOException e) {
            throw new BenchException("cannot write " + file + ": " + AtomicFile.reason(e)
                    + "; check that the path names a file in a writable directory", e);
        }
    }
}
