package dev.offloadbench.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.adapters.storage.LocatedJson.Arr;
import dev.offloadbench.adapters.storage.LocatedJson.Node;
import dev.offloadbench.adapters.storage.LocatedJson.Obj;
import dev.offloadbench.adapters.storage.LocatedJson.Scalar;
import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.session.Attempt;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.session.RunInProgress;
import dev.offloadbench.domain.session.RunStatus;
import dev.offloadbench.domain.session.SessionRun;
import java.nio.file.FileSystems;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonSessionStoreTest {
    private static final String ID = "20261127-141530";

    /** The whole file of a one-run session; LOGS stands for the session's folder. */
    private static final String SMALL_JSON = """
            {
              "schema": 1,
              "machine": "a laptop",
              "projects": [
                {
                  "profile": "demo",
                  "testCount": 12,
                  "maxParallel": 1,
                  "runs": [
                    {
                      "kind": "baseline",
                      "workers": 2,
                      "seconds": 2.500,
                      "valid": true,
                      "samples": [
                        2.500
                      ],
                      "mean": 2.500,
                      "stddev": null,
                      "min": 2.500,
                      "max": 2.500,
                      "median": 2.500,
                      "exitCodes": [
                        0
                      ],
                      "logs": [
                        "LOGS/demo-baseline-sample-1.log"
                      ],
                      "started": "2026-11-27T14:15:31Z",
                      "finished": "2026-11-27T14:15:33.500Z",
                      "collected": 12,
                      "counts": {
                        "passed": 10,
                        "failed": 0,
                        "errors": 0,
                        "skipped": 1,
                        "xfailed": 1,
                        "xpassed": 0,
                        "notRun": 0,
                        "flaky": 0
                      }
                    }
                  ]
                }
              ],
              "session": {
                "id": "20261127-141530",
                "created": "2026-11-27T14:15:30Z",
                "finished": true,
                "settings": {
                  "kinds": [
                    "baseline"
                  ],
                  "runs": 1,
                  "offloadWarmups": 1,
                  "timeoutSeconds": null
                },
                "machine": {
                  "description": "a laptop",
                  "source": "detected"
                },
                "readme": "/home/me/src/offload-bench/examples/demo/README.md",
                "projects": [
                  {
                    "profile": "demo",
                    "path": "/home/me/src/offload-bench/examples/demo",
                    "runs": [
                      {
                        "planned": {
                          "kind": "baseline",
                          "recipe": "test-integration",
                          "command": [
                            "just",
                            "test-integration"
                          ],
                          "env": {
                            "CI": "1",
                            "PYTEST_WORKERS": "2"
                          },
                          "directory": "/home/me/src/offload-bench/examples/demo",
                          "workers": 2,
                          "workersSource": "justfile:4",
                          "maxParallel": null,
                          "maxParallelSource": null,
                          "warmups": 0,
                          "notes": [
                            "-n auto is 2 here"
                          ]
                        },
                        "status": "done",
                        "reason": "",
                        "skipped": null,
                        "attempts": [
                          {
                            "warmup": false,
                            "started": "2026-11-27T14:15:31Z",
                            "finished": "2026-11-27T14:15:33.500Z",
                            "seconds": 2.500,
                            "exitCode": 0,
                            "termination": "exited",
                            "log": "LOGS/demo-baseline-sample-1.log",
                            "valid": true,
                            "reason": "",
                            "notes": [],
                            "tally": {
                              "collected": 12,
                              "passed": 10,
                              "failed": 0,
                              "errors": 0,
                              "skipped": 1,
                              "xfailed": 1,
                              "xpassed": 0,
                              "notRun": 0,
                              "flaky": 0,
                              "workersStarted": 2,
                              "summarySeen": true,
                              "noTestsRan": false
                            }
                          }
                        ]
                      }
                    ]
                  }
                ]
              }
            }
            """;

    @TempDir
    Path state;

    private JsonSessionStore store;
    private Path folder;

    @BeforeEach
    void createStore() {
        store = new JsonSessionStore(state);
        folder = state.resolve("sessions").resolve(ID);
    }

    @Test
    void loadsARichSessionBackExactly() {
        Session session = SessionFixtures.rich(folder);

        store.save(session);

        assertThat(store.load(ID)).contains(session);
    }

    @Test
    void keepsEverySecondsValueWithItsScale() {
        store.save(SessionFixtures.rich(folder));

        Session loaded = store.load(ID).orElseThrow();

        List<String> seconds = loaded.entries().stream().flatMap(entry -> entry.run().attempts().stream())
                .map(Attempt::seconds).map(BigDecimal::toPlainString).toList();
        assertThat(seconds).containsExactly("120.50", "118.2", "121.000", "80.1", "79.9", "80.0", "70.000", "30.2",
                "29.8", "31", "726.0", "50.017", "1800.500");
    }

    @Test
    void writesTheResultsDocumentThenTheSessionInTheDocumentedForm() throws IOException {
        Session session = SessionFixtures.small(ID, Instant.parse("2026-11-27T14:15:30Z"), folder);

        store.save(session);

        assertThat(Files.readString(store.resultsFile(ID))).isEqualTo(SMALL_JSON.replace("LOGS", folder.toString()));
    }

    @Test
    void theResultsReaderReadsTheResultsThatFollowFromTheSession() {
        Session session = SessionFixtures.rich(folder);

        store.save(session);

        assertThat(new JsonResultsReader().read(store.resultsFile(ID))).isEqualTo(SessionResults.of(session));
    }

    @Test
    void summarisesEachFinishedRunForTheReader() {
        store.save(SessionFixtures.rich(folder));
        Obj document = (Obj) LocatedJson.parse(read(store.resultsFile(ID)));

        Obj baseline = run(document, 0, 0);
        assertThat(texts(baseline, "samples")).containsExactly("120.50", "118.2", "121.000");
        assertThat(text(baseline, "seconds")).isEqualTo("119.900");
        assertThat(text(baseline, "mean")).isEqualTo("119.900");
        assertThat(text(baseline, "stddev")).isEqualTo("1.493");
        assertThat(text(baseline, "min")).isEqualTo("118.2");
        assertThat(text(baseline, "max")).isEqualTo("121.000");
        assertThat(text(baseline, "median")).isEqualTo("120.500");
        assertThat(text(baseline, "valid")).isEqualTo("false");
        assertThat(text(baseline, "reason")).isEqualTo("2 tests failed");
        assertThat(texts(baseline, "exitCodes")).containsExactly("0", "1", "0");
        assertThat(texts(baseline, "logs")).containsExactly(folder.resolve("mng-baseline-sample-1.log").toString(),
                folder.resolve("mng-baseline-sample-2.log").toString(),
                folder.resolve("mng-baseline-sample-3.log").toString());
        assertThat(text(baseline, "started")).isEqualTo("2026-11-27T14:15:31Z");
        assertThat(text(baseline, "finished")).isEqualTo("2026-11-27T14:21:32Z");
        assertThat(text(baseline, "collected")).isEqualTo("5275");
        Obj counts = (Obj) baseline.fields().get("counts");
        assertThat(counts.fields().keySet())
                .containsExactly("passed", "failed", "errors", "skipped", "xfailed", "xpassed", "notRun", "flaky");
        assertThat(text(counts, "passed")).isEqualTo("5275");

        Obj offload = run(document, 0, 2);
        assertThat(texts(offload, "samples")).containsExactly("30.2", "29.8", "31");
        assertThat(text(offload, "valid")).isEqualTo("true");
        Obj warmup = (Obj) ((Arr) offload.fields().get("warmups")).elements().get(0);
        assertThat(text(warmup, "seconds")).isEqualTo("70.000");
        assertThat(text(warmup, "valid")).isEqualTo("false");
        assertThat(text(warmup, "reason")).isEqualTo("5 tests not run");
        assertThat(text(warmup, "log")).isEqualTo(folder.resolve("mng-offload-warmup-1.log").toString());
    }

    @Test
    void listsOnlyFinishedRunsInTheResultsWithNoDeviationForOneSample() {
        store.save(SessionFixtures.rich(folder));
        Obj document = (Obj) LocatedJson.parse(read(store.resultsFile(ID)));

        Obj sculptor = project(document, 1);
        assertThat(((Arr) sculptor.fields().get("runs")).elements()).hasSize(1);
        Obj baseline = run(document, 1, 0);
        assertThat(text(baseline, "stddev")).isEqualTo("null");
        assertThat(text(baseline, "mean")).isEqualTo("726.000");
        assertThat(text(sculptor, "testCount")).isEqualTo("345");
        assertThat(text(sculptor, "maxParallel")).isEqualTo("1");
        assertThat(((Arr) project(document, 2).fields().get("runs")).elements()).isEmpty();
    }

    @Test
    void replacesTheDocumentAtomicallyLeavingNoTemporaryFile() throws IOException {
        Session session = SessionFixtures.small(ID, Instant.parse("2026-11-27T14:15:30Z"), folder);
        Files.createDirectories(folder);
        Files.writeString(store.resultsFile(ID), "an older, much longer document ".repeat(500));
        Files.writeString(folder.resolve("demo-baseline-sample-1.log"), "output\n");

        store.save(session);
        store.save(session.markFinished());

        assertThat(store.load(ID)).contains(session.markFinished());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("session.json", "demo-baseline-sample-1.log");
        }
    }

    @Test
    void createsTheStateFoldersOnFirstSave() {
        JsonSessionStore fresh = new JsonSessionStore(state.resolve("not/yet/there"));

        fresh.save(SessionFixtures.small(ID, Instant.parse("2026-11-27T14:15:30Z"), folder));

        assertThat(state.resolve("not/yet/there/sessions/" + ID + "/session.json")).isRegularFile();
    }

    @Test
    void saysWhereItCouldNotSave() throws IOException {
        Files.createDirectories(folder.resolve("session.json/in-the-way"));

        assertThatThrownBy(() -> store.save(SessionFixtures.small(ID, Instant.parse("2026-11-27T14:15:30Z"), folder)))
                .isInstanceOf(BenchException.class)
                .hasMessageStartingWith("cannot save session " + ID + " to " + folder.resolve("session.json") + ": ");
    }

    @Test
    void loadingAnUnknownSessionFindsNothing() {
        assertThat(store.load("20200101-000000")).isEmpty();
    }

    @Test
    void listsSessionsOldestFirstByCreationThenId() throws IOException {
        Instant early = Instant.parse("2026-01-01T08:00:00Z");
        Instant late = Instant.parse("2026-06-01T08:00:00Z");
        // Ids sort one way, creation times the other; two share a creation time.
        Session b = SessionFixtures.small("b-session", late, folder);
        Session c = SessionFixtures.small("c-session", early, folder);
        Session a = SessionFixtures.small("a-session", late, folder);
        store.save(b);
        store.save(c);
        store.save(a);
        Files.createDirectories(state.resolve("sessions/empty-folder"));
        Files.writeString(state.resolve("sessions/stray-file.json"), "{}");

        assertThat(store.list()).containsExactly(c, a, b);
    }

    @Test
    void listsNothingBeforeTheFirstSession() {
        assertThat(store.list()).isEmpty();
    }

    @Test
    void listingSkipsABrokenSessionAndSaysWhatIsWrongWithIt() throws IOException {
        Session good = SessionFixtures.small("good", Instant.parse("2026-11-27T14:15:30Z"), folder);
        store.save(good);
        Path broken = Files.createDirectories(state.resolve("sessions/broken")).resolve("session.json");
        Files.writeString(broken, "{\"schema\": 1,\n \"machine\": }");

        assertThat(store.list()).containsExactly(good);
        assertThat(store.unreadable()).singleElement().satisfies(unreadable -> {
            assertThat(unreadable.id()).isEqualTo("broken");
            assertThat(unreadable.problem()).isEqualTo(broken + ":2:13: unexpected '}': expected a value (a string"
                    + " in double quotes, a number, an object, an array, true, false or null)");
        });
        assertThat(store.exists("broken")).isTrue();
        assertThatThrownBy(() -> store.load("broken")).isInstanceOf(BenchException.class)
                .hasMessageStartingWith(broken + ":2:13: ");
    }

    @Test
    void theValuesOfSecretLookingVariablesAreNeverWritten() throws IOException {
        Session session = SessionFixtures.small(ID, Instant.parse("2026-11-27T14:15:30Z"), folder);
        PlannedRun planned = session.projects().get(0).runs().get(0).planned();
        Map<String, String> environment = Map.of("API_TOKEN", "t0k3n", "db_password", "hunter2", "SSH_KEY", "k3y",
                "Client_Secret", "s3cr3t", "MODE", "fast");
        SessionRun withSecrets = new SessionRun(planned.withEnvironment(environment), RunStatus.PENDING, "",
                List.of());

        store.save(session.replace(session.projects().get(0).profileId(), withSecrets));

        String json = Files.readString(store.resultsFile(ID));
        assertThat(json).doesNotContain("t0k3n", "hunter2", "k3y", "s3cr3t")
                .contains("\"API_TOKEN\": \"<redacted>\"", "\"db_password\": \"<redacted>\"", "\"MODE\": \"fast\"");
        assertThat(store.load(ID).orElseThrow().projects().get(0).runs().get(0).planned().environment())
                .containsEntry("SSH_KEY", "<redacted>").containsEntry("Client_Secret", "<redacted>")
                .containsEntry("MODE", "fast");
    }

    @Test
    void keepsTheRunUnderWayUntilItIsCleared() throws IOException {
        Session session = SessionFixtures.small(ID, Instant.parse("2026-11-27T14:15:30Z"), folder);
        Session running = session.withRunning(new RunInProgress("demo", RunKind.HIGH, ID + "-0a1b2c", 4321,
                OptionalLong.of(4400), Instant.parse("2026-11-27T14:16:00Z")));

        store.save(running);
        Session loaded = store.load(ID).orElseThrow();
        store.save(loaded.withoutRunning());

        assertThat(loaded).isEqualTo(running);
        assertThat(store.load(ID).orElseThrow().running()).isEmpty();
        assertThat(Files.readString(store.resultsFile(ID))).doesNotContain("running");
    }

    @Test
    void foldersAreForTheirOwnerAloneAndSoAreTheFilesInThem() throws IOException {
        assumePosix();
        Files.createDirectories(state.resolve("sessions"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));

        store.save(SessionFixtures.small(ID, Instant.parse("2026-11-27T14:15:30Z"), folder));
        Path log = store.logFile(ID, "demo", RunKind.BASELINE, false, 1);

        assertThat(mode(state.resolve("sessions"))).as("made private when found open").isEqualTo("rwx------");
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(store.resultsFile(ID))).isEqualTo("rw-------");
        assertThat(mode(log)).isEqualTo("rw-------");
    }

    private static void assumePosix() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void namesTheFieldPathAndPositionOfAMalformedValue() throws IOException {
        store.save(SessionFixtures.rich(folder));
        Path file = store.resultsFile(ID);
        String json = Files.readString(file);
        int exitCode = json.indexOf("\"exitCode\": 0", json.indexOf("\"session\""));
        Files.writeString(file, json.substring(0, exitCode) + "\"exitCode\": \"zero\""
                + json.substring(exitCode + "\"exitCode\": 0".length()));
        String before = json.substring(0, exitCode);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = exitCode - before.lastIndexOf('\n') + "\"exitCode\": ".length();

        assertThatThrownBy(() -> store.load(ID)).isInstanceOf(BenchException.class).hasMessage(file + ":" + line + ":"
                + column + ": session.projects[0].runs[0].attempts[0].exitCode: expected an integer, found \"zero\"");
    }

    @Test
    void namesAMissingSessionField() throws IOException {
        Path file = Files.createDirectories(folder).resolve("session.json");
        Files.writeString(file, "{\"schema\": 1, \"machine\": \"m\", \"projects\": []}");

        assertThatThrownBy(() -> store.load(ID)).isInstanceOf(BenchException.class).hasMessage(file
                + ":1:1: missing required field \"session\" (the session (a JSON object); a results file that is not"
                + " a session's session.json has none)");
    }

    @Test
    void refusesAnUnknownSchema() throws IOException {
        store.save(SessionFixtures.small(ID, Instant.parse("2026-11-27T14:15:30Z"), folder));
        Path file = store.resultsFile(ID);
        Files.writeString(file, Files.readString(file).replace("\"schema\": 1", "\"schema\": 2"));

        assertThatThrownBy(() -> store.load(ID)).isInstanceOf(BenchException.class).hasMessage(file
                + ":2:13: schema: unsupported schema version 2; this version of offload-bench reads schema 1 only");
    }

    @Test
    void refusesASessionWhoseIdIsNotItsFolder() throws IOException {
        store.save(SessionFixtures.small(ID, Instant.parse("2026-11-27T14:15:30Z"), folder));
        Path moved = Files.createDirectories(state.resolve("sessions/copy")).resolve("session.json");
        Files.move(store.resultsFile(ID), moved);

        assertThatThrownBy(() -> store.load("copy")).isInstanceOf(BenchException.class)
                .hasMessageStartingWith(moved + ":")
                .hasMessageEndingWith("session.id: the session in folder copy says its id is \"" + ID
                        + "\"; a session's id is its folder's name");
    }

    @Test
    void pointsAtTheObjectWhoseDomainRuleIsBroken() throws IOException {
        store.save(SessionFixtures.small(ID, Instant.parse("2026-11-27T14:15:30Z"), folder));
        Path file = store.resultsFile(ID);
        Files.writeString(file, Files.readString(file).replace("\"reason\": \"\",\n                \"notes\"",
                "\"reason\": \"but it passed\",\n                \"notes\""));

        assertThatThrownBy(() -> store.load(ID)).isInstanceOf(BenchException.class).hasMessageStartingWith(file + ":")
                .hasMessageEndingWith("session.projects[0].runs[0].attempts[0]: a valid run has no reason: but it passed");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"../outside", "a/b", "", ".", "..", "/etc", "20261127 141530", "x\\y"})
    void refusesAnIdThatIsNotASimpleName(String id) {
        String message = "\"" + id + "\" is not a session id: an id is letters, digits, '.', '_' or '-' (like"
                + " 20261127-141530); see `bench sessions` for the sessions there are";

        assertThatThrownBy(() -> store.load(id)).isInstanceOf(BenchException.class).hasMessage(message);
        assertThatThrownBy(() -> store.resultsFile(id)).isInstanceOf(BenchException.class).hasMessage(message);
        assertThatThrownBy(() -> store.logFile(id, "mng", RunKind.BASELINE, false, 1))
                .isInstanceOf(BenchException.class).hasMessage(message);
    }

    @Test
    void resultsFileIsTheSessionsDocument() {
        assertThat(store.resultsFile(ID)).isEqualTo(folder.resolve("session.json"));
    }

    @Test
    void namesLogsByProfileKindWarmupOrSampleAndNumberInTheSessionsFolder() {
        assertThat(store.logFile(ID, "mng", RunKind.BASELINE, false, 1))
                .isEqualTo(folder.resolve("mng-baseline-sample-1.log"));
        assertThat(store.logFile(ID, "sculptor", RunKind.HIGH, false, 3))
                .isEqualTo(folder.resolve("sculptor-high-sample-3.log"));
        assertThat(store.logFile(ID, "mng", RunKind.OFFLOAD, true, 1))
                .isEqualTo(folder.resolve("mng-offload-warmup-1.log"));
        assertThat(folder).isDirectory();
    }

    @Test
    void refusesALogNamedAfterAnUnsafeProfile() {
        assertThatThrownBy(() -> store.logFile(ID, "../mng", RunKind.BASELINE, false, 1))
                .isInstanceOf(BenchException.class).hasMessageContaining("\"../mng\"");
    }

    @Test
    void keepsWhatTheProbesSawBesideThePlannedRun() throws IOException {
        store.save(SessionFixtures.rich(folder));

        String json = Files.readString(store.resultsFile(ID));

        assertThat(json.replaceAll("\\s", "")).contains("\"probe\":{\"outcome\":\"observed\",\"exitCode\":0,"
                + "\"seconds\":41.25,\"problem\":\"\",\"pytest\":[{\"workers\":3,\"numprocesses\":\"auto\","
                + "\"maxprocesses\":3,\"fromOptions\":3,\"xdistInstalled\":true,");
        assertThat(json).contains("\"skipped\": \"offload_unavailable\"");
        Session loaded = store.load(ID).orElseThrow();
        assertThat(loaded.entries().get(3).run().planned().probe()).hasValueSatisfying(probe -> {
            assertThat(probe.workers()).hasValue(3);
            assertThat(probe.pytest().get(0).inifile()).map(Path::toString)
                    .contains("/home/me/src/sculptor/sculptor/pytest.ini");
        });
    }

    @Test
    void aSessionWrittenBeforeSkipsWereTypedGetsItsReasonFromItsKinds() throws IOException {
        store.save(SessionFixtures.rich(folder));
        Path file = store.resultsFile(ID);
        Files.writeString(file, Files.readString(file).replace("\"skipped\": \"offload_unavailable\",", "")
                .replace("\"skipped\": null,", ""));

        Session loaded = store.load(ID).orElseThrow();

        assertThat(loaded).isEqualTo(SessionFixtures.rich(folder));
    }

    // ---- reading the written tree

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Obj project(Obj document, int project) {
        return (Obj) ((Arr) document.fields().get("projects")).elements().get(project);
    }

    private static Obj run(Obj document, int project, int run) {
        return (Obj) ((Arr) project(document, project).fields().get("runs")).elements().get(run);
    }

    private static String text(Obj owner, String field) {
        Node value = owner.fields().get(field);
        assertThat(value).as(field).isInstanceOf(Scalar.class);
        return ((Scalar) value).text();
    }

    private static List<String> texts(Obj owner, String field) {
        return ((Arr) owner.fields().get(field)).elements().stream().map(node -> ((Scalar) node).text()).toList();
    }
}
