package dev.offloadbench.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.offloadbench.domain.plan.BenchmarkPlan;
import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.plan.Problem;
import dev.offloadbench.domain.plan.ProjectPlan;
import dev.offloadbench.domain.probe.ObservedOffload;
import dev.offloadbench.domain.probe.ObservedPytest;
import dev.offloadbench.domain.probe.ProbeResult;
import dev.offloadbench.domain.plan.Secrets;
import java.io.IOException;
import java.util.Map;

/** The plan for a program ({@code bench plan --json}). */
public final class PlanJson {
    private PlanJson() {
    }

    public static String write(BenchmarkPlan plan) {
        return JsonText.of(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("machine");
            json.writeStringField("description", plan.machine().description());
            json.writeStringField("source", plan.machine().source().id());
            json.writeEndObject();
            json.writeStringField("readme", plan.readme().toString());
            json.writeArrayFieldStart("profiles");
            for (ProjectPlan project : plan.profiles()) {
                json.writeStartObject();
                json.writeStringField("profile", project.profileId());
                json.writeStringField("path", project.path().toString());
                json.writeArrayFieldStart("runs");
                for (PlannedRun run : project.runs()) {
                    writeRun(json, run);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("problems");
            for (Problem problem : plan.problems()) {
                json.writeStartObject();
                if (problem.profileId().isPresent()) {
                    json.writeStringField("profile", problem.profileId().get());
                }
                json.writeStringField("kind", problem.kind().id());
                json.writeStringField("message", problem.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** What the probe saw, beside the planned values: the workers xdist starts, offload's command line. */
    private static void writeProbe(JsonGenerator json, ProbeResult probe) throws IOException {
        json.writeObjectFieldStart("probe");
        json.writeStringField("outcome", probe.outcome().name().toLowerCase(java.util.Locale.ROOT));
        if (probe.workers().isPresent()) {
            json.writeNumberField("workers", probe.workers().getAsInt());
        }
        json.writeNumberField("exitCode", probe.exitCode());
        json.writeNumberField("seconds", probe.elapsed().toMillis() / 1000.0);
        json.writeArrayFieldStart("pytest");
        for (ObservedPytest pytest : probe.pytest()) {
            json.writeStartObject();
            json.writeNumberField("workers", pytest.workers());
            if (pytest.numprocesses().isPresent()) {
                json.writeStringField("numprocesses", pytest.numprocesses().get());
            }
            if (pytest.maxprocesses().isPresent()) {
                json.writeNumberField("maxprocesses", pytest.maxprocesses().getAsInt());
            }
            if (pytest.fromOptions().isPresent()) {
                json.writeNumberField("fromOptions", pytest.fromOptions().getAsInt());
            }
            json.writeStringField("rootdir", pytest.rootdir().toString());
            if (pytest.inifile().isPresent()) {
                json.writeStringField("inifile", pytest.inifile().get().toString());
            }
            json.writeStringField("invocationDirectory", pytest.invocationDirectory().toString());
            json.writeArrayFieldStart("arguments");
            for (String argument : pytest.arguments()) {
                json.writeString(argument);
            }
            json.writeEndArray();
            json.writeStringField("python", pytest.python());
            // what that pytest said it runs on, as a session records it
            if (pytest.versions().python().isPresent()) {
                json.writeStringField("pythonVersion", pytest.versions().python().get());
            }
            if (pytest.versions().pytest().isPresent()) {
                json.writeStringField("pytestVersion", pytest.versions().pytest().get());
            }
            if (pytest.versions().xdist().isPresent()) {
                json.writeStringField("xdistVersion", pytest.versions().xdist().get());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("offload");
        for (ObservedOffload offload : probe.offload()) {
            json.writeStartObject();
            json.writeStringField("directory", offload.directory().toString());
            json.writeArrayFieldStart("arguments");
            for (String argument : offload.arguments()) {
                json.writeString(argument);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeRun(JsonGenerator json, PlannedRun run) throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", run.kind().id());
        json.writeStringField("recipe", run.recipe());
        json.writeArrayFieldStart("command");
        for (String word : run.command()) {
            json.writeString(word);
        }
        json.writeEndArray();
        json.writeObjectFieldStart("env");
        for (Map.Entry<String, String> variable : Secrets.redacted(run.environment()).entrySet()) {
            json.writeStringField(variable.getKey(), variable.getValue());
        }
        json.writeEndObject();
        json.writeStringField("directory", run.directory().toString());
        if (run.workers().isPresent()) {
            json.writeNumberField("workers", run.workers().getAsInt());
        }
        if (run.workersSource().isPresent()) {
            json.writeStringField("workersSource", run.workersSource().get());
        }
        if (run.maxParallel().isPresent()) {
            json.writeNumberField("maxParallel", run.maxParallel().getAsInt());
        }
        if (run.maxParallelSource().isPresent()) {
            json.writeStringField("maxParallelSource", run.maxParallelSource().get());
        }
        if (run.provider().isPresent()) {
            json.writeStringField("provider", run.provider().get().type());
        }
        json.writeNumberField("warmups", run.warmups());
        if (run.probe().isPresent()) {
            writeProbe(json, run.probe().get());
        }
        if (!run.notes().isEmpty()) {
            json.writeArrayFieldStart("notes");
            for (String note : run.notes()) {
                json.writeString(note);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }
}
