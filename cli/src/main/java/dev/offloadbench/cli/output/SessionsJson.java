package dev.offloadbench.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.offloadbench.domain.session.RunStatus;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionProject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** The recorded sessions for a program ({@code bench sessions --json}), oldest first. */
public final class SessionsJson {
    private static final JsonFactory JSON = new JsonFactory();

    private SessionsJson() {
    }

    /** @param resultsFile where each session's session.json is */
    public static String write(List<Session> sessions, Function<String, Path> resultsFile) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("sessions");
            for (Session session : sessions) {
                json.writeStartObject();
                json.writeStringField("id", session.id());
                json.writeStringField("created", session.created().toString());
                json.writeBooleanField("finished", session.finished());
                json.writeNumberField("runs", session.entries().size());
                json.writeNumberField("runsDone", session.entries().stream()
                        .filter(e -> e.run().status() == RunStatus.DONE).count());
                json.writeArrayFieldStart("profiles");
                for (SessionProject project : session.projects()) {
                    json.writeString(project.profileId());
                }
                json.writeEndArray();
                json.writeStringField("readme", session.readme().toString());
                json.writeStringField("results", resultsFile.apply(session.id()).toString());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text + "\n";
    }
}
