package dev.offloadbench.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.offloadbench.domain.check.CheckResult;
import java.util.List;
import java.util.Locale;

/** The prerequisites for a program ({@code bench check --json}). */
public final class CheckJson {
    private CheckJson() {
    }

    public static String write(List<CheckResult> results) {
        return JsonText.of(json -> {
            json.writeStartObject();
            json.writeBooleanField("ok", !CheckResult.anyFailed(results));
            json.writeArrayFieldStart("checks");
            for (CheckResult result : results) {
                json.writeStartObject();
                json.writeStringField("name", result.name());
                json.writeStringField("status", result.status().name().toLowerCase(Locale.ROOT));
                json.writeStringField("detail", result.detail());
                if (result.remedy().isPresent()) {
                    json.writeStringField("remedy", result.remedy().get());
                }
                json.writeBooleanField("offloadOnly", result.offloadOnly());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }
}
