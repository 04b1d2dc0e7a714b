package dev.offloadbench.domain.service.running;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.check.CheckResult;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.plan.BenchmarkPlan;
import dev.offloadbench.domain.plan.MachineDescription;
import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.plan.PlannedRuns;
import dev.offloadbench.domain.plan.Problem;
import dev.offloadbench.domain.plan.ProjectPlan;
import dev.offloadbench.domain.port.in.CheckPrerequisites;
import dev.offloadbench.domain.port.in.PlanBenchmark;
import dev.offloadbench.domain.port.in.RunBenchmark.Command;
import dev.offloadbench.domain.port.in.RunBenchmark.Ending;
import dev.offloadbench.domain.port.in.RunBenchmark.Outcome;
import dev.offloadbench.domain.port.out.MachineProbe;
import dev.offloadbench.domain.port.out.ProgressListener;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.port.out.RunExecutor;
import dev.offloadbench.domain.port.out.RunProbe;
import dev.offloadbench.domain.port.out.SessionLock;
import dev.offloadbench.domain.port.out.SessionStore;
import dev.offloadbench.domain.probe.ObservedOffload;
import dev.offloadbench.domain.probe.ProbeResult;
import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Interrupted;
import dev.offloadbench.domain.run.Execution;
import dev.offloadbench.domain.run.ExecutionRequest;
import dev.offloadbench.domain.run.LeftoverProcess;
import dev.offloadbench.domain.run.Termination;
import dev.offloadbench.domain.run.TestTally;
import dev.offloadbench.domain.service.containment.MachineLock;
import dev.offloadbench.domain.session.Attempt;
import dev.offloadbench.domain.session.RunInProgress;
import dev.offloadbench.domain.session.RunStatus;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionProject;
import dev.offloadbench.domain.session.SessionResults;
import dev.offloadbench.domain.session.SessionRun;
import dev.offloadbench.domain.session.SessionSettings;
import dev.offloadbench.domain.session.SkipReason;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class SessionRunnerTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:34:56Z");
    private static final String NOW_ID = "20240501-123456";
    static final MachineDescription MACHINE = new MachineDescription("Test rig", MachineDescription.Source.CONFIG);
    static final Path README = Path.of("/offload/README.md");
    private static final List<RunKind> ALL_KINDS = List.of(RunKind.BASELINE, RunKind.HIGH, RunKind.OFFLOAD);
    private static final MachineProbe.Load IDLE = new MachineProbe.Load(0.2, 8, List.of());

    /** Answers one executor call; {@code call} counts from 1. */
    interface Script {
        Execution answer(int call, ExecutionRequest request, RunExecutor.OutputListener output,
                Cancellation cancellation);
    }

    final CheckPrerequisites checks = mock(CheckPrerequisites.class);
    final PlanBenchmark planner = mock(PlanBenchmark.class);
    final RunExecutor executor = mock(RunExecutor.class);
    final SessionLock lock = mock(SessionLock.class);
    final SessionLock.Held held = mock(SessionLock.Held.class);
    final RunProbe probe = mock(RunProbe.class);
    final MachineProbe machine = mock(MachineProbe.class);
    final ProgressListener progress = mock(ProgressListener.class);
    final Cancellation cancellation = new Cancellation();
    final List<ExecutionRequest> requests = new ArrayList<>();
    /** For each executor call, how many attempts the last saved session held when the call began. */
    final List<Integer> attemptsSavedBeforeCall = new ArrayList<>();
    InMemorySessionStore store = new InMemorySessionStore();
    Clock clock = Clock.fixed(NOW, ZoneId.of("UTC"));
    Script script = (call, request, output, cancel) -> passing(Duration.ofSeconds(10));

    @BeforeEach
    void setUp() {
        when(lock.acquire()).thenReturn(held);
        when(held.holderPid()).thenReturn(4242L);
        when(checks.check(any())).thenReturn(allChecksPass());
        when(planner.plan(any(), any(), any(), any())).thenReturn(plan(project("mng"), project("sculptor")));
        // what reading alone settles before the lock: here, nothing stands in the way
        when(planner.readAhead(any())).thenReturn(plan(project("mng"), project("sculptor")));
        when(planner.profiles(any())).thenReturn(List.of("mng", "sculptor"));
        when(machine.load()).thenReturn(IDLE);
        when(executor.execute(any(), any(), any())).thenAnswer(invocation -> {
            ExecutionRequest request = invocation.getArgument(0);
            requests.add(request);
            attemptsSavedBeforeCall.add(store.saved().isEmpty() ? -1 : attempts(store.lastSaved()));
            return script.answer(requests.size(), request, invocation.getArgument(1), invocation.getArgument(2));
        });
    }

    private SessionRunner runner() {
        return new SessionRunner(checks, planner, executor, store, new MachineLock(lock, store, executor, probe),
                machine, clock, List.of(), new OutputParsers(new ProfileRegistry(), List.of()));
    }

    private Outcome run(Command command) {
        return runner().run(command, progress, cancellation);
    }

    /** The one place a Command is built, so a change to its fields touches one line. */
    private static Command command(List<String> profiles, List<RunKind> kinds, int runs, int warmups,
            Optional<Duration> timeout, Optional<String> resume) {
        return new Command(profiles, kinds, runs, warmups, timeout, resume, false);
    }

    private static Command command(List<RunKind> kinds, int runs, int warmups) {
        return command(List.of("all"), kinds, runs, warmups, Optional.empty(), Optional.empty());
    }

    private static Command everything() {
        return command(ALL_KINDS, 1, 1);
    }

    private static Command resume(String reference) {
        return command(List.of(), ALL_KINDS, 1, 1, Optional.empty(), Optional.of(reference));
    }

    /** The same command, in a configuration that makes Offload optional (offload_optional = true). */
    private static Command offloadOptional(Command command) {
        return new Command(command.profiles(), command.kinds(), command.runs(), command.offloadWarmups(),
                command.timeout(), command.resume(), true);
    }

    // ---- building blocks

    static List<CheckResult> allChecksPass() {
        return List.of(
                CheckResult.ok("offload", "offload 0.9.10 (/usr/bin/offload)")
                        .about(CheckResult.Scope.OFFLOAD_BINARY),
                CheckResult.ok("Modal credentials", "found in the environment").about(CheckResult.Scope.MODAL),
                CheckResult.ok("just", "just 1.57 (/usr/bin/just)"),
                CheckResult.ok("project mng", "/p/mng (justfile present)").about(CheckResult.Scope.project("mng")),
                CheckResult.ok("project sculptor", "/p/sculptor (justfile present)")
                        .about(CheckResult.Scope.project("sculptor")),
                CheckResult.skipped("Offload repository", "present", "bench check --install").forOffload(),
                CheckResult.ok("machine load", "load average 0.20 on 8 cores"));
    }

    private static List<CheckResult> replacing(String name, CheckResult replacement) {
        return allChecksPass().stream().map(r -> r.name().equals(name) ? replacement : r).toList();
    }

    static PlannedRun planned(String profile, RunKind kind) {
        boolean offload = kind == RunKind.OFFLOAD;
        return PlannedRuns.unprobed(kind, offload ? "test-offload" : "test-integration",
                List.of("just", profile + "-" + kind.id()),
                kind == RunKind.HIGH ? Map.of("PYTEST_NUMPROCESSES", "8") : Map.of(), Path.of("/p", profile),
                offload ? OptionalInt.empty() : OptionalInt.of(kind == RunKind.BASELINE ? 4 : 8), Optional.empty(),
                offload ? OptionalInt.of(50) : OptionalInt.empty(), Optional.empty(), offload ? 1 : 0, List.of());
    }

    static ProjectPlan project(String profile) {
        return new ProjectPlan(profile, Path.of("/p", profile),
                ALL_KINDS.stream().map(kind -> planned(profile, kind)).toList());
    }

    static BenchmarkPlan plan(ProjectPlan... projects) {
        return new BenchmarkPlan(MACHINE, README, List.of(projects), List.of());
    }

    static TestTally passedTally(int tests) {
        return new TestTally(OptionalInt.of(tests), tests, 0, 0, 0, 0, 0, 0, 0, OptionalInt.empty(), true, false);
    }

    static Execution passing(Duration elapsed) {
        return new Execution(0, Termination.EXITED, elapsed, NOW, NOW.plus(elapsed), Path.of("/log"), passedTally(4));
    }

    static Execution ended(Termination termination) {
        return new Execution(-1, termination, Duration.ofSeconds(3), NOW, NOW.plusSeconds(3), Path.of("/log"),
                TestTally.NOTHING);
    }

    /** An attempt that was ended before it finished (Ctrl-C or --timeout). */
    static Attempt ended(String seconds, Termination termination) {
        return new Attempt(false, NOW, NOW, new BigDecimal(seconds), -1, termination, TestTally.NOTHING,
                Path.of("/log"), Validity.invalid(termination == Termination.CANCELLED ? "interrupted" : "timed out"),
                List.of());
    }

    static Attempt sample(String seconds) {
        return new Attempt(false, NOW, NOW, new BigDecimal(seconds), 0, Termination.EXITED, passedTally(4),
                Path.of("/log"), Validity.VALID, List.of());
    }

    static SessionRun run(String profile, RunKind kind, RunStatus status, String reason, Attempt... attempts) {
        return new SessionRun(planned(profile, kind), status, reason, List.of(attempts));
    }

    static SessionRun skipped(String profile, RunKind kind, SkipReason why, String reason) {
        return SessionRun.pending(planned(profile, kind)).skipped(why, reason);
    }

    static Session stored(String id, boolean finished, SessionRun... runs) {
        SessionProject mng = new SessionProject("mng", Path.of("/p/mng"), List.of(runs));
        return new Session(id, Instant.parse("2024-04-01T00:00:00Z"),
                new SessionSettings(ALL_KINDS, 1, 1, Optional.empty()), MACHINE, README, List.of(mng), finished);
    }

    private static int attempts(Session session) {
        return session.entries().stream().mapToInt(e -> e.run().attempts().size()).sum();
    }

    private static SessionRun runOf(Session session, String profile, RunKind kind) {
        return session.projects().stream().filter(p -> p.profileId().equals(profile)).findFirst().orElseThrow()
                .run(kind).orElseThrow();
    }

    private List<String> commandsRun() {
        return requests.stream().map(r -> String.join(" ", r.command())).toList();
    }

    // ---- the tests

    @Test
    void runsEveryPlannedRunInPlanOrderAndFinishesTheSession() {
        Outcome outcome = run(everything());

        assertThat(commandsRun()).containsExactly(
                "just mng-baseline", "just mng-high", "just mng-offload", "just mng-offload",
                "just sculptor-baseline", "just sculptor-high", "just sculptor-offload", "just sculptor-offload");
        assertThat(outcome.ending()).isEqualTo(Ending.FINISHED);
        assertThat(outcome.session().finished()).isTrue();
        assertThat(outcome.session().entries()).allSatisfy(e -> assertThat(e.run().status()).isEqualTo(RunStatus.DONE));
        assertThat(store.lastSaved()).isEqualTo(outcome.session());
    }

    @Test
    void eachExecutionGetsThePlannedCommandEnvironmentFolderAndItsOwnLog() {
        run(command(List.of(RunKind.HIGH), 1, 0));

        ExecutionRequest high = requests.get(0);
        assertThat(high.command()).containsExactly("just", "mng-high");
        assertThat(high.environment()).containsExactlyEntriesOf(Map.of("PYTEST_NUMPROCESSES", "8"));
        assertThat(high.directory()).isEqualTo(Path.of("/p/mng"));
        assertThat(high.log()).isEqualTo(store.logFile(NOW_ID, "mng", RunKind.HIGH, false, 1));
        assertThat(requests.get(1).log()).isEqualTo(store.logFile(NOW_ID, "sculptor", RunKind.HIGH, false, 1));
    }

    @Test
    void theRunningCommandsOutputReachesTheListener() {
        when(progress.echoesOutput()).thenReturn(true);
        byte[] block = "gw0 [4] / gw1 [4]\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean[] everyByte = new boolean[1];
        script = (call, request, output, cancel) -> {
            everyByte[0] = output.wantsEveryByte();
            output.output(block, 0, block.length);
            output.latestLine("gw0 [4] / gw1 [4]");
            return passing(Duration.ofSeconds(1));
        };

        run(command(List.of(RunKind.BASELINE), 1, 0));

        assertThat(everyByte[0]).as("the executor is asked for every byte when the progress echoes").isTrue();
        verify(progress, times(2)).output(block, 0, block.length);
        verify(progress, times(2)).latestOutputLine("gw0 [4] / gw1 [4]");
    }

    @Test
    void eachLogIsCompressedAfterItsRunAndTheSessionRecordsTheCompressedOne() {
        store.compressing = true;
        List<Integer> compressedBeforeCall = new ArrayList<>();
        script = (call, request, output, cancel) -> {
            compressedBeforeCall.add(store.compressed.size());
            return new Execution(0, Termination.EXITED, Duration.ofSeconds(1), NOW, NOW.plusSeconds(1), request.log(),
                    passedTally(4));
        };

        Outcome outcome = run(command(List.of(RunKind.BASELINE), 2, 0));

        assertThat(compressedBeforeCall).as("never while a run is timed").containsExactly(0, 1, 2, 3);
        Path log = store.logFile(NOW_ID, "mng", RunKind.BASELINE, false, 2);
        assertThat(store.compressed).contains(log);
        assertThat(runOf(outcome.session(), "mng", RunKind.BASELINE).attempts()).extracting(Attempt::log)
                .containsExactly(store.logFile(NOW_ID, "mng", RunKind.BASELINE, false, 1).resolveSibling(
                        "mng-baseline-sample-1.log.gz"), log.resolveSibling("mng-baseline-sample-2.log.gz"));
    }

    @Test
    void theTimeIsRecordedToTheNearestMillisecond() {
        script = (call, request, output, cancel) -> passing(Duration.ofNanos(1_234_567_890L));

        Outcome outcome = run(command(List.of(RunKind.BASELINE), 1, 0));

        assertThat(runOf(outcome.session(), "mng", RunKind.BASELINE).attempts()).extracting(Attempt::seconds)
                .containsExactly(new BigDecimal("1.235"));
    }

    @Test
    void threeRunsGiveThreeSamplesAndTheirMean() {
        script = (call, request, output, cancel) -> passing(Duration.ofMillis(9_000 + call * 1_000L));

        Outcome outcome = run(command(List.of(RunKind.BASELINE), 3, 1));

        SessionRun baseline = runOf(outcome.session(), "mng", RunKind.BASELINE);
        assertThat(baseline.attempts()).hasSize(3).noneMatch(Attempt::warmup);
        assertThat(baseline.samples()).extracting(Attempt::seconds)
                .containsExactly(new BigDecimal("10.000"), new BigDecimal("11.000"), new BigDecimal("12.000"));
        assertThat(SessionResults.outcome(baseline).orElseThrow().seconds()).isEqualByComparingTo("11");
        verify(progress).attemptStarted("mng", RunKind.BASELINE, List.of("just", "mng-baseline"), false, 3, 3,
                Optional.empty());
    }

    @Test
    void offloadGetsItsWarmUpsBeforeItsSamplesAndTheWarmUpsAreFlagged() {
        Outcome outcome = run(command(List.of(RunKind.OFFLOAD), 2, 2));

        SessionRun offload = runOf(outcome.session(), "mng", RunKind.OFFLOAD);
        assertThat(offload.attempts()).extracting(Attempt::warmup).containsExactly(true, true, false, false);
        assertThat(offload.samples()).hasSize(2);
        assertThat(requests.subList(0, 4)).extracting(ExecutionRequest::log).containsExactly(
                store.logFile(NOW_ID, "mng", RunKind.OFFLOAD, true, 1),
                store.logFile(NOW_ID, "mng", RunKind.OFFLOAD, true, 2),
                store.logFile(NOW_ID, "mng", RunKind.OFFLOAD, false, 1),
                store.logFile(NOW_ID, "mng", RunKind.OFFLOAD, false, 2));
        InOrder order = inOrder(progress);
        List<String> command = List.of("just", "mng-offload");
        order.verify(progress).attemptStarted("mng", RunKind.OFFLOAD, command, true, 1, 2, Optional.empty());
        order.verify(progress).attemptStarted("mng", RunKind.OFFLOAD, command, true, 2, 2, Optional.empty());
        order.verify(progress).attemptStarted("mng", RunKind.OFFLOAD, command, false, 1, 2, Optional.empty());
        order.verify(progress).attemptStarted("mng", RunKind.OFFLOAD, command, false, 2, 2, Optional.empty());
    }

    @Test
    void localRunsGetNoWarmUp() {
        Outcome outcome = run(command(List.of(RunKind.BASELINE, RunKind.HIGH), 1, 3));

        assertThat(outcome.session().entries()).flatExtracting(e -> e.run().attempts()).noneMatch(Attempt::warmup);
        assertThat(requests).hasSize(4);
    }

    @Test
    void theSessionIsSavedAfterEveryAttemptBeforeTheNextStarts() {
        Outcome outcome = run(command(ALL_KINDS, 2, 1));

        // 2 projects x (2 baseline + 2 high + 1 warm-up + 2 offload)
        assertThat(requests).hasSize(14);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            expected.add(i);
        }
        assertThat(attemptsSavedBeforeCall).isEqualTo(expected);
        List<Integer> savedCounts = store.saved().stream().map(SessionRunnerTest::attempts).toList();
        assertThat(savedCounts).isSorted().startsWith(0).endsWith(14);
        for (int i = 1; i < savedCounts.size(); i++) {
            assertThat(savedCounts.get(i) - savedCounts.get(i - 1)).as("save %d adds at most one attempt", i)
                    .isBetween(0, 1);
        }
        assertThat(store.lastSaved().finished()).isTrue();
        assertThat(attempts(outcome.session())).isEqualTo(14);
    }

    @Test
    void aFailedGeneralCheckStopsBeforeAnythingRuns() {
        when(checks.check(any())).thenReturn(replacing("just",
                CheckResult.fail("just", "`just` is not on the PATH", "npm install -g rust-just")));

        assertThatThrownBy(() -> run(everything()))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("nothing was run")
                .hasMessageContaining("just: `just` is not on the PATH (npm install -g rust-just)");
        verifyNoInteractions(executor);
        verify(progress).checked(anyList());
        verify(lock, never()).acquire();
    }

    @Test
    void everyRunIsProbedWhilePlanningUnlessTheCommandSaysNot() {
        run(command(List.of(RunKind.BASELINE, RunKind.HIGH), 1, 1));
        Command unprobed = command(List.of(RunKind.BASELINE), 1, 1);
        run(new Command(unprobed.profiles(), unprobed.kinds(), 1, 1, Optional.of(Duration.ofMinutes(5)),
                Optional.empty(), false, false));

        verify(planner).plan(eq(new PlanBenchmark.Query(List.of("all"), List.of(RunKind.BASELINE, RunKind.HIGH), true,
                PlanBenchmark.Query.DEFAULT_PROBE_TIMEOUT)), eq(held), eq(progress), any());
        // not probed, the plan is what reading gave before the lock: nothing is read twice
        PlanBenchmark.Query unprobedQuery = new PlanBenchmark.Query(List.of("all"), List.of(RunKind.BASELINE), false,
                Duration.ofMinutes(5));
        verify(planner).readAhead(unprobedQuery);
        verify(planner, never()).plan(eq(unprobedQuery), any(), any(), any());
    }

    @Test
    void aProbeInterruptedWhilePlanningRecordsNothingAndReleasesTheLock() {
        when(planner.plan(any(), any(), any(), any())).thenThrow(new Interrupted("interrupted while probing mng baseline"));

        assertThatThrownBy(() -> run(everything())).isInstanceOf(Interrupted.class);

        verifyNoInteractions(executor);
        assertThat(store.saved()).isEmpty();
        verify(held).close();
    }

    @Test
    void aFailedCheckRecordsNoSession() {
        when(checks.check(any())).thenReturn(replacing("just",
                CheckResult.fail("just", "`just` is not on the PATH", "npm install -g rust-just")));

        assertThatThrownBy(() -> run(everything())).isInstanceOf(BenchException.class);

        assertThat(store.list()).as("sessions recorded by a session that never ran").isEmpty();
    }

    @Test
    void aFailedCheckOfAProjectOutsideTheSessionDoesNotStopIt() {
        when(checks.check(any())).thenReturn(replacing("project sculptor",
                CheckResult.fail("project sculptor", "/p/sculptor does not exist", "check it out")
                        .about(CheckResult.Scope.project("sculptor"))));
        when(planner.profiles(any())).thenReturn(List.of("mng"));
        when(planner.plan(any(), any(), any(), any())).thenReturn(plan(project("mng")));

        Outcome outcome = run(command(List.of("mng"), List.of(RunKind.BASELINE), 1, 1, Optional.empty(),
                Optional.empty()));

        assertThat(outcome.ending()).isEqualTo(Ending.FINISHED);
        assertThat(commandsRun()).containsExactly("just mng-baseline");
        verify(planner).plan(eq(new PlanBenchmark.Query(List.of("mng"), List.of(RunKind.BASELINE), true,
                PlanBenchmark.Query.DEFAULT_PROBE_TIMEOUT)), eq(held), eq(progress), any());
    }

    @Test
    void aFailedCheckOfAProjectInTheSessionStopsIt() {
        when(checks.check(any())).thenReturn(replacing("project mng",
                CheckResult.fail("project mng", "/p/mng does not exist", "check it out")
                        .about(CheckResult.Scope.project("mng"))));

        assertThatThrownBy(() -> run(everything())).isInstanceOf(BenchException.class)
                .hasMessageContaining("project mng: /p/mng does not exist (check it out)");
        verifyNoInteractions(executor);
    }

    @Test
    void missingOffloadStopsTheSessionBeforeAnythingRunsUnlessOffloadIsOptional() {
        when(checks.check(any())).thenReturn(replacing("offload",
                CheckResult.fail("offload", "`offload` is not on the PATH", "cargo install offload")
                        .about(CheckResult.Scope.OFFLOAD_BINARY)));

        assertThatThrownBy(() -> run(everything()))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("prerequisites missing, nothing was run: offload: `offload` is not on the PATH"
                        + " (cargo install offload)")
                .hasMessageContaining("--kinds baseline,high");
        verifyNoInteractions(executor);
        assertThat(store.saved()).isEmpty();
    }

    @Test
    void withoutOffloadTheLocalRunsAloneMayRun() {
        when(checks.check(any())).thenReturn(replacing("offload",
                CheckResult.fail("offload", "`offload` is not on the PATH", "cargo install offload")
                        .about(CheckResult.Scope.OFFLOAD_BINARY)));

        Outcome outcome = run(command(List.of(RunKind.BASELINE, RunKind.HIGH), 1, 1));

        assertThat(outcome.ending()).isEqualTo(Ending.FINISHED);
        assertThat(commandsRun()).containsExactly("just mng-baseline", "just mng-high", "just sculptor-baseline",
                "just sculptor-high");
    }

    @Test
    void missingOffloadSkipsTheOffloadRunsWithTheInstallCommandWhenOffloadIsOptional() {
        when(checks.check(any())).thenReturn(replacing("offload",
                CheckResult.fail("offload", "`offload` is not on the PATH", "cargo install offload")
                        .about(CheckResult.Scope.OFFLOAD_BINARY)));

        Outcome outcome = run(offloadOptional(everything()));

        assertThat(outcome.ending()).isEqualTo(Ending.FINISHED);
        assertThat(commandsRun()).containsExactly("just mng-baseline", "just mng-high", "just sculptor-baseline",
                "just sculptor-high");
        SessionRun offload = runOf(outcome.session(), "mng", RunKind.OFFLOAD);
        assertThat(offload.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(offload.reason()).isEqualTo("offload is not installed (cargo install offload)");
        assertThat(offload.attempts()).isEmpty();
        verify(progress).runSkipped("mng", RunKind.OFFLOAD, "offload is not installed (cargo install offload)");
        verify(progress).runSkipped("sculptor", RunKind.OFFLOAD, "offload is not installed (cargo install offload)");
    }

    @Test
    void optionalOffloadStillStopsASessionOfOffloadRunsAlone() {
        when(checks.check(any())).thenReturn(replacing("offload",
                CheckResult.fail("offload", "`offload` is not on the PATH", "cargo install offload")
                        .about(CheckResult.Scope.OFFLOAD_BINARY)));

        assertThatThrownBy(() -> run(offloadOptional(command(List.of(RunKind.OFFLOAD), 1, 1))))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("prerequisites missing, nothing was run");
        assertThat(store.saved()).isEmpty();
    }

    @Test
    void missingModalCredentialsSkipTheOffloadRunsSayingWhatIsMissingAndHowToFixIt() {
        when(checks.check(any())).thenReturn(replacing("Modal credentials",
                CheckResult.fail("Modal credentials", "no token in ~/.modal.toml", "modal token new")
                        .about(CheckResult.Scope.MODAL)));

        Outcome outcome = run(offloadOptional(everything()));

        assertThat(runOf(outcome.session(), "mng", RunKind.OFFLOAD).reason())
                .isEqualTo("Modal credentials: no token in ~/.modal.toml (modal token new)");
        assertThat(commandsRun()).hasSize(4).noneMatch(c -> c.endsWith("offload"));
    }

    private static final CheckResult NO_MODAL = CheckResult.fail("Modal credentials", "no token in ~/.modal.toml",
            "modal token new").about(CheckResult.Scope.MODAL);

    /** mng's runs, its Offload run on this provider (as its Offload configuration's [provider] says). */
    private static BenchmarkPlan mngWithOffloadOn(OffloadProvider provider) {
        PlannedRun offload = planned("mng", RunKind.OFFLOAD);
        return plan(new ProjectPlan("mng", Path.of("/p/mng"), List.of(planned("mng", RunKind.BASELINE),
                planned("mng", RunKind.HIGH), new PlannedRun(offload.kind(), offload.recipe(), offload.command(),
                        offload.environment(), offload.directory(), offload.workers(), offload.workersSource(),
                        offload.maxParallel(), offload.maxParallelSource(), offload.warmups(), offload.notes(),
                        Optional.of(provider), Optional.empty()))));
    }

    /** The demo's shape: Offload on its local provider runs no test on Modal, so it needs no Modal account. */
    @Test
    void withoutModalCredentialsAnOffloadRunOnTheLocalProviderRuns() {
        when(checks.check(any())).thenReturn(replacing("Modal credentials", NO_MODAL));
        when(planner.profiles(any())).thenReturn(List.of("mng"));
        when(planner.readAhead(any())).thenReturn(mngWithOffloadOn(OffloadProvider.LOCAL));
        when(planner.plan(any(), any(), any(), any())).thenReturn(mngWithOffloadOn(OffloadProvider.LOCAL));

        Outcome outcome = run(everything());

        assertThat(outcome.ending()).isEqualTo(Ending.FINISHED);
        assertThat(commandsRun()).containsExactly("just mng-baseline", "just mng-high", "just mng-offload",
                "just mng-offload");
        assertThat(runOf(outcome.session(), "mng", RunKind.OFFLOAD).status()).isEqualTo(RunStatus.DONE);
    }

    @Test
    void withoutModalCredentialsAnOffloadRunOnModalStopsBeforeTheLock() {
        when(checks.check(any())).thenReturn(replacing("Modal credentials", NO_MODAL));
        when(planner.profiles(any())).thenReturn(List.of("mng"));
        when(planner.readAhead(any())).thenReturn(mngWithOffloadOn(OffloadProvider.MODAL));

        assertThatThrownBy(() -> run(everything())).isInstanceOf(BenchException.class)
                .hasMessageContaining("prerequisites missing, nothing was run: Modal credentials");
        verify(lock, never()).acquire();
    }

    /** Reading could not plan the Offload run; the probe shows it runs on Modal: stopped before anything is timed. */
    @Test
    void aModalProviderOnlyTheProbeShowsStillNeedsTheCredentialsBeforeAnythingIsTimed() {
        when(checks.check(any())).thenReturn(replacing("Modal credentials", NO_MODAL));
        when(planner.profiles(any())).thenReturn(List.of("mng"));
        when(planner.readAhead(any())).thenReturn(plan(new ProjectPlan("mng", Path.of("/p/mng"),
                List.of(planned("mng", RunKind.BASELINE)))));
        when(planner.plan(any(), any(), any(), any())).thenReturn(mngWithOffloadOn(OffloadProvider.MODAL));

        assertThatThrownBy(() -> run(everything())).isInstanceOf(BenchException.class)
                .hasMessageContaining("Modal credentials: no token in ~/.modal.toml");
        verify(executor, never()).execute(any(), any(), any());
        assertThat(store.saved()).isEmpty();
        verify(held).close();
    }

    /**
     * A missing recipe, project folder or Offload configuration is found by reading, before the
     * lock is taken and before any probe (a frontend build each, for sculptor) runs.
     */
    @Test
    void aPlanThatReadingAloneShowsCannotWorkStopsBeforeTheLockAndAnyProbe() {
        when(planner.readAhead(any())).thenReturn(new BenchmarkPlan(MACHINE, README, List.of(), List.of(
                Problem.of("sculptor", Problem.Kind.RECIPE, "no recipe `test-integration-offload`"))));

        assertThatThrownBy(() -> run(everything())).isInstanceOf(BenchException.class)
                .hasMessageContaining("the plan is incomplete, nothing was run (bench plan shows the details)")
                .hasMessageContaining("sculptor: no recipe `test-integration-offload`");
        verify(lock, never()).acquire();
        verify(planner, never()).plan(any(), any(), any(), any());
        verifyNoInteractions(executor);
    }

    @Test
    void kindsNotRequestedAreSkippedSayingSo() {
        Outcome outcome = run(command(List.of(RunKind.BASELINE, RunKind.OFFLOAD), 1, 1));

        SessionRun high = runOf(outcome.session(), "mng", RunKind.HIGH);
        assertThat(high.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(high.reason()).isEqualTo("not requested (--kinds baseline,offload)");
        assertThat(commandsRun()).containsExactly("just mng-baseline", "just mng-offload", "just mng-offload",
                "just sculptor-baseline", "just sculptor-offload", "just sculptor-offload");
        verify(progress).runSkipped("sculptor", RunKind.HIGH, "not requested (--kinds baseline,offload)");
    }

    @Test
    void anIncompletePlanStopsWithItsProblems() {
        when(planner.plan(any(), any(), any(), any())).thenReturn(new BenchmarkPlan(MACHINE, README, List.of(project("mng")), List.of(
                Problem.of("sculptor", Problem.Kind.RECIPE, "no recipe `test-integration-offload`; did you mean `test-offload`?"),
                Problem.general(Problem.Kind.MACHINE, "no README at /offload/README.md"))));

        assertThatThrownBy(() -> run(everything()))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("the plan is incomplete or did not hold when probed, nothing was timed")
                .hasMessageContaining("\n  - sculptor: no recipe `test-integration-offload`; did you mean `test-offload`?")
                .hasMessageContaining("\n  - no README at /offload/README.md");
        verifyNoInteractions(executor);
        assertThat(store.saved()).isEmpty();
        // the plan is found under the lock (its probes run recipes), which is released
        verify(held).close();
    }

    @Test
    void cancellingMidSessionStopsThereKeepsWhatFinishedAndLeavesTheRestUntouched() {
        script = (call, request, output, cancel) -> {
            if (call == 2) {
                cancel.cancel();
                return ended(Termination.CANCELLED);
            }
            return passing(Duration.ofSeconds(10));
        };

        Outcome outcome = run(everything());

        assertThat(outcome.ending()).isEqualTo(Ending.CANCELLED);
        assertThat(requests).hasSize(2);
        Session session = outcome.session();
        assertThat(session.finished()).isFalse();
        assertThat(runOf(session, "mng", RunKind.BASELINE).status()).isEqualTo(RunStatus.DONE);
        SessionRun high = runOf(session, "mng", RunKind.HIGH);
        assertThat(high.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(high.reason()).isEqualTo("interrupted");
        assertThat(high.attempts()).singleElement()
                .satisfies(a -> assertThat(a.termination()).isEqualTo(Termination.CANCELLED));
        assertThat(session.entries().subList(2, 6)).allSatisfy(e -> {
            assertThat(e.run().status()).isEqualTo(RunStatus.PENDING);
            assertThat(e.run().attempts()).isEmpty();
        });
        assertThat(store.lastSaved()).isEqualTo(session);
    }

    @Test
    void aCancellationArrivingAsARunEndsKeepsThatRunAndStartsNoOther() {
        script = (call, request, output, cancel) -> {
            cancel.cancel();
            return passing(Duration.ofSeconds(10));
        };

        Outcome outcome = run(everything());

        assertThat(outcome.ending()).isEqualTo(Ending.CANCELLED);
        assertThat(requests).hasSize(1);
        assertThat(runOf(outcome.session(), "mng", RunKind.BASELINE).status()).isEqualTo(RunStatus.DONE);
        SessionRun high = runOf(outcome.session(), "mng", RunKind.HIGH);
        assertThat(high.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(high.attempts()).isEmpty();
        assertThat(store.lastSaved()).isEqualTo(outcome.session());
    }

    @Test
    void aTimedOutExecutionEndsTheSessionAsTimedOut() {
        script = (call, request, output, cancel) -> call == 1 ? ended(Termination.TIMED_OUT)
                : passing(Duration.ofSeconds(1));

        Outcome outcome = run(command(List.of("all"), ALL_KINDS, 1, 1, Optional.of(Duration.ofMinutes(5)),
                Optional.empty()));

        assertThat(outcome.ending()).isEqualTo(Ending.TIMED_OUT);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).timeout()).contains(Duration.ofMinutes(5));
        SessionRun baseline = runOf(outcome.session(), "mng", RunKind.BASELINE);
        assertThat(baseline.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(baseline.reason()).isEqualTo("ran past --timeout 5m");
        assertThat(baseline.attempts()).singleElement()
                .satisfies(a -> assertThat(a.validity().reason()).isEqualTo("timed out"));
        assertThat(store.lastSaved()).isEqualTo(outcome.session());
    }

    @Test
    void eachAttemptIsJudged() {
        script = (call, request, output, cancel) -> new Execution(1, Termination.EXITED, Duration.ofSeconds(2), NOW,
                NOW.plusSeconds(2), Path.of("/log"),
                new TestTally(OptionalInt.of(4), 3, 1, 0, 0, 0, 0, 0, 0, OptionalInt.of(2), true, false));

        Outcome outcome = run(command(List.of(RunKind.BASELINE), 1, 0));

        Attempt attempt = runOf(outcome.session(), "mng", RunKind.BASELINE).attempts().get(0);
        assertThat(attempt.validity()).isEqualTo(Validity.invalid("exit code 1; 1 failed"));
        assertThat(attempt.notes()).containsExactly("xdist started 2 workers; the plan said 4");
        assertThat(attempt.exitCode()).isEqualTo(1);
        assertThat(attempt.seconds()).isEqualByComparingTo("2");
    }

    @Nested
    class Resuming {
        final Attempt oldBaseline = sample("10.000");

        @BeforeEach
        void storeAnInterruptedSession() {
            store.with(stored("20240430-100000", false,
                    run("mng", RunKind.BASELINE, RunStatus.DONE, "", oldBaseline),
                    run("mng", RunKind.HIGH, RunStatus.CANCELLED, "interrupted",
                            ended("5.000", Termination.CANCELLED)),
                    run("mng", RunKind.OFFLOAD, RunStatus.PENDING, "")));
            script = (call, request, output, cancel) -> passing(Duration.ofSeconds(7));
        }

        @Test
        void skipsFinishedRunsAndRestartsTheOthersFromScratch() {
            Outcome outcome = run(resume("20240430-100000"));

            assertThat(commandsRun()).containsExactly("just mng-high", "just mng-offload", "just mng-offload");
            verify(progress).runSkipped("mng", RunKind.BASELINE, "finished earlier in this session");
            verify(progress).sessionStarted(any(), eq(true));
            verifyNoInteractions(planner);
            Session session = outcome.session();
            assertThat(session.id()).isEqualTo("20240430-100000");
            assertThat(session.finished()).isTrue();
            assertThat(runOf(session, "mng", RunKind.BASELINE).attempts()).containsExactly(oldBaseline);
            assertThat(runOf(session, "mng", RunKind.HIGH).attempts()).extracting(Attempt::seconds)
                    .containsExactly(new BigDecimal("7.000"));
            assertThat(runOf(session, "mng", RunKind.OFFLOAD).attempts()).extracting(Attempt::warmup)
                    .containsExactly(true, false);
        }

        @Test
        void theRestartedSessionIsSavedWithTheInterruptedAttemptsClearedBeforeAnythingRuns() {
            run(resume("latest"));

            Session first = store.saved().get(0);
            assertThat(runOf(first, "mng", RunKind.HIGH).status()).isEqualTo(RunStatus.PENDING);
            assertThat(runOf(first, "mng", RunKind.HIGH).attempts()).isEmpty();
            assertThat(runOf(first, "mng", RunKind.BASELINE).attempts()).containsExactly(oldBaseline);
            assertThat(attemptsSavedBeforeCall.get(0)).isEqualTo(1);
        }

        @Test
        void aTimedOutRunIsRunAgainAndARunNotRequestedStaysSkipped() {
            store = new InMemorySessionStore().with(stored("20240430-100000", false,
                    run("mng", RunKind.BASELINE, RunStatus.TIMED_OUT, "ran past --timeout 1m",
                            ended("60.000", Termination.TIMED_OUT)),
                    skipped("mng", RunKind.HIGH, SkipReason.NOT_REQUESTED, "not requested (--kinds baseline)"),
                    skipped("mng", RunKind.OFFLOAD, SkipReason.OFFLOAD_UNAVAILABLE,
                            "offload is not installed (cargo install offload)")));

            Outcome outcome = run(resume("latest"));

            // offload is there now (the checks pass), so the offload run skipped for want of it runs too
            assertThat(commandsRun()).containsExactly("just mng-baseline", "just mng-offload", "just mng-offload");
            assertThat(runOf(outcome.session(), "mng", RunKind.BASELINE).attempts()).extracting(Attempt::seconds)
                    .containsExactly(new BigDecimal("7.000"));
            verify(progress).runSkipped("mng", RunKind.HIGH, "not requested (--kinds baseline)");
        }

        @Test
        void resumingWithoutOffloadSkipsTheOffloadRunsSayingWhy() {
            when(checks.check(any())).thenReturn(replacing("offload",
                    CheckResult.fail("offload", "`offload` is not on the PATH", "cargo install offload")
                            .about(CheckResult.Scope.OFFLOAD_BINARY)));

            Outcome outcome = run(offloadOptional(resume("latest")));

            assertThat(commandsRun()).containsExactly("just mng-high");
            SessionRun offload = runOf(outcome.session(), "mng", RunKind.OFFLOAD);
            assertThat(offload.status()).isEqualTo(RunStatus.SKIPPED);
            assertThat(offload.reason()).isEqualTo("offload is not installed (cargo install offload)");
        }

        @Test
        void offloadRunsSkippedForWantOfOffloadRunOnceItIsThere() {
            store.with(stored("20240430-110000", false,
                    run("mng", RunKind.BASELINE, RunStatus.DONE, "", sample("1.000")),
                    run("mng", RunKind.HIGH, RunStatus.DONE, "", sample("1.000")),
                    skipped("mng", RunKind.OFFLOAD, SkipReason.OFFLOAD_UNAVAILABLE,
                            "offload is not installed (cargo install offload)")));

            Outcome outcome = run(resume("20240430-110000"));

            assertThat(commandsRun()).containsExactly("just mng-offload", "just mng-offload");
            assertThat(runOf(outcome.session(), "mng", RunKind.OFFLOAD).status()).isEqualTo(RunStatus.DONE);
        }

        @Test
        void anUnfinishedRunKeepsItsFinishedSamplesAndRunsOnlyTheMissingOnesAfterFreshWarmUps() {
            Attempt warmup = new Attempt(true, NOW, NOW, new BigDecimal("9.000"), 0, Termination.EXITED,
                    passedTally(4), Path.of("/log"), Validity.VALID, List.of());
            Session session = new Session("20240501-100000", Instant.parse("2024-05-01T10:00:00Z"),
                    new SessionSettings(ALL_KINDS, 3, 1, Optional.empty()), MACHINE, README,
                    List.of(new SessionProject("mng", Path.of("/p/mng"), List.of(
                            run("mng", RunKind.BASELINE, RunStatus.DONE, "", sample("1.000"), sample("1.000"),
                                    sample("1.000")),
                            run("mng", RunKind.HIGH, RunStatus.DONE, "", sample("1.000"), sample("1.000"),
                                    sample("1.000")),
                            run("mng", RunKind.OFFLOAD, RunStatus.PENDING, "", warmup, sample("2.000"),
                                    sample("4.000"))))),
                    false);
            store.with(session);

            Outcome outcome = run(resume("20240501-100000"));

            // one fresh warm-up, then the third sample only
            assertThat(commandsRun()).containsExactly("just mng-offload", "just mng-offload");
            SessionRun offload = runOf(outcome.session(), "mng", RunKind.OFFLOAD);
            assertThat(offload.status()).isEqualTo(RunStatus.DONE);
            assertThat(offload.samples()).hasSize(3);
            assertThat(offload.samples().subList(0, 2)).extracting(Attempt::seconds)
                    .containsExactly(new BigDecimal("2.000"), new BigDecimal("4.000"));
            assertThat(offload.warmups()).hasSize(1).noneMatch(a -> a.seconds().equals(new BigDecimal("9.000")));
        }

        @Test
        void latestPicksTheNewestSession() {
            store.with(stored("20240430-110000", false,
                    run("mng", RunKind.BASELINE, RunStatus.DONE, "", sample("1.000")),
                    run("mng", RunKind.HIGH, RunStatus.DONE, "", sample("1.000")),
                    run("mng", RunKind.OFFLOAD, RunStatus.PENDING, "")));

            Outcome outcome = run(resume("latest"));

            assertThat(outcome.session().id()).isEqualTo("20240430-110000");
            assertThat(commandsRun()).containsExactly("just mng-offload", "just mng-offload");
            assertThat(store.load("20240430-100000").orElseThrow().finished()).isFalse();
        }

        @Test
        void aFinishedSessionIsRefused() {
            store.with(stored("20240430-110000", true,
                    run("mng", RunKind.BASELINE, RunStatus.DONE, "", sample("1.000"))));

            assertThatThrownBy(() -> run(resume("20240430-110000")))
                    .isInstanceOf(BenchException.class)
                    .hasMessageContaining("session 20240430-110000 has finished; there is nothing to resume");
            verifyNoInteractions(executor);
            assertThat(store.saved()).isEmpty();
            verify(lock, never()).acquire();
        }

        @Test
        void anUnknownSessionIsRefusedNamingIt() {
            assertThatThrownBy(() -> run(resume("nope")))
                    .isInstanceOf(BenchException.class)
                    .hasMessageContaining("there is no session `nope`");
            verifyNoInteractions(executor);
        }
    }

    @Test
    void theArgumentsAndPrerequisitesAreCheckedBeforeTheLockIsTakenAndItIsReleasedAtTheEnd() {
        run(command(List.of(RunKind.BASELINE), 1, 0));

        InOrder order = inOrder(lock, checks, planner, executor, held);
        order.verify(checks).check(new CheckPrerequisites.Options(false, false));
        order.verify(planner).profiles(any());
        order.verify(planner).readAhead(any());
        order.verify(lock).acquire();
        order.verify(planner).plan(any(), eq(held), any(), any());
        order.verify(executor, times(2)).execute(any(), any(), any());
        order.verify(held).close();
    }

    @Test
    void theLockIsReleasedWhenTheExecutorFails() {
        script = (call, request, output, cancel) -> {
            throw new BenchException("cannot start just");
        };

        assertThatThrownBy(() -> run(everything())).hasMessage("cannot start just");
        verify(held).close();
    }

    @Test
    void aLockHeldElsewhereStopsEverything() {
        when(lock.acquire()).thenThrow(new BenchException("another benchmark session is running (pid 42)"));

        assertThatThrownBy(() -> run(everything())).hasMessageContaining("pid 42");
        verifyNoInteractions(executor);
        assertThat(store.saved()).isEmpty();
    }

    @Test
    void aBusyMachineIsReportedBeforeEachAttempt() {
        MachineProbe.Load busy = new MachineProbe.Load(7.5, 4,
                List.of(new MachineProbe.BusyProcess(99, "chrome", 180.0)));
        when(machine.load()).thenReturn(busy);

        run(command(List.of(RunKind.BASELINE), 1, 0));

        InOrder order = inOrder(progress, executor);
        for (int i = 0; i < 2; i++) {
            order.verify(progress).machineBusy(busy);
            order.verify(progress).attemptStarted(anyString(), any(), anyList(), anyBoolean(), anyInt(), anyInt(),
                    any());
            order.verify(executor).execute(any(), any(), any());
        }
    }

    @Test
    void anIdleMachineIsNotReported() {
        run(command(List.of(RunKind.BASELINE), 1, 0));

        verify(progress, never()).machineBusy(any());
        verify(machine, times(2)).load();
    }

    @Test
    void theEstimateIsThePreviousSessionsMeanForTheSameProfileAndKind() {
        store.with(stored("20240101-000000", true,
                run("mng", RunKind.BASELINE, RunStatus.DONE, "", sample("99.000")),
                run("mng", RunKind.HIGH, RunStatus.DONE, "", sample("50.000"))));
        store.with(stored("20240201-000000", true,
                run("mng", RunKind.BASELINE, RunStatus.DONE, "", sample("10.000"), sample("12.500"))));
        // the newest did not finish its baseline: it says nothing about its time
        store.with(stored("20240301-000000", false,
                run("mng", RunKind.BASELINE, RunStatus.CANCELLED, "interrupted",
                        ended("1.000", Termination.CANCELLED))));
        when(planner.plan(any(), any(), any(), any())).thenReturn(plan(project("mng")));

        run(command(List.of(RunKind.BASELINE, RunKind.HIGH, RunKind.OFFLOAD), 1, 0));

        verify(progress).attemptStarted("mng", RunKind.BASELINE, List.of("just", "mng-baseline"), false, 1, 1,
                Optional.of(Duration.ofMillis(11_250)));
        verify(progress).attemptStarted("mng", RunKind.HIGH, List.of("just", "mng-high"), false, 1, 1,
                Optional.of(Duration.ofSeconds(50)));
        verify(progress).attemptStarted("mng", RunKind.OFFLOAD, List.of("just", "mng-offload"), false, 1, 1,
                Optional.empty());
    }

    @Test
    void anotherProfilesTimeIsNoEstimate() {
        store.with(stored("20240101-000000", true,
                run("mng", RunKind.BASELINE, RunStatus.DONE, "", sample("99.000"))));
        when(planner.plan(any(), any(), any(), any())).thenReturn(plan(project("sculptor")));

        run(command(List.of(RunKind.BASELINE), 1, 0));

        verify(progress).attemptStarted("sculptor", RunKind.BASELINE, List.of("just", "sculptor-baseline"), false, 1,
                1, Optional.empty());
    }

    @Test
    void theSessionIdIsTheClocksUtcTime() {
        clock = Clock.fixed(NOW, ZoneId.of("Asia/Tokyo"));

        Outcome outcome = run(command(List.of(RunKind.BASELINE), 1, 0));

        assertThat(outcome.session().id()).isEqualTo(NOW_ID);
        assertThat(outcome.session().created()).isEqualTo(NOW);
    }

    @Test
    void aTakenIdGetsASuffix() {
        store.with(stored(NOW_ID, true, run("mng", RunKind.BASELINE, RunStatus.DONE, "", sample("1.000"))));

        assertThat(run(command(List.of(RunKind.BASELINE), 1, 0)).session().id()).isEqualTo(NOW_ID + "-2");

        assertThat(run(command(List.of(RunKind.BASELINE), 1, 0)).session().id()).isEqualTo(NOW_ID + "-3");
    }

    @Test
    void theNewSessionRecordsItsSettingsMachineAndReadme() {
        Command command = command(List.of("all"), List.of(RunKind.BASELINE), 2, 3,
                Optional.of(Duration.ofMinutes(10)), Optional.empty());

        Session session = run(command).session();

        assertThat(session.settings()).isEqualTo(new SessionSettings(List.of(RunKind.BASELINE), 2, 3,
                Optional.of(Duration.ofMinutes(10))));
        assertThat(session.machine()).isEqualTo(MACHINE);
        assertThat(session.readme()).isEqualTo(README);
        verify(progress).sessionStarted(store.saved().get(0), false);
    }

    /** The status line's "(last time …)": only a valid earlier run of the same folder, recipe and kind. */
    @Nested
    class LastTime {
        final Attempt failed = new Attempt(false, NOW, NOW, new BigDecimal("9.000"), 1, Termination.EXITED,
                passedTally(4), Path.of("/log"), Validity.invalid("2 failed"), List.of());

        private Optional<Duration> estimateOfTheMngBaseline() {
            run(command(List.of(RunKind.BASELINE), 1, 0));
            @SuppressWarnings("unchecked")
            org.mockito.ArgumentCaptor<Optional<Duration>> estimate = org.mockito.ArgumentCaptor.forClass(Optional.class);
            verify(progress).attemptStarted(eq("mng"), eq(RunKind.BASELINE), anyList(), eq(false), eq(1), eq(1),
                    estimate.capture());
            return estimate.getValue();
        }

        private Session earlier(String id, Path folder, String recipe, Attempt attempt) {
            PlannedRun planned = planned("mng", RunKind.BASELINE);
            PlannedRun there = PlannedRuns.unprobed(planned.kind(), recipe, planned.command(), planned.environment(), folder,
                    planned.workers(), planned.workersSource(), planned.maxParallel(), planned.maxParallelSource(),
                    planned.warmups(), planned.notes());
            return new Session(id, Instant.parse("2024-04-01T00:00:00Z"),
                    new SessionSettings(ALL_KINDS, 1, 1, Optional.empty()), MACHINE, README,
                    List.of(new SessionProject("mng", folder, List.of(new SessionRun(there, RunStatus.DONE, "",
                            List.of(attempt))))), true);
        }

        @Test
        void comesFromTheLatestValidRunOfTheSameFolderRecipeAndKind() {
            store.with(earlier("20240420-100000", Path.of("/p/mng"), "test-integration", sample("12.500")));

            assertThat(estimateOfTheMngBaseline()).contains(Duration.ofMillis(12500));
        }

        @Test
        void anInvalidEarlierRunGivesNoEstimateButAnOlderValidOneDoes() {
            store.with(earlier("20240420-100000", Path.of("/p/mng"), "test-integration", sample("12.500")));
            store.with(earlier("20240425-100000", Path.of("/p/mng"), "test-integration", failed));

            assertThat(estimateOfTheMngBaseline()).contains(Duration.ofMillis(12500));
        }

        @Test
        void onlyAnInvalidEarlierRunGivesNone() {
            store.with(earlier("20240425-100000", Path.of("/p/mng"), "test-integration", failed));

            assertThat(estimateOfTheMngBaseline()).isEmpty();
        }

        @Test
        void anotherFolderOfTheSameProfileGivesNone() {
            store.with(earlier("20240425-100000", Path.of("/elsewhere/mng"), "test-integration", sample("12.500")));

            assertThat(estimateOfTheMngBaseline()).isEmpty();
        }

        @Test
        void anotherRecipeGivesNone() {
            store.with(earlier("20240425-100000", Path.of("/p/mng"), "test-unit", sample("12.500")));

            assertThat(estimateOfTheMngBaseline()).isEmpty();
        }
    }

    @Nested
    class Containment {
        @Test
        void eachExecutionsMarkerIsSavedBeforeItStartsAndClearedOnceItIsRecorded() {
            List<Optional<RunInProgress>> savedAtStart = new ArrayList<>();
            script = (call, request, output, cancel) -> {
                savedAtStart.add(store.lastSaved().running());
                return passing(Duration.ofSeconds(1));
            };

            Outcome outcome = run(command(List.of(RunKind.BASELINE, RunKind.HIGH), 1, 0));

            assertThat(requests).hasSize(4);
            for (int i = 0; i < requests.size(); i++) {
                RunInProgress running = savedAtStart.get(i).orElseThrow();
                assertThat(running.marker()).isEqualTo(requests.get(i).marker()).startsWith(NOW_ID + "-");
                assertThat(running.benchPid()).as("the lock's holder: this bench").isEqualTo(4242L);
                assertThat(running.processGroup()).isEmpty();
            }
            assertThat(requests).extracting(ExecutionRequest::marker).doesNotHaveDuplicates();
            assertThat(savedAtStart.get(1).orElseThrow().kind()).isEqualTo(RunKind.HIGH);
            assertThat(store.lastSaved().running()).isEmpty();
            assertThat(outcome.session().running()).isEmpty();
        }

        @Test
        void theProcessGroupIsSavedOnceTheCommandHasStarted() {
            List<Optional<RunInProgress>> savedOnStart = new ArrayList<>();
            script = (call, request, output, cancel) -> {
                output.started(4242, true);
                savedOnStart.add(store.lastSaved().running());
                return passing(Duration.ofSeconds(1));
            };

            run(command(List.of(RunKind.BASELINE), 1, 0));

            assertThat(savedOnStart).allSatisfy(running -> assertThat(running.orElseThrow().processGroup())
                    .hasValue(4242));
        }

        @Test
        void whatABenchThatDiedLeftRunningIsEndedUnderTheLockBeforeAnythingRuns() {
            RunInProgress died = new RunInProgress("mng", RunKind.HIGH, "20240430-100000-abc", 77, OptionalLong.of(80),
                    Instant.parse("2024-04-30T10:00:00Z"));
            store.with(stored("20240430-100000", false, run("mng", RunKind.HIGH, RunStatus.PENDING, ""))
                    .withRunning(died));
            List<LeftoverProcess> ended = List.of(new LeftoverProcess(81, "sleep 300"));
            when(executor.endLeftovers(List.of("20240430-100000-abc"))).thenReturn(ended);

            run(command(List.of(RunKind.BASELINE), 1, 0));

            InOrder order = inOrder(lock, executor, held);
            order.verify(lock).acquire();
            order.verify(executor).endLeftovers(List.of("20240430-100000-abc"));
            order.verify(executor, times(2)).execute(any(), any(), any());
            order.verify(held).close();
            verify(progress).leftoversEnded("20240430-100000", ended);
            assertThat(store.load("20240430-100000").orElseThrow().running()).isEmpty();
        }

        /** A probe belongs to no session: its marker was recorded beside the lock, and the next holder sweeps it. */
        @Test
        void whatAProbeOfABenchThatDiedLeftRunningIsEndedUnderTheLockBeforeAnythingIsProbed() {
            when(held.recordedProbes()).thenReturn(List.of("probe-0123456789abcdef01234567"));
            List<LeftoverProcess> ended = List.of(new LeftoverProcess(91, "bash -c while true; do date; done"));
            when(executor.endLeftovers(List.of("probe-0123456789abcdef01234567"))).thenReturn(ended);

            run(command(List.of(RunKind.BASELINE), 1, 0));

            InOrder order = inOrder(lock, executor, probe, held, planner);
            order.verify(lock).acquire();
            order.verify(executor).endLeftovers(List.of("probe-0123456789abcdef01234567"));
            order.verify(probe).discardLeftovers(List.of("probe-0123456789abcdef01234567"));
            order.verify(held).clearProbe("probe-0123456789abcdef01234567");
            order.verify(planner).plan(any(), eq(held), any(), any());
            order.verify(executor, times(2)).execute(any(), any(), any());
            verify(progress).probeLeftoversEnded(ended);
        }

        @Test
        void leftoversThatCannotBeEndedStopEverythingBeforeAnythingRuns() {
            store.with(stored("20240430-100000", false, run("mng", RunKind.HIGH, RunStatus.PENDING, ""))
                    .withRunning(new RunInProgress("mng", RunKind.HIGH, "m", 77, OptionalLong.empty(), NOW)));
            when(executor.endLeftovers(any())).thenThrow(new BenchException("could not be ended: sleep (pid 81)"));

            assertThatThrownBy(() -> run(everything())).hasMessageContaining("pid 81");

            verify(executor, never()).execute(any(), any(), any());
            assertThat(store.saved()).isEmpty();
            verify(held).close();
        }

        @Test
        void sessionsWithNothingUnderWayNeedNoSweep() {
            store.with(stored("20240430-100000", true, run("mng", RunKind.BASELINE, RunStatus.DONE, "",
                    sample("1.000"))));

            run(command(List.of(RunKind.BASELINE), 1, 0));

            verify(executor, never()).endLeftovers(any());
        }

        @Test
        void whatTheRunLeftRunningIsNotedOnItsAttempt() {
            script = (call, request, output, cancel) -> new Execution(0, Termination.EXITED, Duration.ofSeconds(1), NOW,
                    NOW.plusSeconds(1), Path.of("/log"), passedTally(4),
                    List.of(new LeftoverProcess(9, "sleep 300"), new LeftoverProcess(10, "")));

            Outcome outcome = run(command(List.of(RunKind.BASELINE), 1, 0));

            assertThat(runOf(outcome.session(), "mng", RunKind.BASELINE).attempts().get(0).notes())
                    .containsExactly("ended 2 processes it left running: sleep 300 (pid 9), pid 10");
        }

        @Test
        void aSignalWhileTheLastRunEndsStopsTheSessionUnfinished() {
            script = (call, request, output, cancel) -> {
                if (call == 2) {
                    cancel.cancel(); // Ctrl-C while the command's leftovers are being ended
                }
                return passing(Duration.ofSeconds(1));
            };

            Outcome outcome = run(command(List.of(RunKind.BASELINE), 1, 0));

            assertThat(outcome.ending()).isEqualTo(Ending.CANCELLED);
            assertThat(outcome.session().finished()).isFalse();
            assertThat(store.lastSaved().finished()).isFalse();
            assertThat(runOf(outcome.session(), "sculptor", RunKind.BASELINE).status()).isEqualTo(RunStatus.DONE);
        }

        @Test
        void aSignalWhileASampleEndsKeepsItAndStartsNoOther() {
            script = (call, request, output, cancel) -> {
                cancel.cancel();
                return passing(Duration.ofSeconds(1));
            };

            Outcome outcome = run(command(List.of(RunKind.BASELINE), 3, 0));

            assertThat(requests).hasSize(1);
            assertThat(outcome.ending()).isEqualTo(Ending.CANCELLED);
            SessionRun baseline = runOf(outcome.session(), "mng", RunKind.BASELINE);
            assertThat(baseline.status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(baseline.samples()).hasSize(1);
        }

        @Test
        void unreadableSessionsAreReportedAndSkipped() {
            SessionStore.Unreadable corrupt = new SessionStore.Unreadable("20240101-000000",
                    "/state/sessions/20240101-000000/session.json:1:1: invalid JSON");
            store.withUnreadable(corrupt);

            Outcome outcome = run(command(List.of(RunKind.BASELINE), 1, 0));

            verify(progress).sessionsSkipped(List.of(corrupt));
            assertThat(outcome.ending()).isEqualTo(Ending.FINISHED);
        }
    }

    @Nested
    class Secrets {
        private Session storedWithASecret() {
            PlannedRun planned = planned("mng", RunKind.BASELINE);
            PlannedRun withToken = planned.withEnvironment(
                    Map.of("API_TOKEN", dev.offloadbench.domain.plan.Secrets.REDACTED, "MODE", "fast"));
            SessionProject mng = new SessionProject("mng", Path.of("/p/mng"),
                    List.of(new SessionRun(withToken, RunStatus.PENDING, "", List.of())));
            return new Session("20240430-100000", Instant.parse("2024-04-30T10:00:00Z"),
                    new SessionSettings(List.of(RunKind.BASELINE), 1, 0, Optional.empty()), MACHINE, README,
                    List.of(mng), false);
        }

        @Test
        void aResumedSessionGetsItsSecretsFromTheConfigurationAgain() {
            store.with(storedWithASecret());
            when(planner.environment("mng")).thenReturn(Map.of("API_TOKEN", "s3cret", "MODE", "changed"));

            Outcome outcome = run(resume("20240430-100000"));

            assertThat(outcome.ending()).isEqualTo(Ending.FINISHED);
            assertThat(requests).singleElement().satisfies(request -> assertThat(request.environment())
                    .containsEntry("API_TOKEN", "s3cret").containsEntry("MODE", "fast"));
        }

        /**
         * Restoring a secret changes the environment alone: the Offload run keeps the provider of
         * its configuration and what its probe saw, so the published provider stays the true one.
         */
        @Test
        void aResumedOffloadRunWithASecretKeepsItsProviderAndItsProbe() {
            ProbeResult probe = ProbeResult.observed(List.of(), List.of(new ObservedOffload(Path.of("/p/mng"),
                    List.of("-c", "offload-local.toml", "run"))), 0, Duration.ofSeconds(2));
            PlannedRun offload = new PlannedRun(RunKind.OFFLOAD, "test-offload", List.of("just", "test-offload"),
                    Map.of("API_TOKEN", dev.offloadbench.domain.plan.Secrets.REDACTED), Path.of("/p/mng"),
                    OptionalInt.empty(), Optional.empty(), OptionalInt.of(4), Optional.of("offload-local.toml:2"), 0,
                    List.of(), Optional.of(OffloadProvider.LOCAL), Optional.of(probe));
            store.with(new Session("20240430-100000", Instant.parse("2024-04-30T10:00:00Z"),
                    new SessionSettings(List.of(RunKind.OFFLOAD), 1, 0, Optional.empty()), MACHINE, README,
                    List.of(new SessionProject("mng", Path.of("/p/mng"),
                            List.of(new SessionRun(offload, RunStatus.PENDING, "", List.of())))), false));
            when(planner.environment("mng")).thenReturn(Map.of("API_TOKEN", "s3cret"));

            Outcome outcome = run(resume("20240430-100000"));

            assertThat(outcome.ending()).isEqualTo(Ending.FINISHED);
            assertThat(requests).singleElement().satisfies(request -> assertThat(request.environment())
                    .containsEntry("API_TOKEN", "s3cret"));
            PlannedRun resumed = outcome.session().projects().get(0).runs().get(0).planned();
            assertThat(resumed.provider()).contains(OffloadProvider.LOCAL);
            assertThat(resumed.probe()).contains(probe);
            assertThat(SessionResults.of(outcome.session()).projects().get(0).provider())
                    .isEqualTo(OffloadProvider.LOCAL);
        }

        @Test
        void aSecretTheConfigurationNoLongerGivesStopsTheResumeNamingIt() {
            store.with(storedWithASecret());
            when(planner.environment("mng")).thenReturn(Map.of());

            assertThatThrownBy(() -> run(resume("20240430-100000")))
                    .isInstanceOf(BenchException.class)
                    .hasMessageContaining("session 20240430-100000 ran mng with API_TOKEN set")
                    .hasMessageContaining("put it back in `env` under [projects.mng]");
            verify(executor, never()).execute(any(), any(), any());
        }
    }
}
