package dev.offloadbench.cli.command;

import dev.offloadbench.adapters.storage.ExportFile;
import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.spi.FinishedSession;
import dev.offloadbench.domain.spi.ResultsExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The installed results exporters by format ({@code json} built in, more from plugins), and
 * writing a session's results with one of them. An exporter is a plugin's code: what it throws
 * is reported with the plugin it comes from, and the file is left as it was.
 */
public final class ResultsExports {
    private final Map<String, ResultsExporter> byFormat = new LinkedHashMap<>();
    private final Function<Object, String> origins;

    /** @param origins where an exporter comes from ({@code built-in}, a jar) */
    public ResultsExports(Collection<ResultsExporter> exporters, Function<Object, String> origins) {
        exporters.forEach(exporter -> byFormat.put(exporter.format(), exporter));
        this.origins = origins;
    }

    public List<String> formats() {
        return List.copyOf(byFormat.keySet());
    }

    /** @throws BenchException naming the formats that no installed exporter writes, and those installed */
    void require(List<String> formats, String namedIn) {
        List<String> missing = formats.stream().filter(f -> !byFormat.containsKey(f)).toList();
        if (!missing.isEmpty()) {
            throw new BenchException("no installed exporter writes " + String.join(", ", missing) + " (named in"
                    + " `exporters` of " + namedIn + "); installed formats: " + String.join(", ", byFormat.keySet())
                    + ". Add the plugin jar that provides it (see \"Plugins\" in the README). Nothing was run");
        }
    }

    /** Writes the session's results in {@code format} to {@code file}, atomically. */
    void write(String format, FinishedSession session, Path file) {
        write(format, session, file, false);
    }

    /** Writes the session's results in {@code format} beside its session.json, private as the rest of its folder. */
    void writeIntoSession(String format, FinishedSession session, Path file) {
        write(format, session, file, true);
    }

    private void write(String format, FinishedSession session, Path file, boolean intoSession) {
        ResultsExporter exporter = exporter(format);
        try {
            if (intoSession) {
                ExportFile.writeIntoSession(file, exporter, session);
            } else {
                ExportFile.write(file, exporter, session);
            }
        } catch (BenchException e) {
            throw e;
        } catch (IOException | RuntimeException | LinkageError e) {
            throw failed(exporter, e, file.toString());
        }
    }

    /** Prints the session's results in {@code format}. */
    void print(String format, FinishedSession session, PrintWriter out) {
        ResultsExporter exporter = exporter(format);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            exporter.write(session, bytes);
        } catch (IOException | RuntimeException | LinkageError e) {
            throw failed(exporter, e, "the output");
        }
        out.print(bytes.toString(StandardCharsets.UTF_8));
    }

    /** @throws BenchException when no installed exporter writes {@code format}, naming those installed */
    void requireFormat(String format) {
        exporter(format);
    }

    private ResultsExporter exporter(String format) {
        ResultsExporter exporter = byFormat.get(format);
        if (exporter == null) {
            throw new BenchException("no installed exporter writes \"" + format + "\"; installed formats: "
                    + String.join(", ", byFormat.keySet()) + ". Add the plugin jar that provides it (see"
                    + " \"Plugins\" in the README)");
        }
        return exporter;
    }

    private BenchException failed(ResultsExporter exporter, Throwable e, String target) {
        return new BenchException("the " + exporter.format() + " exporter (" + origins.apply(exporter)
                + ") failed: " + e + "; nothing was written to " + target, e);
    }
}
