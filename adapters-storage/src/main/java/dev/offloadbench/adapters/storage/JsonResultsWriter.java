package dev.offloadbench.adapters.storage;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.ProjectResults;
import dev.offloadbench.domain.model.RunOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes results as a schema-1 document that {@link JsonResultsReader} reads back to equal
 * records: 2-space indented, fields in schema order, seconds exactly as the decimal holds them.
 * The file is replaced atomically, so a reader (or an abort) never sees half a document.
 */
public final class JsonResultsWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    public void write(BenchmarkResults results, Path file) {
        byte[] json = toJson(results);
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(json);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            moveIntoPlace(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new BenchException("cannot write results to " + file + ": " + reason(e)
                    + "; check that the path names a file in a writable directory", e);
        }
    }

    private static byte[] toJson(BenchmarkResults results) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.setPrettyPrinter(prettyPrinter());
            json.writeStartObject();
            json.writeNumberField("schema", ResultsMapping.SCHEMA_VERSION);
            json.writeStringField("machine", results.machine());
            json.writeArrayFieldStart("projects");
            for (ProjectResults project : results.projects()) {
                writeProject(json, project);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            // Only a ByteArrayOutputStream underneath: nothing here does I/O.
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeProject(JsonGenerator json, ProjectResults project) throws IOException {
        json.writeStartObject();
        json.writeStringField("profile", project.profileId());
        json.writeNumberField("testCount", project.testCount());
        json.writeNumberField("maxParallel", project.maxParallel());
        json.writeArrayFieldStart("runs");
        for (RunOutcome run : project.runs()) {
            writeRun(json, run);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeRun(JsonGenerator json, RunOutcome run) throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", run.kind().id());
        if (run.workers().isPresent()) {
            json.writeNumberField("workers", run.workers().getAsInt());
        }
        json.writeFieldName("seconds");
        json.writeNumber(run.seconds().toPlainString());
        json.writeBooleanField("valid", run.validity().valid());
        if (!run.validity().valid()) {
            json.writeStringField("reason", run.validity().reason());
        }
        json.writeEndObject();
    }

    /** {@code "key": value}, objects and arrays one entry a line, two spaces a level, {@code []} when empty. */
    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this is rare (some network file systems); a plain replace is the best left.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file or directory: " + missing.getFile();
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getClass().getSimpleName() + " " + e.getMessage();
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The write already failed; that error is the one worth reporting.
        }
    }
}
