package dev.offloadbench.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.offloadbench.domain.history.Comparison;
import dev.offloadbench.domain.history.Drift;
import dev.offloadbench.domain.history.Measurement;
import dev.offloadbench.domain.history.NoiseBand;
import dev.offloadbench.domain.history.RunComparison;
import dev.offloadbench.domain.session.Session;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code bench compare --json}: the same comparison for a program, figures as numbers. */
public final class ComparisonJson {
    private ComparisonJson() {
    }

    public static String write(Comparison comparison, Optional<BigDecimal> failOnRegression, boolean failOnSlower) {
        return JsonText.of(json -> {
            json.writeStartObject();
            session(json, "before", comparison.before());
            session(json, "after", comparison.after());
            json.writeObjectFieldStart("noise");
            decimal(json, "confidence", comparison.rule().confidence());
            decimal(json, "thresholdPercent", comparison.rule().thresholdPercent());
            json.writeNumberField("minimumSamples", comparison.rule().minimumSamples());
            json.writeNumberField("historySessions", comparison.rule().historySessions());
            json.writeEndObject();
            json.writeArrayFieldStart("runs");
            for (RunComparison run : comparison.runs()) {
                run(json, run);
            }
            json.writeEndArray();
            drifts(json, "sessionDrift", comparison.sessionDrift());
            json.writeObjectFieldStart("unrecorded");
            for (Map.Entry<String, List<String>> unknown : comparison.unrecorded().entrySet()) {
                json.writeArrayFieldStart(unknown.getKey());
                for (String input : unknown.getValue()) {
                    json.writeString(input);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeArrayFieldStart("slower");
            for (RunComparison run : comparison.slower()) {
                json.writeString(run.profileId() + " " + run.kind().id());
            }
            json.writeEndArray();
            json.writeObjectFieldStart("gates");
            if (failOnRegression.isPresent()) {
                json.writeObjectFieldStart("failOnRegression");
                decimal(json, "percent", failOnRegression.get());
                List<RunComparison> regressions = comparison.slowerByMoreThan(failOnRegression.get());
                json.writeBooleanField("failed", !regressions.isEmpty());
                names(json, regressions);
                json.writeEndObject();
            }
            if (failOnSlower) {
                json.writeObjectFieldStart("failOnSlower");
                json.writeBooleanField("failed", !comparison.slower().isEmpty());
                names(json, comparison.slower());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    private static void names(JsonGenerator json, List<RunComparison> runs) throws IOException {
        json.writeArrayFieldStart("runs");
        for (RunComparison run : runs) {
            json.writeString(run.profileId() + " " + run.kind().id());
        }
        json.writeEndArray();
    }

    private static void session(JsonGenerator json, String name, Session session) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeStringField("id", session.id());
        json.writeStringField("created", session.created().toString());
        json.writeBooleanField("finished", session.finished());
        json.writeEndObject();
    }

    private static void run(JsonGenerator json, RunComparison run) throws IOException {
        json.writeStartObject();
        json.writeStringField("profile", run.profileId());
        json.writeStringField("kind", run.kind().id());
        measurement(json, "before", run.before());
        measurement(json, "after", run.after());
        if (run.ratio().isPresent()) {
            decimal(json, "ratio", run.ratio().get().value().setScale(6, RoundingMode.HALF_UP));
            json.writeFieldName("ratioStddev");
            if (run.ratio().get().sigma().isPresent()) {
                json.writeNumber(run.ratio().get().sigma().get().setScale(6, RoundingMode.HALF_UP).toPlainString());
            } else {
                json.writeNull();
            }
            decimal(json, "percentChange", run.ratio().get().percentChange().setScale(2, RoundingMode.HALF_UP));
        } else {
            json.writeNullField("ratio");
            json.writeNullField("ratioStddev");
            json.writeNullField("percentChange");
        }
        json.writeStringField("change", run.change().name().toLowerCase(java.util.Locale.ROOT));
        if (run.band().isPresent()) {
            NoiseBand band = run.band().get();
            json.writeObjectFieldStart("noiseBand");
            json.writeStringField("method", band.method().name().toLowerCase(java.util.Locale.ROOT));
            decimal(json, "low", band.low());
            decimal(json, "high", band.high());
            decimal(json, band.method() == NoiseBand.Method.PREDICTION_INTERVAL ? "confidence" : "thresholdPercent",
                    band.level());
            json.writeNumberField("samples", band.samples());
            json.writeNumberField("sessions", band.sessions());
            json.writeFieldName("t");
            if (band.t().isPresent()) {
                json.writeNumber(BigDecimal.valueOf(band.t().getAsDouble()).setScale(6, RoundingMode.HALF_UP)
                        .toPlainString());
            } else {
                json.writeNull();
            }
            json.writeEndObject();
        } else {
            json.writeNullField("noiseBand");
        }
        drifts(json, "drift", run.drift());
        json.writeEndObject();
    }

    private static void measurement(JsonGenerator json, String name, Optional<Measurement> measurement)
            throws IOException {
        if (measurement.isEmpty()) {
            json.writeNullField(name);
            return;
        }
        Measurement m = measurement.get();
        json.writeObjectFieldStart(name);
        decimal(json, "mean", m.mean());
        json.writeFieldName("stddev");
        if (m.sigma().isPresent()) {
            json.writeNumber(m.sigma().get().toPlainString());
        } else {
            json.writeNull();
        }
        json.writeNumberField("samples", m.count());
        json.writeBooleanField("valid", m.valid());
        if (!m.valid()) {
            json.writeStringField("reason", m.validity().reason());
        }
        json.writeEndObject();
    }

    private static void drifts(JsonGenerator json, String name, List<Drift> drifts) throws IOException {
        json.writeArrayFieldStart(name);
        for (Drift drift : drifts) {
            json.writeStartObject();
            json.writeStringField("input", drift.input());
            json.writeStringField("before", drift.before());
            json.writeStringField("after", drift.after());
            json.writeStringField("text", drift.text());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void decimal(JsonGenerator json, String name, BigDecimal value) throws IOException {
        json.writeFieldName(name);
        json.writeNumber(value.stripTrailingZeros().toPlainString());
    }
}
