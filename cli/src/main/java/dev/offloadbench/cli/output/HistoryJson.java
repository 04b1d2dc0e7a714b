package dev.offloadbench.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.offloadbench.domain.history.History;
import dev.offloadbench.domain.history.Measurement;
import dev.offloadbench.domain.model.RunKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;

/** {@code bench history --json}: every finished session's figures, project by project, oldest first. */
public final class HistoryJson {
    private HistoryJson() {
    }

    public static String write(History history) {
        return JsonText.of(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("projects");
            for (History.Project project : history.projects()) {
                json.writeStartObject();
                json.writeStringField("profile", project.profileId());
                json.writeArrayFieldStart("sessions");
                for (History.Point point : project.sessions()) {
                    json.writeStartObject();
                    json.writeStringField("id", point.sessionId());
                    json.writeStringField("created", point.created().toString());
                    json.writeObjectFieldStart("runs");
                    for (RunKind kind : RunKind.values()) {
                        Optional<Measurement> run = point.run(kind);
                        if (run.isEmpty()) {
                            continue;
                        }
                        json.writeObjectFieldStart(kind.id());
                        number(json, "mean", run.get().mean());
                        json.writeFieldName("stddev");
                        if (run.get().sigma().isPresent()) {
                            json.writeNumber(run.get().sigma().get().toPlainString());
                        } else {
                            json.writeNull();
                        }
                        json.writeNumberField("samples", run.get().count());
                        json.writeBooleanField("valid", run.get().valid());
                        if (!run.get().valid()) {
                            json.writeStringField("reason", run.get().validity().reason());
                        }
                        json.writeEndObject();
                    }
                    json.writeEndObject();
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void number(JsonGenerator json, String name, BigDecimal value) throws IOException {
        json.writeFieldName(name);
        json.writeNumber(value.toPlainString());
    }
}
