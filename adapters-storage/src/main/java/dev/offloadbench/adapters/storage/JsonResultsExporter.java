package dev.offloadbench.adapters.storage;

import dev.offloadbench.domain.spi.FinishedSession;
import dev.offloadbench.domain.spi.ResultsExporter;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The built-in exporter {@code json}: a session's results as a results document (schema 1), the
 * file {@code bench render --results} and {@code bench update-readme --results} read.
 */
public final class JsonResultsExporter implements ResultsExporter {
    @Override
    public String format() {
        return "json";
    }

    @Override
    public void write(FinishedSession session, OutputStream out) throws IOException {
        out.write(ResultsDocument.toJson(session.results(), ResultsDocument.Extras.NONE));
    }
}
