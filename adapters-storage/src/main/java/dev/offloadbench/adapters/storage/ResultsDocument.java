package dev.offloadbench.adapters.storage;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.model.ProjectResults;
import dev.offloadbench.domain.model.RunOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one writer of the schema-1 results document: 2-space indented, fields in schema order,
 * seconds exactly as the decimal holds them. A caller may add fields after the schema's own in
 * each run and at the end of the document ({@link Extras}); the results reader ignores them.
 */
final class ResultsDocument {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** Fields written after the schema's own; they must not reuse a schema field's name. */
    interface Extras {
        Extras NONE = new Extras() {
        };

        /** Inside a run's object, after {@code valid} and {@code reason}. */
        default void run(JsonGenerator json, ProjectResults project, RunOutcome run) throws IOException {
        }

        /** At the end of the top-level object, after {@code projects}. */
        default void document(JsonGenerator json) throws IOException {
        }
    }

    private ResultsDocument() {
    }

    static byte[] toJson(BenchmarkResults results, Extras extras) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.setPrettyPrinter(prettyPrinter());
            json.writeStartObject();
            json.writeNumberField("schema", ResultsMapping.SCHEMA_VERSION);
            json.writeStringField("machine", results.machine());
            json.writeArrayFieldStart("projects");
            for (ProjectResults project : results.projects()) {
                writeProject(json, project, extras);
            }
            json.writeEndArray();
            extras.document(json);
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            // Only a ByteArrayOutputStream underneath: nothing here does I/O.
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeProject(JsonGenerator json, ProjectResults project, Extras extras) throws IOException {
        json.writeStartObject();
        json.writeStringField("profile", project.profileId());
        json.writeNumberField("testCount", project.testCount());
        json.writeNumberField("maxParallel", project.maxParallel());
        if (!project.provider().equals(OffloadProvider.MODAL)) {
            // optional: a reader takes a document without it for Modal, as the published numbers are
            json.writeStringField("provider", project.provider().type());
        }
        json.writeArrayFieldStart("runs");
        for (RunOutcome run : project.runs()) {
            json.writeStartObject();
            writeRun(json, run);
            extras.run(json, project, run);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeRun(JsonGenerator json, RunOutcome run) throws IOException {
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
}
