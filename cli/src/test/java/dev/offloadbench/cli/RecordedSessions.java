package dev.offloadbench.cli;

import dev.offloadbench.adapters.storage.JsonSessionStore;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.plan.MachineDescription;
import dev.offloadbench.domain.plan.PlannedRun;
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
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Sessions written straight into a state folder, as bench run would have recorded them, for the
 * commands that read them (compare, history) to be tested on exact figures.
 */
public final class RecordedSessions {
    private final JsonSessionStore store;
    private final Path logs;

    /** @param state the folder that holds offload-bench's sessions ($XDG_STATE_HOME/offload-bench) */
    public RecordedSessions(Path state) {
        this.store = new JsonSessionStore(state);
        this.logs = state.resolve("logs");
    }

    /** A run's samples in seconds; INVALID with {@code reason} when it is given. */
    public record Run(RunKind kind, List<String> seconds, Optional<String> invalid, int tests) {
        public static Run of(RunKind kind, String... seconds) {
            return new Run(kind, List.of(seconds), Optional.empty(), 4);
        }

        public Run invalid(String reason) {
            return new Run(kind, seconds, Optional.of(reason), tests);
        }

        public Run tests(int count) {
            return new Run(kind, seconds, invalid, count);
        }
    }

    /** A finished session of one or more projects, each with the given runs, saved. */
    public Session save(String id, Map<String, List<Run>> projects) {
        return save(id, projects, Optional.of(new Revision("a".repeat(40), false)), "offload 0.9.10");
    }

    public Session save(String id, Map<String, List<Run>> projects, Optional<Revision> revision, String offload) {
        Instant created = Instant.parse(id.substring(0, 4) + "-" + id.substring(4, 6) + "-" + id.substring(6, 8) + "T"
                + id.substring(9, 11) + ":" + id.substring(11, 13) + ":" + id.substring(13, 15) + "Z");
        List<SessionProject> sessionProjects = new ArrayList<>();
        int runs = 1;
        for (Map.Entry<String, List<Run>> project : projects.entrySet()) {
            Path path = Path.of("/src", project.getKey());
            List<SessionRun> sessionRuns = new ArrayList<>();
            for (Run run : project.getValue()) {
                runs = Math.max(runs, run.seconds().size());
                sessionRuns.add(run(path, project.getKey(), run, created));
            }
            sessionProjects.add(new SessionProject(project.getKey(), path, sessionRuns, revision));
        }
        Session session = new Session(id, created, new SessionSettings(List.of(RunKind.values()), runs, 1,
                Optional.empty()), new MachineDescription("Test machine", MachineDescription.Source.CONFIG),
                Path.of("/src/README.md"), sessionProjects, true, Optional.empty(),
                SessionInputs.of(Map.of("just", "just 1.57.0", "offload", offload), Optional.of("Test rig (8 cores)")));
        store.save(session);
        return session;
    }

    private SessionRun run(Path path, String profile, Run run, Instant created) {
        boolean offload = run.kind() == RunKind.OFFLOAD;
        int workers = run.kind() == RunKind.BASELINE ? 4 : 8;
        PlannedRun planned = new PlannedRun(run.kind(), offload ? "test-offload" : "test-integration",
                List.of("just", offload ? "test-offload" : "test-integration"), Map.of(), path,
                offload ? OptionalInt.empty() : OptionalInt.of(workers), Optional.empty(),
                offload ? OptionalInt.of(200) : OptionalInt.empty(), Optional.empty(), offload ? 1 : 0, List.of(),
                offload ? Optional.of(OffloadProvider.MODAL) : Optional.empty(), Optional.empty());
        Validity validity = run.invalid().map(Validity::invalid).orElse(Validity.VALID);
        List<Attempt> attempts = new ArrayList<>();
        int number = 1;
        for (String seconds : run.seconds()) {
            TestTally tally = new TestTally(OptionalInt.of(run.tests()), run.tests() - (validity.valid() ? 0 : 1),
                    validity.valid() ? 0 : 1, 0, 0, 0, 0, 0, 0, offload ? OptionalInt.empty() : OptionalInt.of(workers),
                    true, false);
            attempts.add(new Attempt(false, created, created.plusSeconds(1), new BigDecimal(seconds),
                    validity.valid() ? 0 : 1, Termination.EXITED, tally,
                    logs.resolve(profile + "-" + run.kind().id() + "-sample-" + number++ + ".log"), validity, List.of(),
                    OptionalDouble.of(0.5)));
        }
        return new SessionRun(planned, RunStatus.DONE, "", attempts);
    }
}
