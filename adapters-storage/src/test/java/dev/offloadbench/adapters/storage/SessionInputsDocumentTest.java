package dev.offloadbench.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.plan.FileDigest;
import dev.offloadbench.domain.plan.MachineDescription;
import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.probe.ObservedOffload;
import dev.offloadbench.domain.probe.ObservedPytest;
import dev.offloadbench.domain.probe.ProbeResult;
import dev.offloadbench.domain.run.Termination;
import dev.offloadbench.domain.run.TestTally;
import dev.offloadbench.domain.session.Attempt;
import dev.offloadbench.domain.session.Revision;
import dev.offloadbench.domain.session.RunStatus;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionInputs;
import dev.offloadbench.domain.session.SessionProject;
import dev.offloadbench.domain.session.SessionRun;
import dev.offloadbench.domain.session.SessionSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inputs a session records (tool versions, machine, commits, Offload config hash, versions, load) in session.json. */
class SessionInputsDocumentTest {
    private static final String ID = "20260301-090000";
    private static final Path MNG = Path.of("/home/me/src/mng");

    /** A session.json as offload-bench wrote it before it recorded any input. */
    private static final String BEFORE_INPUTS = """
            {"schema": 1, "machine": "a laptop", "projects": [],
             "session": {"id": "20260301-090000", "created": "2026-03-01T09:00:00Z", "finished": true,
              "settings": {"kinds": ["baseline", "offload"], "runs": 1, "offloadWarmups": 1, "timeoutSeconds": null},
              "machine": {"description": "a laptop", "source": "detected"},
              "readme": "/home/me/src/README.md",
              "projects": [{"profile": "mng", "path": "/home/me/src/mng", "runs": [
                {"planned": {"kind": "baseline", "recipe": "test-integration", "command": ["just", "test-integration"],
                  "env": {}, "directory": "/home/me/src/mng", "workers": 4, "workersSource": null, "maxParallel": null,
                  "maxParallelSource": null, "warmups": 0, "notes": [],
                  "probe": {"outcome": "observed", "exitCode": 0, "seconds": 1.5, "problem": "",
                    "pytest": [{"workers": 4, "numprocesses": "4", "maxprocesses": null, "fromOptions": 4,
                      "xdistInstalled": true, "rootdir": "/home/me/src/mng", "inifile": null,
                      "invocationDirectory": "/home/me/src/mng", "arguments": ["-n", "4"], "python": "/usr/bin/python3"}],
                    "offload": []}},
                 "status": "done", "reason": "", "skipped": null, "attempts": [
                  {"warmup": false, "started": "2026-03-01T09:00:01Z", "finished": "2026-03-01T09:05:46Z",
                   "seconds": 345.8, "exitCode": 0, "termination": "exited", "log": "/tmp/b.log", "valid": true,
                   "reason": "", "notes": [], "tally": {"collected": 5275, "passed": 5275, "failed": 0, "errors": 0,
                   "skipped": 0, "xfailed": 0, "xpassed": 0, "notRun": 0, "flaky": 0, "workersStarted": 4,
                   "summarySeen": true, "noTestsRan": false}}]},
                {"planned": {"kind": "offload", "recipe": "test-offload", "command": ["just", "test-offload"],
                  "env": {}, "directory": "/home/me/src/mng", "workers": null, "workersSource": null, "maxParallel": 200,
                  "maxParallelSource": "offload.toml:2", "warmups": 1, "notes": [], "provider": "modal"},
                 "status": "pending", "reason": "", "skipped": null, "attempts": []}]}]}}
            """;

    @TempDir
    Path state;
    JsonSessionStore store;

    @BeforeEach
    void createStore() {
        store = new JsonSessionStore(state);
    }

    private static Session recorded() {
        ProbeResult probe = ProbeResult.observed(List.of(new ObservedPytest(4, Optional.of("4"), OptionalInt.empty(),
                OptionalInt.of(4), true, MNG, Optional.of(MNG.resolve("pyproject.toml")), MNG, List.of("-n", "4"),
                "/home/me/src/mng/.venv/bin/python", new ObservedPytest.Versions(Optional.of("3.11.2"),
                        Optional.of("8.3.4"), Optional.of("3.6.1")))), List.of(), 0, Duration.ofMillis(1500));
        PlannedRun baseline = new PlannedRun(RunKind.BASELINE, "test-integration", List.of("just", "test-integration"),
                Map.of(), MNG, OptionalInt.of(4), Optional.empty(), OptionalInt.empty(), Optional.empty(), 0, List.of())
                .withProbe(probe);
        PlannedRun offload = new PlannedRun(RunKind.OFFLOAD, "test-offload", List.of("just", "test-offload"), Map.of(),
                MNG, OptionalInt.empty(), Optional.empty(), OptionalInt.of(200), Optional.of("offload.toml:2"), 1,
                List.of()).withProvider(OffloadProvider.MODAL)
                .withProbe(ProbeResult.observed(List.of(), List.of(new ObservedOffload(MNG, List.of("run"))), 0,
                        Duration.ofSeconds(1)))
                .withOffloadConfig(new FileDigest(MNG.resolve("offload.toml"), "0123456789abcdef".repeat(4)));
        TestTally tally = new TestTally(OptionalInt.of(5275), 5275, 0, 0, 0, 0, 0, 0, 0, OptionalInt.of(4), true,
                false);
        Attempt sample = new Attempt(false, Instant.parse("2026-03-01T09:00:01Z"), Instant.parse("2026-03-01T09:05:46Z"),
                new BigDecimal("345.8"), 0, Termination.EXITED, tally, Path.of("/tmp/b.log"), Validity.VALID, List.of(),
                OptionalDouble.of(0.25));
        Attempt unknownLoad = new Attempt(false, Instant.parse("2026-03-01T09:06:00Z"),
                Instant.parse("2026-03-01T09:09:06Z"), new BigDecimal("185.9"), 0, Termination.EXITED, tally,
                Path.of("/tmp/o.log"), Validity.VALID, List.of());
        return new Session(ID, Instant.parse("2026-03-01T09:00:00Z"),
                new SessionSettings(List.of(RunKind.BASELINE, RunKind.OFFLOAD), 1, 1, Optional.empty()),
                new MachineDescription("a laptop", MachineDescription.Source.DETECTED), Path.of("/home/me/src/README.md"),
                List.of(new SessionProject("mng", MNG, List.of(new SessionRun(baseline, RunStatus.DONE, "",
                        List.of(sample)), new SessionRun(offload, RunStatus.DONE, "", List.of(unknownLoad))),
                        Optional.of(new Revision("9f8e7d6c5b4a39281706f5e4d3c2b1a098765432", true))),
                        new SessionProject("sculptor", Path.of("/home/me/src/sculptor"), List.of())),
                true, Optional.empty(), SessionInputs.of(Map.of("just", "just 1.40.0", "offload", "offload 0.9.10"),
                        Optional.of("Linux machine with AMD EPYC (2 cores), 24 GB RAM")));
    }

    @Test
    void everyRecordedInputIsLoadedBackExactly() {
        Session session = recorded();

        store.save(session);

        assertThat(store.load(ID)).contains(session);
    }

    @Test
    void writesTheInputsInTheDocumentedForm() throws IOException {
        store.save(recorded());

        String json = Files.readString(store.resultsFile(ID));
        String flat = json.replaceAll("\\s+", " ");

        assertThat(flat).contains("\"inputs\": { \"tools\": { \"just\": \"just 1.40.0\", \"offload\": \"offload 0.9.10\" },"
                + " \"machine\": \"Linux machine with AMD EPYC (2 cores), 24 GB RAM\" }");
        assertThat(flat).contains("\"path\": \"/home/me/src/mng\", \"revision\": { \"commit\":"
                + " \"9f8e7d6c5b4a39281706f5e4d3c2b1a098765432\", \"dirty\": true }, \"runs\"");
        assertThat(flat).contains("\"python\": \"/home/me/src/mng/.venv/bin/python\", \"pythonVersion\": \"3.11.2\","
                + " \"pytestVersion\": \"8.3.4\", \"xdistVersion\": \"3.6.1\" }");
        assertThat(flat).contains("\"offloadConfig\": { \"file\": \"/home/me/src/mng/offload.toml\", \"sha256\":"
                + " \"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\" }");
        assertThat(flat).contains("\"notes\": [], \"load\": 0.25, \"tally\"");
        // unknown values are left out, not written as null
        assertThat(json.split("\"load\"", -1)).hasSize(2);
        assertThat(json.split("\"revision\"", -1)).as("sculptor is no git checkout").hasSize(2);
    }

    @Test
    void aSessionWrittenBeforeInputsWereRecordedStillLoadsWithThemUnknown() throws IOException {
        Files.createDirectories(state.resolve("sessions").resolve(ID));
        Files.writeString(store.resultsFile(ID), BEFORE_INPUTS);

        Session old = store.load(ID).orElseThrow();

        assertThat(old.inputs()).isEqualTo(SessionInputs.UNRECORDED);
        assertThat(old.inputs().recorded()).isFalse();
        SessionProject mng = old.projects().get(0);
        assertThat(mng.revision()).isEmpty();
        SessionRun baseline = mng.run(RunKind.BASELINE).orElseThrow();
        assertThat(baseline.attempts().get(0).load()).isEmpty();
        assertThat(baseline.planned().probe().orElseThrow().pytestVersions()).isEqualTo(ObservedPytest.Versions.UNKNOWN);
        assertThat(mng.run(RunKind.OFFLOAD).orElseThrow().planned().offloadConfig()).isEmpty();
        // and saving it again keeps it the way it was: nothing invented
        store.save(old);
        assertThat(store.load(ID)).contains(old);
        assertThat(Files.readString(store.resultsFile(ID))).doesNotContain("\"inputs\"", "\"revision\"", "\"load\"",
                "Version\"", "\"offloadConfig\"");
    }

    @Test
    void aMalformedInputIsNamedWithItsPlace() throws IOException {
        store.save(recorded());
        Path file = store.resultsFile(ID);
        String json = Files.readString(file);

        Files.writeString(file, json.replace("\"load\": 0.25", "\"load\": \"busy\""));
        assertThatThrownBy(() -> store.load(ID)).isInstanceOf(BenchException.class).hasMessageStartingWith(file + ":")
                .hasMessageEndingWith("session.projects[0].runs[0].attempts[0].load: expected a load average (a number"
                        + " from 0 to 1000000), or null, found \"busy\"");

        Files.writeString(file, json.replace("0123456789abcdef0123", "not-a-hash"));
        assertThatThrownBy(() -> store.load(ID)).isInstanceOf(BenchException.class)
                .hasMessageContaining("session.projects[0].runs[1].planned.offloadConfig.sha256: expected a SHA-256");

        Files.writeString(file, json.replace("\"just\": \"just 1.40.0\"", "\"just\": 1.4"));
        assertThatThrownBy(() -> store.load(ID)).isInstanceOf(BenchException.class)
                .hasMessageContaining("session.inputs.tools.just: expected an object of tool versions (strings), found 1.4");
    }
}
