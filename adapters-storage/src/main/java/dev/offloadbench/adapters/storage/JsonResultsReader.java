package dev.offloadbench.adapters.storage;

import dev.offloadbench.files.AtomicFile;
import dev.offloadbench.files.Utf8Text;
import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.port.out.ResultsReader;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a results document, schema 1. Projects keep the order they are written in, runs may come
 * in any order, and fields this version does not know are ignored. Every problem is a
 * {@link BenchException} that starts {@code file:line:column: path:} and says what was expected.
 */
public final class JsonResultsReader implements ResultsReader {
    /** The largest results document read: a session of many runs is a few hundred KiB. */
    static final long MAX_BYTES = 16L << 20;
    private static final String EXPECTED_DOCUMENT =
            "expected a results document (a JSON object with \"schema\": " + ResultsMapping.SCHEMA_VERSION + ")";

    @Override
    public BenchmarkResults read(Path file) {
        return new ResultsMapping(file.toString()).results(parse(file));
    }

    /** The file's JSON as a located tree; any problem reading or parsing it is a located {@link BenchException}. */
    static LocatedJson.Node parse(Path file) {
        String text = readText(file);
        if (text.isBlank()) {
            throw new BenchException(file + ": the file is empty; " + EXPECTED_DOCUMENT);
        }
        try {
            return LocatedJson.parse(text);
        } catch (LocatedJson.SyntaxError e) {
            throw new BenchException(LocatedJson.locate(file.toString(), e.position(), e.path()) + e.getMessage(), e);
        }
    }

    private static String readText(Path file) {
        if (Files.isDirectory(file)) {
            throw new BenchException(file + " is a directory; pass the path of a results file (JSON)");
        }
        byte[] bytes;
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new BenchException(file + " is not a regular file; pass the path of a results file (JSON)");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new BenchException(file + " is " + size + " bytes; a results document is at most " + MAX_BYTES
                        + " bytes (" + (MAX_BYTES >> 20) + " MiB), so this is not one");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BenchException("results file " + file + " does not exist; check the path,"
                    + " or run the benchmark first to record results there", e);
        } catch (AccessDeniedException e) {
            throw new BenchException("cannot read results file " + file + ": permission denied;"
                    + " check the file's permissions", e);
        } catch (IOException e) {
            throw new BenchException("cannot read results file " + file + ": " + AtomicFile.reason(e), e);
        }
        String text = Utf8Text.decode(bytes).orElseThrow(() -> new BenchException(file + " is "
                + Utf8Text.whyNot(bytes) + "; " + EXPECTED_DOCUMENT + ", saved as UTF-8"));
        // A byte order mark is not JSON, but editors on some systems add one.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
