package dev.offloadbench.adapters.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.offloadbench.domain.model.ProjectResults;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.RunOutcome;
import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.probe.ObservedOffload;
import dev.offloadbench.domain.probe.ObservedPytest;
import dev.offloadbench.domain.probe.ProbeResult;
import dev.offloadbench.domain.plan.Secrets;
import dev.offloadbench.domain.run.TestTally;
import dev.offloadbench.domain.session.Attempt;
import dev.offloadbench.domain.session.Revision;
import dev.offloadbench.domain.session.RunInProgress;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionInputs;
import dev.offloadbench.domain.session.SessionProject;
import dev.offloadbench.domain.session.SessionResults;
import dev.offloadbench.domain.session.SessionRun;
import dev.offloadbench.domain.session.SessionSettings;
import dev.offloadbench.domain.session.Statistics;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Writes a session as its {@code session.json}: the schema-1 results document that follows from
 * it ({@link SessionResults#of}), each result run enriched with its samples, statistics, exit
 * codes, logs, timestamps and test counts for the reader's eyes, and a top-level
 * {@code "session"} object holding everything needed to rebuild the session exactly
 * ({@link SessionMapping} reads it back).
 */
final class SessionDocument implements ResultsDocument.Extras {
    private final Session session;

    private SessionDocument(Session session) {
        this.session = session;
    }

    static byte[] toJson(Session session) {
        return ResultsDocument.toJson(SessionResults.of(session), new SessionDocument(session));
    }

    /** The lower-case id an enum constant is written as: {@code TIMED_OUT} as {@code timed_out}. */
    static String id(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    // ---- the reader's summary of each result run

    @Override
    public void run(JsonGenerator json, ProjectResults project, RunOutcome outcome) throws IOException {
        SessionRun run = sessionRun(project.profileId(), outcome.kind());
        List<Attempt> samples = run.samples();
        Statistics statistics = Statistics.of(samples.stream().map(Attempt::seconds).toList());
        json.writeArrayFieldStart("samples");
        for (BigDecimal seconds : statistics.samples()) {
            writeDecimal(json, seconds);
        }
        json.writeEndArray();
        writeDecimalField(json, "mean", statistics.mean());
        writeDecimalField(json, "stddev", statistics.standardDeviation());
        writeDecimalField(json, "min", statistics.min());
        writeDecimalField(json, "max", statistics.max());
        writeDecimalField(json, "median", statistics.median());
        json.writeArrayFieldStart("exitCodes");
        for (Attempt sample : samples) {
            json.writeNumber(sample.exitCode());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("logs");
        for (Attempt sample : samples) {
            json.writeString(sample.log().toString());
        }
        json.writeEndArray();
        json.writeStringField("started", samples.get(0).started().toString());
        json.writeStringField("finished", samples.get(samples.size() - 1).finished().toString());
        // The counts of the latest sample; every sample's own counts are under "session".
        TestTally tally = samples.get(samples.size() - 1).tally();
        writeIntField(json, "collected", tally.collected());
        json.writeObjectFieldStart("counts");
        writeCounts(json, tally);
        json.writeEndObject();
        List<Attempt> warmups = run.warmups();
        if (!warmups.isEmpty()) {
            json.writeArrayFieldStart("warmups");
            for (Attempt warmup : warmups) {
                json.writeStartObject();
                writeDecimalField(json, "seconds", warmup.seconds());
                json.writeNumberField("exitCode", warmup.exitCode());
                json.writeBooleanField("valid", warmup.validity().valid());
                if (!warmup.validity().valid()) {
                    json.writeStringField("reason", warmup.validity().reason());
                }
                json.writeStringField("log", warmup.log().toString());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
    }

    private SessionRun sessionRun(String profileId, RunKind kind) {
        return session.projects().stream()
                .filter(project -> project.profileId().equals(profileId))
                .findFirst()
                .flatMap(project -> project.run(kind))
                .orElseThrow(() -> new IllegalStateException("the results name a run the session does not have: "
                        + profileId + " " + kind));
    }

    // ---- the session itself, exactly

    @Override
    public void document(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("session");
        json.writeStringField("id", session.id());
        json.writeStringField("created", session.created().toString());
        json.writeBooleanField("finished", session.finished());
        writeSettings(json, session.settings());
        json.writeObjectFieldStart("machine");
        json.writeStringField("description", session.machine().description());
        json.writeStringField("source", session.machine().source().id());
        json.writeEndObject();
        json.writeStringField("readme", session.readme().toString());
        json.writeArrayFieldStart("projects");
        for (SessionProject project : session.projects()) {
            json.writeStartObject();
            json.writeStringField("profile", project.profileId());
            json.writeStringField("path", project.path().toString());
            writeRevision(json, project.revision());
            json.writeArrayFieldStart("runs");
            for (SessionRun run : project.runs()) {
                writeSessionRun(json, run);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        if (session.running().isPresent()) {
            writeRunning(json, session.running().get());
        }
        writeInputs(json, session.inputs());
        json.writeEndObject();
    }

    /** The tools and machine the session ran with; left out when they were not recorded (an older session). */
    private static void writeInputs(JsonGenerator json, SessionInputs inputs) throws IOException {
        if (!inputs.recorded()) {
            return;
        }
        json.writeObjectFieldStart("inputs");
        json.writeObjectFieldStart("tools");
        for (Map.Entry<String, String> tool : inputs.tools().entrySet()) {
            json.writeStringField(tool.getKey(), tool.getValue());
        }
        json.writeEndObject();
        writeStringField(json, "machine", inputs.machine());
        json.writeEndObject();
    }

    /** The project's commit when the session started; left out when unknown (not a git checkout). */
    private static void writeRevision(JsonGenerator json, Optional<Revision> revision) throws IOException {
        if (revision.isEmpty()) {
            return;
        }
        json.writeObjectFieldStart("revision");
        json.writeStringField("commit", revision.get().commit());
        json.writeBooleanField("dirty", revision.get().dirty());
        json.writeEndObject();
    }

    /** The execution under way: what a bench that died left running is found by its marker. */
    private static void writeRunning(JsonGenerator json, RunInProgress running) throws IOException {
        json.writeObjectFieldStart("running");
        json.writeStringField("profile", running.profileId());
        json.writeStringField("kind", running.kind().id());
        json.writeStringField("marker", running.marker());
        json.writeNumberField("benchPid", running.benchPid());
        json.writeFieldName("processGroup");
        if (running.processGroup().isPresent()) {
            json.writeNumber(running.processGroup().getAsLong());
        } else {
            json.writeNull();
        }
        json.writeStringField("since", running.since().toString());
        json.writeEndObject();
    }

    private static void writeSettings(JsonGenerator json, SessionSettings settings) throws IOException {
        json.writeObjectFieldStart("settings");
        json.writeArrayFieldStart("kinds");
        for (RunKind kind : settings.kinds()) {
            json.writeString(kind.id());
        }
        json.writeEndArray();
        json.writeNumberField("runs", settings.runs());
        json.writeNumberField("offloadWarmups", settings.offloadWarmups());
        writeDecimalField(json, "timeoutSeconds", settings.timeout().map(SessionDocument::seconds));
        json.writeEndObject();
    }

    private static void writeSessionRun(JsonGenerator json, SessionRun run) throws IOException {
        json.writeStartObject();
        writePlanned(json, run.planned());
        json.writeStringField("status", id(run.status()));
        json.writeStringField("reason", run.reason());
        writeStringField(json, "skipped", run.skipped().map(SessionDocument::id));
        json.writeArrayFieldStart("attempts");
        for (Attempt attempt : run.attempts()) {
            writeAttempt(json, attempt);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writePlanned(JsonGenerator json, PlannedRun planned) throws IOException {
        json.writeObjectFieldStart("planned");
        json.writeStringField("kind", planned.kind().id());
        json.writeStringField("recipe", planned.recipe());
        writeStrings(json, "command", planned.command());
        json.writeObjectFieldStart("env");
        // secrets stay out of the file: a resumed session takes them from the configuration again
        for (Map.Entry<String, String> variable : Secrets.redacted(planned.environment()).entrySet()) {
            json.writeStringField(variable.getKey(), variable.getValue());
        }
        json.writeEndObject();
        json.writeStringField("directory", planned.directory().toString());
        writeIntField(json, "workers", planned.workers());
        writeStringField(json, "workersSource", planned.workersSource());
        writeIntField(json, "maxParallel", planned.maxParallel());
        writeStringField(json, "maxParallelSource", planned.maxParallelSource());
        json.writeNumberField("warmups", planned.warmups());
        writeStrings(json, "notes", planned.notes());
        if (planned.provider().isPresent()) {
            json.writeStringField("provider", planned.provider().get().type());
        }
        if (planned.probe().isPresent()) {
            writeProbe(json, planned.probe().get());
        }
        if (planned.offloadConfig().isPresent()) {
            json.writeObjectFieldStart("offloadConfig");
            json.writeStringField("file", planned.offloadConfig().get().file().toString());
            json.writeStringField("sha256", planned.offloadConfig().get().sha256());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /** What probing the run showed (its output lines are not kept). */
    private static void writeProbe(JsonGenerator json, ProbeResult probe) throws IOException {
        json.writeObjectFieldStart("probe");
        json.writeStringField("outcome", id(probe.outcome()));
        json.writeNumberField("exitCode", probe.exitCode());
        writeDecimalField(json, "seconds", seconds(probe.elapsed()));
        json.writeStringField("problem", probe.problem());
        json.writeArrayFieldStart("pytest");
        for (ObservedPytest pytest : probe.pytest()) {
            json.writeStartObject();
            json.writeNumberField("workers", pytest.workers());
            writeStringField(json, "numprocesses", pytest.numprocesses());
            writeIntField(json, "maxprocesses", pytest.maxprocesses());
            writeIntField(json, "fromOptions", pytest.fromOptions());
            json.writeBooleanField("xdistInstalled", pytest.xdistInstalled());
            json.writeStringField("rootdir", pytest.rootdir().toString());
            writeStringField(json, "inifile", pytest.inifile().map(Path::toString));
            json.writeStringField("invocationDirectory", pytest.invocationDirectory().toString());
            writeStrings(json, "arguments", pytest.arguments());
            json.writeStringField("python", pytest.python());
            writeOptionalString(json, "pythonVersion", pytest.versions().python());
            writeOptionalString(json, "pytestVersion", pytest.versions().pytest());
            writeOptionalString(json, "xdistVersion", pytest.versions().xdist());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("offload");
        for (ObservedOffload offload : probe.offload()) {
            json.writeStartObject();
            json.writeStringField("directory", offload.directory().toString());
            writeStrings(json, "arguments", offload.arguments());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeAttempt(JsonGenerator json, Attempt attempt) throws IOException {
        json.writeStartObject();
        json.writeBooleanField("warmup", attempt.warmup());
        json.writeStringField("started", attempt.started().toString());
        json.writeStringField("finished", attempt.finished().toString());
        writeDecimalField(json, "seconds", attempt.seconds());
        json.writeNumberField("exitCode", attempt.exitCode());
        json.writeStringField("termination", id(attempt.termination()));
        json.writeStringField("log", attempt.log().toString());
        json.writeBooleanField("valid", attempt.validity().valid());
        json.writeStringField("reason", attempt.validity().reason());
        writeStrings(json, "notes", attempt.notes());
        if (attempt.load().isPresent()) {
            // the machine's load before it started, as uptime shows it; left out when unknown
            json.writeFieldName("load");
            json.writeNumber(BigDecimal.valueOf(attempt.load().getAsDouble()).setScale(2, RoundingMode.HALF_UP)
                    .toPlainString());
        }
        json.writeObjectFieldStart("tally");
        TestTally tally = attempt.tally();
        writeIntField(json, "collected", tally.collected());
        writeCounts(json, tally);
        writeIntField(json, "workersStarted", tally.workersStarted());
        json.writeBooleanField("summarySeen", tally.summarySeen());
        json.writeBooleanField("noTestsRan", tally.noTestsRan());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeCounts(JsonGenerator json, TestTally tally) throws IOException {
        json.writeNumberField("passed", tally.passed());
        json.writeNumberField("failed", tally.failed());
        json.writeNumberField("errors", tally.errors());
        json.writeNumberField("skipped", tally.skipped());
        json.writeNumberField("xfailed", tally.xfailed());
        json.writeNumberField("xpassed", tally.xpassed());
        json.writeNumberField("notRun", tally.notRun());
        json.writeNumberField("flaky", tally.flaky());
    }

    // ---- values

    /** A duration as exact decimal seconds: {@code PT1M30.5S} is {@code 90.5}. */
    static BigDecimal seconds(Duration duration) {
        return BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9))
                .stripTrailingZeros();
    }

    private static void writeStrings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void writeIntField(JsonGenerator json, String name, OptionalInt value) throws IOException {
        json.writeFieldName(name);
        if (value.isPresent()) {
            json.writeNumber(value.getAsInt());
        } else {
            json.writeNull();
        }
    }

    private static void writeStringField(JsonGenerator json, String name, Optional<String> value) throws IOException {
        json.writeFieldName(name);
        if (value.isPresent()) {
            json.writeString(value.get());
        } else {
            json.writeNull();
        }
    }

    /** A field only when it has a value: one that older sessions lack is left out rather than null. */
    private static void writeOptionalString(JsonGenerator json, String name, Optional<String> value)
            throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        }
    }

    private static void writeDecimalField(JsonGenerator json, String name, Optional<BigDecimal> value)
            throws IOException {
        json.writeFieldName(name);
        if (value.isPresent()) {
            writeDecimal(json, value.get());
        } else {
            json.writeNull();
        }
    }

    private static void writeDecimalField(JsonGenerator json, String name, BigDecimal value) throws IOException {
        json.writeFieldName(name);
        writeDecimal(json, value);
    }

    /** Exactly the decimal's digits and scale ({@code 120.50} stays {@code 120.50}), never an exponent. */
    private static void writeDecimal(JsonGenerator json, BigDecimal value) throws IOException {
        json.writeNumber(value.toPlainString());
    }
}
