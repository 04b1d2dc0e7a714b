package dev.offloadbench.domain.service.running;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.offloadbench.domain.check.CheckResult;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.plan.FileDigest;
import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.plan.Secrets;
import dev.offloadbench.domain.port.in.CheckPrerequisites;
import dev.offloadbench.domain.port.in.PlanBenchmark;
import dev.offloadbench.domain.port.in.RunBenchmark.Command;
import dev.offloadbench.domain.port.in.RunBenchmark.Outcome;
import dev.offloadbench.domain.port.out.MachineProbe;
import dev.offloadbench.domain.port.out.ProgressListener;
import dev.offloadbench.domain.port.out.ProjectRevisions;
import dev.offloadbench.domain.port.out.RunExecutor;
import dev.offloadbench.domain.port.out.RunProbe;
import dev.offloadbench.domain.port.out.SessionLock;
import dev.offloadbench.domain.probe.ObservedPytest;
import dev.offloadbench.domain.probe.ProbeResult;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.service.containment.MachineLock;
import dev.offloadbench.domain.session.Attempt;
import dev.offloadbench.domain.session.Revision;
import dev.offloadbench.domain.session.RunStatus;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionInputs;
import dev.offloadbench.domain.session.SessionProject;
import dev.offloadbench.domain.session.SessionRun;
import dev.offloadbench.domain.session.SessionSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a session records of its inputs, so that a later comparison can say what changed. */
class SessionRunnerInputsTest {
    private static final List<RunKind> ALL_KINDS = List.of(RunKind.BASELINE, RunKind.HIGH, RunKind.OFFLOAD);

    final CheckPrerequisites checks = mock(CheckPrerequisites.class);
    final PlanBenchmark planner = mock(PlanBenchmark.class);
    final RunExecutor executor = mock(RunExecutor.class);
    final SessionLock lock = mock(SessionLock.class);
    final MachineProbe machine = mock(MachineProbe.class);
    final InMemorySessionStore store = new InMemorySessionStore();
    final List<Double> loads = new ArrayList<>(List.of(0.25, 3.5, 1.0, 0.75, 2.0, 0.5, 0.1, 0.2, 0.3));
    /** Which folders were asked for their commit. */
    final List<Path> askedForCommits = new ArrayList<>();
    final ProjectRevisions revisions = folder -> {
        askedForCommits.add(folder);
        return folder.endsWith("mng") ? Optional.of(new Revision("c0ffee" + "0".repeat(34), true)) : Optional.empty();
    };

    @BeforeEach
    void setUp() {
        when(lock.acquire()).thenReturn(mock(SessionLock.Held.class));
        List<CheckResult> checked = new ArrayList<>(SessionRunnerTest.allChecksPass());
        checked.replaceAll(check -> switch (check.name()) {
            case "offload" -> check.withVersion("offload 0.9.10");
            case "just" -> check.withVersion("just 1.57.0");
            default -> check;
        });
        when(checks.check(any())).thenReturn(checked);
        when(planner.plan(any(), any(), any(), any())).thenReturn(SessionRunnerTest.plan(
                SessionRunnerTest.project("mng"), SessionRunnerTest.project("sculptor")));
        when(planner.readAhead(any())).thenReturn(SessionRunnerTest.plan(SessionRunnerTest.project("mng"),
                SessionRunnerTest.project("sculptor")));
        when(planner.profiles(any())).thenReturn(List.of("mng", "sculptor"));
        when(machine.describe()).thenReturn(Optional.of("Linux machine with a CPU (8 cores), 32 GB RAM"));
        when(machine.load()).thenAnswer(invocation -> new MachineProbe.Load(loads.remove(0), 8, List.of()));
        when(executor.execute(any(), any(), any())).thenAnswer(invocation -> SessionRunnerTest.passing(
                Duration.ofSeconds(5)));
    }

    private Outcome run(Command command) {
        return new SessionRunner(checks, planner, executor, store,
                new MachineLock(lock, store, executor, mock(RunProbe.class)), machine, revisions,
                Clock.fixed(Instant.parse("2024-05-01T12:34:56Z"), ZoneId.of("UTC")), List.of(),
                new OutputParsers(new ProfileRegistry(), List.of()))
                .run(command, mock(ProgressListener.class), new Cancellation());
    }

    @Test
    void recordsTheToolVersionsTheChecksFoundAndTheDetectedMachine() {
        Session session = run(new Command(List.of("all"), ALL_KINDS, 1, 1, Optional.empty(), Optional.empty(), false))
                .session();

        assertThat(session.inputs()).isEqualTo(SessionInputs.of(
                Map.of("offload", "offload 0.9.10", "just", "just 1.57.0"),
                Optional.of("Linux machine with a CPU (8 cores), 32 GB RAM")));
        // recorded when the session starts, before anything is timed
        assertThat(store.saved().get(0).inputs()).isEqualTo(session.inputs());
    }

    @Test
    void recordsEachProjectsCommitOnceWhenTheSessionStarts() {
        Session session = run(new Command(List.of("all"), ALL_KINDS, 1, 1, Optional.empty(), Optional.empty(), false))
                .session();

        assertThat(askedForCommits).containsExactly(Path.of("/p/mng"), Path.of("/p/sculptor"));
        assertThat(session.project("mng").orElseThrow().revision())
                .hasValue(new Revision("c0ffee" + "0".repeat(34), true));
        assertThat(session.project("sculptor").orElseThrow().revision()).as("not a git checkout").isEmpty();
    }

    @Test
    void recordsTheMachinesLoadJustBeforeEachExecution() {
        Session session = run(new Command(List.of("mng"), ALL_KINDS, 1, 1, Optional.empty(), Optional.empty(), false))
                .session();

        List<OptionalDouble> recorded = session.entries().stream().flatMap(e -> e.run().attempts().stream())
                .map(Attempt::load).toList();
        // baseline, high, the Offload warm-up, the Offload sample: each the load asked just before it
        assertThat(recorded).containsExactly(OptionalDouble.of(0.25), OptionalDouble.of(3.5), OptionalDouble.of(1.0),
                OptionalDouble.of(0.75), OptionalDouble.of(2.0), OptionalDouble.of(0.5), OptionalDouble.of(0.1),
                OptionalDouble.of(0.2));
    }

    @Test
    void aLoadTheSystemCannotTellIsNotRecorded() {
        when(machine.load()).thenReturn(new MachineProbe.Load(-1, 8, List.of()));

        Session session = run(new Command(List.of("all"), List.of(RunKind.BASELINE), 1, 0, Optional.empty(),
                Optional.empty(), false)).session();

        assertThat(session.entries()).flatExtracting(e -> e.run().attempts()).extracting(Attempt::load)
                .containsOnly(OptionalDouble.empty());
    }

    @Test
    void aResumedSessionGivenItsSecretsAgainKeepsItsProbeAndItsOffloadConfiguration() {
        ProbeResult probe = ProbeResult.observed(List.of(new ObservedPytest(4, Optional.of("4"), OptionalInt.empty(),
                OptionalInt.of(4), true, Path.of("/p/mng"), Optional.empty(), Path.of("/p/mng"), List.of("tests"),
                "/usr/bin/python3", new ObservedPytest.Versions(Optional.of("3.11.2"), Optional.of("8.3.4"),
                        Optional.of("3.6.1")))), List.of(), 0, Duration.ofSeconds(1));
        PlannedRun planned = SessionRunnerTest.planned("mng", RunKind.OFFLOAD).withEnvironment(
                Map.of("API_TOKEN", Secrets.REDACTED)).withProvider(OffloadProvider.of("modal")).withProbe(probe)
                .withOffloadConfig(new FileDigest(Path.of("/p/mng/offload.toml"), "f".repeat(64)));
        store.with(new Session("20240430-100000", Instant.parse("2024-04-30T10:00:00Z"),
                new SessionSettings(List.of(RunKind.OFFLOAD), 1, 0, Optional.empty()),
                new dev.offloadbench.domain.plan.MachineDescription("rig",
                        dev.offloadbench.domain.plan.MachineDescription.Source.CONFIG),
                Path.of("/README.md"), List.of(new SessionProject("mng", Path.of("/p/mng"),
                        List.of(new SessionRun(planned, RunStatus.PENDING, "", List.of())))), false));
        when(planner.environment("mng")).thenReturn(Map.of("API_TOKEN", "s3cret"));

        Session session = run(new Command(List.of(), ALL_KINDS, 1, 0, Optional.empty(), Optional.of("latest"), false))
                .session();

        PlannedRun resumed = session.project("mng").orElseThrow().run(RunKind.OFFLOAD).orElseThrow().planned();
        assertThat(resumed.probe()).hasValue(probe);
        assertThat(resumed.provider()).hasValue(OffloadProvider.of("modal"));
        assertThat(resumed.offloadConfig()).hasValueSatisfying(c -> assertThat(c.sha256()).isEqualTo("f".repeat(64)));
    }
}
