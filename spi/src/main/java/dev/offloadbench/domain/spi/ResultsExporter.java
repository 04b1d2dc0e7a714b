package dev.offloadbench.domain.spi;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a session's results in a format of its own: {@code bench results ID --format NAME
 * --output FILE}, and after every session for each format listed in the configuration's
 * {@code exporters = [...]} (as {@code results.NAME} in the session's folder). Found with
 * {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.offloadbench.domain.spi.ResultsExporter}).
 */
public interface ResultsExporter {
    /** The format's name: lower-case letters, digits, '-' or '_', starting with a letter ({@code csv}). */
    String format();

    /**
     * Writes the session's results to {@code out} (offload-bench opens and closes it; the file
     * appears only once this returns).
     */
    void write(FinishedSession session, OutputStream out) throws IOException;
}
