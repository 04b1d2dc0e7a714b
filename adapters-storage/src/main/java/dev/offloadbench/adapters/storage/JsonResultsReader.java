package dev.offloadbench.adapters.storage;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.port.out.ResultsReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
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
        try {
            String text = Files.readString(file);
            // A byte order mark is not JSON, but editors on some systems add one.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw new BenchException("results file " + file + " does not exist; check the path,"
                    + " or run the benchmark first to record results there", e);
        } catch (AccessDeniedException e) {
            throw new BenchException("cannot read results file " + file + ": permission denied;"
                    + " check the file's permissions", e);
        } catch (MalformedInputException e) {
            throw new BenchException(file + " is not UTF-8 text; " + EXPECTED_DOCUMENT + ", saved as UTF-8", e);
        } catch (IOException e) {
            throw new BenchException("cannot read results file " + file + ": " + e.getMessage(), e);
        }
    }
}
