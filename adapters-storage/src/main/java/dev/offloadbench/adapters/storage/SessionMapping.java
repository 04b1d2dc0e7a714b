package dev.offloadbench.adapters.storage;

import dev.offloadbench.adapters.storage.LocatedFields.Field;
import dev.offloadbench.adapters.storage.LocatedJson.Node;
import dev.offloadbench.adapters.storage.LocatedJson.Obj;
import dev.offloadbench.domain.model.ProfileId;
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
import dev.offloadbench.domain.session.RunInProgress;
import dev.offloadbench.domain.session.RunStatus;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionInputs;
import dev.offloadbench.domain.session.SessionProject;
import dev.offloadbench.domain.session.SessionRun;
import dev.offloadbench.domain.session.SessionSettings;
import dev.offloadbench.domain.session.SkipReason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Reads the {@code "session"} object of a {@code session.json} back into the session it was
 * written from ({@link SessionDocument}), equal to it field for field. The results part of the
 * document follows from the session and is not read here. Every problem names the file, the
 * field's path and its line:column.
 */
final class SessionMapping {
    private static final String INSTANT = "an ISO-8601 instant such as 2026-11-27T14:15:30Z";
    private static final String PATH = "a path (a string)";
    private static final String STRING = "a string";
    private static final String STRINGS = "an array of strings";
    private static final int MAX_COUNT = ResultsMapping.MAX_TEST_COUNT;
    private static final String COUNT = "an integer from 0 to " + ResultsMapping.MAX_TEST_COUNT;

    private static final Field SESSION = new Field("session",
            "the session (a JSON object); a results file that is not a session's session.json has none");
    private static final Field ID = new Field("id", "the session id (a string)");
    private static final Field CREATED = new Field("created", INSTANT);
    private static final Field FINISHED = new Field("finished", "true or false");
    private static final Field SETTINGS = new Field("settings", "the session's settings (a JSON object)");
    private static final Field KINDS = new Field("kinds", "an array of run kinds");
    private static final Field RUN_COUNT = new Field("runs", "an integer >= 1");
    private static final Field OFFLOAD_WARMUPS = new Field("offloadWarmups", COUNT);
    private static final Field TIMEOUT = new Field("timeoutSeconds",
            "a positive number of seconds, at most " + LocatedFields.MAX_SECONDS + ", or null");
    private static final Field MACHINE = new Field("machine", "the machine (a JSON object)");
    private static final Field DESCRIPTION = new Field("description", STRING);
    private static final Field SOURCE = new Field("source", oneOf(MachineDescription.Source.values()));
    private static final Field README = new Field("readme", PATH);
    private static final Field PROJECTS = new Field("projects", "an array of projects");
    private static final Field PROFILE = new Field("profile",
            "a profile id: lower-case letters, digits, '-' or '_', starting with a letter");
    private static final Field PROJECT_PATH = new Field("path", PATH);
    private static final Field RUNS = new Field("runs", "an array of runs");
    private static final Field PLANNED = new Field("planned", "the planned run (a JSON object)");
    private static final Field KIND = new Field("kind", oneOf(RunKind.values()));
    private static final Field RECIPE = new Field("recipe", STRING);
    private static final Field COMMAND = new Field("command", STRINGS);
    private static final Field ENV = new Field("env", "an object of strings");
    private static final Field DIRECTORY = new Field("directory", PATH);
    private static final Field WORKERS = new Field("workers", "an integer, or null");
    private static final Field WORKERS_SOURCE = new Field("workersSource", "a string, or null");
    private static final Field MAX_PARALLEL = new Field("maxParallel", "an integer, or null");
    private static final Field MAX_PARALLEL_SOURCE = new Field("maxParallelSource", "a string, or null");
    private static final Field WARMUPS = new Field("warmups", COUNT);
    private static final Field NOTES = new Field("notes", STRINGS);
    private static final Field PROVIDER = new Field("provider", "an Offload provider type (\"modal\", \"local\", ...),"
            + " or null");
    private static final Field STATUS = new Field("status", oneOf(RunStatus.values()));
    private static final Field SKIP = new Field("skipped", oneOf(SkipReason.values()) + ", or null");
    private static final Field PROBE = new Field("probe", "what probing the run showed (a JSON object)");
    private static final Field OUTCOME = new Field("outcome", oneOf(ProbeResult.Outcome.values()));
    private static final Field PROBE_SECONDS = new Field("seconds", "a non-negative number");
    private static final Field PROBLEM = new Field("problem", STRING);
    private static final Field PYTEST = new Field("pytest", "an array of pytest starts");
    private static final Field OFFLOAD = new Field("offload", "an array of offload starts");
    private static final Field PYTEST_WORKERS = new Field("workers", COUNT);
    private static final Field NUMPROCESSES = new Field("numprocesses", "a string, or null");
    private static final Field MAXPROCESSES = new Field("maxprocesses", "an integer, or null");
    private static final Field FROM_OPTIONS = new Field("fromOptions", "an integer, or null");
    private static final Field XDIST_INSTALLED = new Field("xdistInstalled", "true or false");
    private static final Field ROOTDIR = new Field("rootdir", PATH);
    private static final Field INIFILE = new Field("inifile", "a path (a string), or null");
    private static final Field INVOCATION_DIRECTORY = new Field("invocationDirectory", PATH);
    private static final Field ARGUMENTS = new Field("arguments", STRINGS);
    private static final Field PYTHON = new Field("python", STRING);
    private static final Field REASON = new Field("reason", STRING);
    private static final Field ATTEMPTS = new Field("attempts", "an array of attempts");
    private static final Field WARMUP = new Field("warmup", "true or false");
    private static final Field STARTED = new Field("started", INSTANT);
    private static final Field ATTEMPT_FINISHED = new Field("finished", INSTANT);
    private static final Field SECONDS = new Field("seconds", "a number of seconds from 0 to "
            + LocatedFields.MAX_SECONDS);
    private static final Field EXIT_CODE = new Field("exitCode", "an integer");
    private static final Field TERMINATION = new Field("termination", oneOf(Termination.values()));
    private static final Field LOG = new Field("log", PATH);
    private static final Field VALID = new Field("valid", "true or false");
    private static final Field TALLY = new Field("tally", "the test counts (a JSON object)");
    private static final Field COLLECTED = new Field("collected", COUNT + ", or null");
    private static final Field PASSED = new Field("passed", COUNT);
    private static final Field FAILED = new Field("failed", COUNT);
    private static final Field ERRORS = new Field("errors", COUNT);
    private static final Field SKIPPED = new Field("skipped", COUNT);
    private static final Field XFAILED = new Field("xfailed", COUNT);
    private static final Field XPASSED = new Field("xpassed", COUNT);
    private static final Field NOT_RUN = new Field("notRun", COUNT);
    private static final Field FLAKY = new Field("flaky", COUNT);
    private static final Field WORKERS_STARTED = new Field("workersStarted", "an integer from 0 to "
            + ResultsMapping.MAX_WORKERS + ", or null");
    private static final Field SUMMARY_SEEN = new Field("summarySeen", "true or false");
    private static final Field NO_TESTS_RAN = new Field("noTestsRan", "true or false");
    private static final Field RUNNING = new Field("running", "the run under way (a JSON object), or null");
    private static final Field MARKER = new Field("marker", "the run's marker (a string)");
    private static final Field BENCH_PID = new Field("benchPid", "a process id (an integer >= 1)");
    private static final Field PROCESS_GROUP = new Field("processGroup", "a process group id (an integer >= 1), or null");
    private static final Field SINCE = new Field("since", INSTANT);
    private static final Field INPUTS = new Field("inputs", "what the session ran with (a JSON object)");
    private static final Field TOOLS = new Field("tools", "an object of tool versions (strings)");
    private static final Field DETECTED_MACHINE = new Field("machine", "the machine as detected (a string), or null");
    private static final Field REVISION = new Field("revision", "the project's commit (a JSON object), or null");
    private static final Field COMMIT = new Field("commit", "a commit id (a string)");
    private static final Field DIRTY = new Field("dirty", "true or false");
    private static final Field OFFLOAD_CONFIG = new Field("offloadConfig",
            "the Offload configuration the run uses (a JSON object)");
    private static final Field CONFIG_FILE = new Field("file", PATH);
    private static final Field SHA256 = new Field("sha256", "a SHA-256 (64 lower-case hex digits)");
    private static final Field PYTHON_VERSION = new Field("pythonVersion", "a string, or null");
    private static final Field PYTEST_VERSION = new Field("pytestVersion", "a string, or null");
    private static final Field XDIST_VERSION = new Field("xdistVersion", "a string, or null");
    private static final BigDecimal MAX_LOAD = BigDecimal.valueOf(1_000_000);
    private static final Field LOAD = new Field("load", "a load average (a number from 0 to " + MAX_LOAD + "), or null");

    private final String file;
    private final LocatedFields fields;

    SessionMapping(String file) {
        this.file = file;
        this.fields = new LocatedFields(file);
    }

    Session session(Node root) {
        Obj document = fields.object(root, "a session document (a JSON object)");
        new ResultsMapping(file).checkSchema(document);
        Obj session = fields.object(document, SESSION);
        String id = fields.string(session, ID);
        Instant created = instant(session, CREATED);
        boolean finished = fields.bool(session, FINISHED);
        SessionSettings settings = settings(fields.object(session, SETTINGS));
        Obj machineObject = fields.object(session, MACHINE);
        MachineDescription machine = fields.construct(machineObject, () -> new MachineDescription(
                fields.string(machineObject, DESCRIPTION),
                constant(machineObject, SOURCE, MachineDescription.Source.values())));
        Path readme = path(session, README);
        List<SessionProject> projects = new ArrayList<>();
        for (Node element : fields.array(session, PROJECTS)) {
            projects.add(project(fields.object(element, "a project (a JSON object)"), settings));
        }
        Optional<RunInProgress> running = fields.present(session, RUNNING)
                ? Optional.of(running(fields.object(session, RUNNING)))
                : Optional.empty();
        // a session recorded before its inputs were kept has none: they are unknown, not absent
        SessionInputs inputs = fields.present(session, INPUTS) ? inputs(fields.object(session, INPUTS))
                : SessionInputs.UNRECORDED;
        return fields.construct(session, () -> new Session(id, created, settings, machine, readme, projects, finished,
                running, inputs));
    }

    private SessionInputs inputs(Obj inputs) {
        Map<String, String> tools = new LinkedHashMap<>();
        for (Map.Entry<String, Node> tool : fields.object(inputs, TOOLS).fields().entrySet()) {
            tools.put(tool.getKey(), fields.string(tool.getValue(), TOOLS.expected()));
        }
        Optional<String> detected = optionalString(inputs, DETECTED_MACHINE);
        return fields.construct(inputs, () -> SessionInputs.of(tools, detected));
    }

    private Optional<Revision> revision(Obj project) {
        if (!fields.present(project, REVISION)) {
            return Optional.empty();
        }
        Obj revision = fields.object(project, REVISION);
        String commit = fields.string(revision, COMMIT);
        boolean dirty = fields.bool(revision, DIRTY);
        return Optional.of(fields.construct(revision, () -> new Revision(commit, dirty)));
    }

    private RunInProgress running(Obj running) {
        String profileId = fields.string(running, PROFILE);
        RunKind kind = constant(running, KIND, RunKind.values());
        String marker = fields.string(running, MARKER);
        long benchPid = fields.integer(running, BENCH_PID, 1);
        OptionalLong group = fields.present(running, PROCESS_GROUP)
                ? OptionalLong.of(fields.integer(running, PROCESS_GROUP, 1))
                : OptionalLong.empty();
        Instant since = instant(running, SINCE);
        return fields.construct(running, () -> new RunInProgress(profileId, kind, marker, benchPid, group, since));
    }

    /** The node of the session's id, to point at when it does not match its folder. */
    Node idNode(Node root) {
        return fields.value(fields.object(fields.object(root, "a session document (a JSON object)"), SESSION), ID);
    }

    private SessionSettings settings(Obj settings) {
        List<RunKind> kinds = new ArrayList<>();
        for (Node element : fields.array(settings, KINDS)) {
            kinds.add(constant(element, KIND.expected(), RunKind.values()));
        }
        int runs = fields.integer(settings, RUN_COUNT, 1);
        int offloadWarmups = fields.integer(settings, OFFLOAD_WARMUPS, 0);
        Optional<Duration> timeout = fields.present(settings, TIMEOUT)
                ? Optional.of(duration(fields.value(settings, TIMEOUT)))
                : Optional.empty();
        return fields.construct(settings, () -> new SessionSettings(kinds, runs, offloadWarmups, timeout));
    }

    private SessionProject project(Obj project, SessionSettings settings) {
        String profileId = fields.string(project, PROFILE);
        try {
            ProfileId.check(profileId);
        } catch (IllegalArgumentException e) {
            throw fields.mismatch(fields.value(project, PROFILE), PROFILE.expected());
        }
        Path path = path(project, PROJECT_PATH);
        Optional<Revision> revision = revision(project);
        List<SessionRun> runs = new ArrayList<>();
        for (Node element : fields.array(project, RUNS)) {
            runs.add(run(fields.object(element, "a run (a JSON object)"), settings));
        }
        return fields.construct(project, () -> new SessionProject(profileId, path, runs, revision));
    }

    private SessionRun run(Obj run, SessionSettings settings) {
        PlannedRun planned = planned(fields.object(run, PLANNED));
        RunStatus status = constant(run, STATUS, RunStatus.values());
        String reason = fields.string(run, REASON);
        List<Attempt> attempts = new ArrayList<>();
        for (Node element : fields.array(run, ATTEMPTS)) {
            attempts.add(attempt(fields.object(element, "an attempt (a JSON object)")));
        }
        Optional<SkipReason> skipped = fields.present(run, SKIP)
                ? Optional.of(constant(run, SKIP, SkipReason.values()))
                : status == RunStatus.SKIPPED ? Optional.of(skippedBefore(planned, settings)) : Optional.empty();
        return fields.construct(run, () -> new SessionRun(planned, status, reason, attempts, skipped));
    }

    /**
     * Why a run of a session written before skips were typed was skipped: an offload run the
     * session asked for lacked offload; anything else was left out by --kinds.
     */
    private static SkipReason skippedBefore(PlannedRun planned, SessionSettings settings) {
        return planned.kind() == RunKind.OFFLOAD && settings.kinds().contains(RunKind.OFFLOAD)
                ? SkipReason.OFFLOAD_UNAVAILABLE : SkipReason.NOT_REQUESTED;
    }

    private ProbeResult probe(Obj probe) {
        ProbeResult.Outcome outcome = constant(probe, OUTCOME, ProbeResult.Outcome.values());
        int exitCode = fields.integer(probe, EXIT_CODE, Integer.MIN_VALUE);
        Duration elapsed = exactDuration(fields.value(probe, PROBE_SECONDS), PROBE_SECONDS.expected(), true);
        String problem = fields.string(probe, PROBLEM);
        List<ObservedPytest> pytest = new ArrayList<>();
        for (Node element : fields.array(probe, PYTEST)) {
            Obj start = fields.object(element, "a pytest start (a JSON object)");
            pytest.add(fields.construct(start, () -> new ObservedPytest(fields.integer(start, PYTEST_WORKERS, 0),
                    optionalString(start, NUMPROCESSES), optionalInt(start, MAXPROCESSES, Integer.MIN_VALUE),
                    optionalInt(start, FROM_OPTIONS, Integer.MIN_VALUE), fields.bool(start, XDIST_INSTALLED),
                    path(start, ROOTDIR), fields.present(start, INIFILE) ? Optional.of(path(start, INIFILE))
                            : Optional.empty(),
                    path(start, INVOCATION_DIRECTORY), strings(start, ARGUMENTS), fields.string(start, PYTHON),
                    new ObservedPytest.Versions(optionalString(start, PYTHON_VERSION),
                            optionalString(start, PYTEST_VERSION), optionalString(start, XDIST_VERSION)))));
        }
        List<ObservedOffload> offload = new ArrayList<>();
        for (Node element : fields.array(probe, OFFLOAD)) {
            Obj start = fields.object(element, "an offload start (a JSON object)");
            offload.add(fields.construct(start, () -> new ObservedOffload(path(start, DIRECTORY),
                    strings(start, ARGUMENTS))));
        }
        return fields.construct(probe, () -> new ProbeResult(outcome, pytest, offload, exitCode, elapsed, problem,
                List.of(), List.of()));
    }

    private PlannedRun planned(Obj planned) {
        RunKind kind = constant(planned, KIND, RunKind.values());
        String recipe = fields.string(planned, RECIPE);
        List<String> command = strings(planned, COMMAND);
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map.Entry<String, Node> variable : fields.object(planned, ENV).fields().entrySet()) {
            environment.put(variable.getKey(), fields.string(variable.getValue(), STRING));
        }
        Path directory = path(planned, DIRECTORY);
        OptionalInt workers = optionalInt(planned, WORKERS, Integer.MIN_VALUE);
        Optional<String> workersSource = optionalString(planned, WORKERS_SOURCE);
        OptionalInt maxParallel = optionalInt(planned, MAX_PARALLEL, Integer.MIN_VALUE);
        Optional<String> maxParallelSource = optionalString(planned, MAX_PARALLEL_SOURCE);
        int warmups = fields.integer(planned, WARMUPS, 0);
        List<String> notes = strings(planned, NOTES);
        Optional<String> provider = optionalString(planned, PROVIDER);
        Optional<ProbeResult> probe = fields.present(planned, PROBE)
                ? Optional.of(probe(fields.object(planned, PROBE))) : Optional.empty();
        Optional<FileDigest> offloadConfig = fields.present(planned, OFFLOAD_CONFIG)
                ? Optional.of(digest(fields.object(planned, OFFLOAD_CONFIG))) : Optional.empty();
        return fields.construct(planned, () -> new PlannedRun(kind, recipe, command, environment, directory, workers,
                workersSource, maxParallel, maxParallelSource, warmups, notes, provider.map(OffloadProvider::new),
                probe, offloadConfig));
    }

    private FileDigest digest(Obj digest) {
        Path file = path(digest, CONFIG_FILE);
        String sha256 = fields.string(digest, SHA256);
        try {
            return new FileDigest(file, sha256);
        } catch (IllegalArgumentException e) {
            throw fields.mismatch(fields.value(digest, SHA256), SHA256.expected());
        }
    }

    private Attempt attempt(Obj attempt) {
        boolean warmup = fields.bool(attempt, WARMUP);
        Instant started = instant(attempt, STARTED);
        Instant finished = instant(attempt, ATTEMPT_FINISHED);
        BigDecimal seconds = fields.seconds(attempt, SECONDS, true);
        int exitCode = fields.integer(attempt, EXIT_CODE, Integer.MIN_VALUE);
        Termination termination = constant(attempt, TERMINATION, Termination.values());
        Path log = path(attempt, LOG);
        boolean valid = fields.bool(attempt, VALID);
        String reason = fields.string(attempt, REASON);
        Validity validity = fields.construct(attempt, () -> new Validity(valid, reason));
        List<String> notes = strings(attempt, NOTES);
        OptionalDouble load = fields.present(attempt, LOAD) ? OptionalDouble.of(load(fields.value(attempt, LOAD)))
                : OptionalDouble.empty();
        TestTally tally = tally(fields.object(attempt, TALLY));
        return fields.construct(attempt, () -> new Attempt(warmup, started, finished, seconds, exitCode, termination,
                tally, log, validity, notes, load));
    }

    private double load(Node value) {
        if (!(value instanceof LocatedJson.Scalar scalar && scalar.isNumber())) {
            throw fields.mismatch(value, LOAD.expected());
        }
        BigDecimal number;
        try {
            number = new BigDecimal(scalar.text());
        } catch (NumberFormatException e) {
            throw fields.mismatch(value, LOAD.expected());
        }
        if (number.signum() < 0 || number.compareTo(MAX_LOAD) > 0) {
            throw fields.mismatch(value, LOAD.expected());
        }
        return number.doubleValue();
    }

    private TestTally tally(Obj tally) {
        return fields.construct(tally, () -> new TestTally(optionalInt(tally, COLLECTED, 0, MAX_COUNT),
                count(tally, PASSED), count(tally, FAILED), count(tally, ERRORS), count(tally, SKIPPED),
                count(tally, XFAILED), count(tally, XPASSED), count(tally, NOT_RUN), count(tally, FLAKY),
                optionalInt(tally, WORKERS_STARTED, 0, ResultsMapping.MAX_WORKERS), fields.bool(tally, SUMMARY_SEEN),
                fields.bool(tally, NO_TESTS_RAN)));
    }

    private int count(Obj owner, Field field) {
        return fields.integer(owner, field, 0, MAX_COUNT);
    }

    // ---- values

    private Instant instant(Obj owner, Field field) {
        String text = fields.string(owner, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw fields.mismatch(fields.value(owner, field), field.expected());
        }
    }

    private Path path(Obj owner, Field field) {
        String text = fields.string(owner, field);
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw fields.error(fields.value(owner, field), "not a path on this system: " + e.getReason());
        }
    }

    /** Decimal seconds back to the exact duration they were written from. */
    private Duration duration(Node value) {
        return exactDuration(value, TIMEOUT.expected(), false);
    }

    /** A duration written in seconds, bounded and exact to the nanosecond. */
    private Duration exactDuration(Node value, String expected, boolean zeroAllowed) {
        BigDecimal total = fields.seconds(value, expected, zeroAllowed);
        BigDecimal whole = total.setScale(0, RoundingMode.FLOOR);
        return Duration.ofSeconds(whole.longValueExact(), total.subtract(whole).movePointRight(9).intValueExact());
    }

    private OptionalInt optionalInt(Obj owner, Field field, int min) {
        return optionalInt(owner, field, min, Integer.MAX_VALUE);
    }

    private OptionalInt optionalInt(Obj owner, Field field, int min, int max) {
        return fields.present(owner, field) ? OptionalInt.of(fields.integer(owner, field, min, max))
                : OptionalInt.empty();
    }

    private Optional<String> optionalString(Obj owner, Field field) {
        return fields.present(owner, field) ? Optional.of(fields.string(owner, field)) : Optional.empty();
    }

    private List<String> strings(Obj owner, Field field) {
        List<String> strings = new ArrayList<>();
        for (Node element : fields.array(owner, field)) {
            strings.add(fields.string(element, STRING));
        }
        return strings;
    }

    private <E extends Enum<E>> E constant(Obj owner, Field field, E[] constants) {
        return constant(fields.value(owner, field), field.expected(), constants);
    }

    private <E extends Enum<E>> E constant(Node value, String expected, E[] constants) {
        String text = fields.string(value, expected);
        for (E constant : constants) {
            if (id(constant).equals(text)) {
                return constant;
            }
        }
        throw fields.mismatch(value, expected);
    }

    /** RunKind and MachineDescription.Source have ids of their own; the other enums are written lower-case. */
    private static String id(Enum<?> constant) {
        if (constant instanceof RunKind kind) {
            return kind.id();
        }
        if (constant instanceof MachineDescription.Source source) {
            return source.id();
        }
        return SessionDocument.id(constant);
    }

    private static String oneOf(Enum<?>[] constants) {
        return Arrays.stream(constants).map(constant -> "\"" + id(constant) + "\"")
                .collect(Collectors.joining(", ", "one of ", ""));
    }
}
