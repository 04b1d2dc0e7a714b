package dev.offloadbench.domain.service.history;

import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.plan.FileDigest;
import dev.offloadbench.domain.plan.MachineDescription;
import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.port.in.BrowseSessions;
import dev.offloadbench.domain.port.out.SessionStore;
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
import dev.offloadbench.domain.BenchException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Recorded sessions for the comparison and history tests, built run by run. */
final class Recorded {
    private Recorded() {
    }

    /** One run as a session recorded it; every input has a default that a test changes with {@code with...}. */
    static final class Run {
        final RunKind kind;
        List<String> seconds;
        Validity validity = Validity.VALID;
        int tests = 5275;
        int workers;
        int maxParallel = 200;
        String provider = "modal";
        Map<String, String> environment = Map.of();
        List<String> pytestArguments = List.of("-n", "4", "tests");
        List<String> offloadArguments = List.of("-c", "offload-modal.toml", "run");
        ObservedPytest.Versions versions = new ObservedPytest.Versions(Optional.of("3.11.2"), Optional.of("8.3.4"),
                Optional.of("3.6.1"));
        String configHash = "a".repeat(64);
        double load = 0.4;
        boolean probed = true;
        boolean loadRecorded = true;
        RunStatus status = RunStatus.DONE;

        Run(RunKind kind, String... seconds) {
            this.kind = kind;
            this.seconds = List.of(seconds);
            this.workers = kind == RunKind.BASELINE ? 4 : 8;
        }

        Run invalid(String reason) {
            validity = Validity.invalid(reason);
            return this;
        }

        Run tests(int count) {
            tests = count;
            return this;
        }

        Run workers(int count) {
            workers = count;
            return this;
        }

        Run maxParallel(int count) {
            maxParallel = count;
            return this;
        }

        Run provider(String type) {
            provider = type;
            return this;
        }

        Run environment(Map<String, String> variables) {
            environment = variables;
            return this;
        }

        Run pytestArguments(String... arguments) {
            pytestArguments = List.of(arguments);
            return this;
        }

        Run offloadArguments(String... arguments) {
            offloadArguments = List.of(arguments);
            return this;
        }

        Run versions(String python, String pytest, String xdist) {
            versions = new ObservedPytest.Versions(Optional.of(python), Optional.of(pytest), Optional.of(xdist));
            return this;
        }

        Run configHash(char digit) {
            configHash = String.valueOf(digit).repeat(64);
            return this;
        }

        Run load(double average) {
            load = average;
            return this;
        }

        /** A run recorded before probes kept versions and attempts kept the load. */
        Run old() {
            probed = false;
            loadRecorded = false;
            return this;
        }

        Run status(RunStatus value) {
            status = value;
            return this;
        }

        SessionRun build(Path project) {
            boolean offload = kind == RunKind.OFFLOAD;
            ProbeResult probe = offload
                    ? ProbeResult.observed(List.of(), List.of(new ObservedOffload(project, offloadArguments)), 0,
                            Duration.ofSeconds(1))
                    : ProbeResult.observed(List.of(new ObservedPytest(workers, Optional.of(Integer.toString(workers)),
                            OptionalInt.empty(), OptionalInt.of(workers), true, project, Optional.empty(), project,
                            pytestArguments, "/usr/bin/python3", versions)), List.of(), 0, Duration.ofSeconds(1));
            PlannedRun planned = new PlannedRun(kind, offload ? "test-offload" : "test-integration",
                    List.of("just", offload ? "test-offload" : "test-integration"), environment, project,
                    offload ? OptionalInt.empty() : OptionalInt.of(workers), Optional.empty(),
                    offload ? OptionalInt.of(maxParallel) : OptionalInt.empty(), Optional.empty(), offload ? 1 : 0,
                    List.of(), offload ? Optional.of(new OffloadProvider(provider)) : Optional.empty(),
                    probed ? Optional.of(probe) : Optional.empty(),
                    offload && probed ? Optional.of(new FileDigest(project.resolve("offload-modal.toml"), configHash))
                            : Optional.empty());
            List<Attempt> attempts = new ArrayList<>();
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            for (String time : seconds) {
                TestTally tally = new TestTally(OptionalInt.of(tests), tests, validity.valid() ? 0 : 2, 0, 0, 0, 0, 0,
                        0, offload ? OptionalInt.empty() : OptionalInt.of(workers), true, false);
                attempts.add(new Attempt(false, start, start.plusSeconds(1), new BigDecimal(time),
                        validity.valid() ? 0 : 1, Termination.EXITED, tally, project.resolve("x.log"), validity,
                        List.of(), loadRecorded ? OptionalDouble.of(load) : OptionalDouble.empty()));
            }
            return new SessionRun(planned, status, "", attempts);
        }
    }

    static Run baseline(String... seconds) {
        return new Run(RunKind.BASELINE, seconds);
    }

    static Run high(String... seconds) {
        return new Run(RunKind.HIGH, seconds);
    }

    static Run offload(String... seconds) {
        return new Run(RunKind.OFFLOAD, seconds);
    }

    /** A session, built project by project. */
    static final class SessionBuilder {
        private final String id;
        private final Instant created;
        private final List<SessionProject> projects = new ArrayList<>();
        private SessionInputs inputs = SessionInputs.of(Map.of("just", "just 1.40.0", "offload", "offload 0.9.9"),
                Optional.of("Linux machine with Intel Xeon (8 cores), 32 GB RAM"));
        private boolean finished = true;
        private int runs = 1;
        private List<RunKind> kinds = List.of(RunKind.BASELINE, RunKind.HIGH, RunKind.OFFLOAD);

        SessionBuilder(String id) {
            this.id = id;
            this.created = Instant.parse(id.substring(0, 4) + "-" + id.substring(4, 6) + "-" + id.substring(6, 8)
                    + "T" + id.substring(9, 11) + ":" + id.substring(11, 13) + ":" + id.substring(13, 15) + "Z");
        }

        SessionBuilder project(String profileId, Optional<Revision> revision, Run... runs) {
            Path path = Path.of("/src", profileId);
            projects.add(new SessionProject(profileId, path, Arrays.stream(runs).map(run -> run.build(path)).toList(),
                    revision));
            return this;
        }

        SessionBuilder project(String profileId, Run... runs) {
            return project(profileId, Optional.of(new Revision("1".repeat(40), false)), runs);
        }

        SessionBuilder tools(Map<String, String> versions, String machine) {
            inputs = SessionInputs.of(versions, Optional.of(machine));
            return this;
        }

        /** A session recorded before its inputs were kept. */
        SessionBuilder unrecorded() {
            inputs = SessionInputs.UNRECORDED;
            return this;
        }

        SessionBuilder unfinished() {
            finished = false;
            return this;
        }

        SessionBuilder runs(int count) {
            runs = count;
            return this;
        }

        SessionBuilder kinds(RunKind... only) {
            kinds = List.of(only);
            return this;
        }

        Session build() {
            return new Session(id, created, new SessionSettings(kinds, runs, 1, Optional.empty()),
                    new MachineDescription("Test rig", MachineDescription.Source.CONFIG), Path.of("/src/README.md"),
                    projects, finished, Optional.empty(), inputs);
        }
    }

    static SessionBuilder session(String id) {
        return new SessionBuilder(id);
    }

    /** The sessions as the catalog gives them: oldest first, by id or latest. */
    static BrowseSessions catalog(Session... sessions) {
        List<Session> all = List.of(sessions);
        return new BrowseSessions() {
            @Override
            public List<Session> list() {
                return all;
            }

            @Override
            public List<SessionStore.Unreadable> unreadable() {
                return List.of();
            }

            @Override
            public Session find(String reference) {
                if (reference.equals("latest")) {
                    return all.get(all.size() - 1);
                }
                return all.stream().filter(s -> s.id().equals(reference)).findFirst()
                        .orElseThrow(() -> new BenchException("there is no session `" + reference + "`"));
            }

            @Override
            public Path resultsFile(String reference) {
                return Path.of("/state", find(reference).id(), "session.json");
            }

            @Override
            public java.io.InputStream readLog(Path log) {
                throw new UnsupportedOperationException("history and comparison never read logs");
            }

            @Override
            public PrunedLogs pruneLogs(int keep) {
                throw new UnsupportedOperationException("history and comparison never prune logs");
            }
        };
    }
}
