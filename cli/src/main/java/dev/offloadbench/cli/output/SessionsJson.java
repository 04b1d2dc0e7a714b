package dev.offloadbench.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.offloadbench.domain.session.RunStatus;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionProject;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** The recorded sessions for a program ({@code bench sessions --json}), oldest first. */
public final class SessionsJson {
    private SessionsJson() {
    }

    /** @param resultsFile where each session's session.json is */
    public static String write(List<Session> sessions, Function<String, Path> resultsFile) {
        return JsonText.of(json -> {
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
        });
    }
}
