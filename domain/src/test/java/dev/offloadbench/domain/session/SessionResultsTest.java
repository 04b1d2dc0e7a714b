package dev.offloadbench.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.ProjectResults;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.RunOutcome;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.plan.MachineDescription;
import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.plan.PlannedRuns;
import dev.offloadbench.domain.run.Termination;
import dev.offloadbench.domain.run.TestTally;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SessionResultsTest {
    private static final Instant AT = Instant.parse("2024-05-01T00:00:00Z");

    private static PlannedRun planned(RunKind kind, int workersOrMaxParallel) {
        boolean offload = kind == RunKind.OFFLOAD;
        return PlannedRuns.unprobed(kind, "r", List.of("just", "r"), Map.of(), Path.of("/p"),
                offload ? OptionalInt.empty() : OptionalInt.of(workersOrMaxParallel), Optional.empty(),
                offload ? OptionalInt.of(workersOrMaxParallel) : OptionalInt.empty(), Optional.empty(),
                offload ? 1 : 0, List.of());
    }

    private static TestTally collected(int collected) {
        return new TestTally(OptionalInt.of(collected), collected, 0, 0, 0, 0, 0, 0, 0, OptionalInt.empty(), true,
                false);
    }

    private static Attempt attempt(boolean warmup, String seconds, TestTally tally, Validity validity) {
        return new Attempt(warmup, AT, AT, new BigDecimal(seconds), validity.valid() ? 0 : 1, Termination.EXITED,
                tally, Path.of("/log"), validity, List.of());
    }

    private static Attempt sample(String seconds) {
        return attempt(false, seconds, collected(10), Validity.VALID);
    }

    private static SessionRun done(PlannedRun planned, Attempt... attempts) {
        return new SessionRun(planned, RunStatus.DONE, "", List.of(attempts));
    }

    private static Session session(SessionProject... projects) {
        return new Session("20240501-000000", AT, new SessionSettings(List.of(RunKind.values()), 1, 1,
                Optional.empty()), new MachineDescription("Test rig (4 cores)", MachineDescription.Source.CONFIG),
                Path.of("/README.md"), List.of(projects), true);
    }

    private static SessionProject project(String profile, SessionRun... runs) {
        return new SessionProject(profile, Path.of("/p", profile), List.of(runs));
    }

    private static ProjectResults only(Session session) {
        BenchmarkResults results = SessionResults.of(session);
        assertThat(results.projects()).hasSize(1);
        return results.projects().get(0);
    }

    @Test
    void aRunsTimeIsTheMeanOfItsSamplesWithoutTheWarmUp() {
        SessionRun offload = done(planned(RunKind.OFFLOAD, 50), attempt(true, "500", collected(10), Validity.VALID),
                sample("10"), sample("11"), sample("15"));

        RunOutcome outcome = SessionResults.outcome(offload).orElseThrow();

        assertThat(outcome.seconds()).isEqualTo(new BigDecimal("12.000"));
        assertThat(outcome.kind()).isEqualTo(RunKind.OFFLOAD);
        assertThat(outcome.validity()).isEqualTo(Validity.VALID);
    }

    @Test
    void aLocalRunCarriesItsPlannedWorkerCount() {
        RunOutcome outcome = SessionResults.outcome(done(planned(RunKind.HIGH, 8), sample("3"))).orElseThrow();

        assertThat(outcome.workers()).hasValue(8);
    }

    @Test
    void aRunIsInvalidWhenAnyOfItsSamplesIsGivingEachReasonOnce() {
        SessionRun baseline = done(planned(RunKind.BASELINE, 4), sample("10"),
                attempt(false, "11", collected(10), Validity.invalid("exit code 1; 1 failed")),
                attempt(false, "12", collected(10), Validity.invalid("exit code 1; 1 failed")),
                attempt(false, "13", collected(10), Validity.invalid("exit code 1; 2 failed")));

        RunOutcome outcome = SessionResults.outcome(baseline).orElseThrow();

        assertThat(outcome.validity()).isEqualTo(Validity.invalid("exit code 1; 1 failed; exit code 1; 2 failed"));
        assertThat(outcome.seconds()).isEqualTo(new BigDecimal("11.500"));
    }

    @Test
    void anInvalidWarmUpDoesNotMakeTheRunInvalid() {
        SessionRun offload = done(planned(RunKind.OFFLOAD, 50),
                attempt(true, "90", collected(10), Validity.invalid("exit code 1; 3 not run")), sample("10"));

        assertThat(SessionResults.outcome(offload).orElseThrow().validity()).isEqualTo(Validity.VALID);
    }

    @Test
    void runsNotDoneAreLeftOut() {
        Session session = session(project("mng",
                done(planned(RunKind.BASELINE, 4), sample("10")),
                new SessionRun(planned(RunKind.HIGH, 8), RunStatus.CANCELLED, "interrupted", List.of(sample("4"))),
                new SessionRun(planned(RunKind.OFFLOAD, 50), RunStatus.SKIPPED, "offload is not installed",
                        List.of())));

        assertThat(only(session).runs()).extracting(RunOutcome::kind).containsExactly(RunKind.BASELINE);
        assertThat(SessionResults.outcome(new SessionRun(planned(RunKind.HIGH, 8), RunStatus.PENDING, "",
                List.of(sample("1"))))).isEmpty();
        assertThat(SessionResults.outcome(new SessionRun(planned(RunKind.HIGH, 8), RunStatus.TIMED_OUT, "t",
                List.of(sample("1"))))).isEmpty();
    }

    @Test
    void theTestCountIsTheBaselinesCollectedItems() {
        Session session = session(project("mng",
                done(planned(RunKind.BASELINE, 4), attempt(false, "10", collected(1234), Validity.VALID)),
                done(planned(RunKind.HIGH, 8), attempt(false, "8", collected(1240), Validity.VALID)),
                done(planned(RunKind.OFFLOAD, 50), attempt(false, "2", collected(1300), Validity.VALID))));

        assertThat(only(session).testCount()).isEqualTo(1234);
    }

    @Test
    void withoutACollectedLineTheTestCountComesFromTheBaselinesSummary() {
        TestTally quiet = new TestTally(OptionalInt.empty(), 90, 0, 0, 8, 2, 0, 0, 0, OptionalInt.of(4), true,
                false);
        Session session = session(project("mng",
                done(planned(RunKind.BASELINE, 4), attempt(false, "10", quiet, Validity.VALID)),
                done(planned(RunKind.OFFLOAD, 50), attempt(false, "2", collected(1300), Validity.VALID))));

        assertThat(only(session).testCount()).isEqualTo(100);
    }

    @Test
    void withoutABaselineTheTestCountComesFromTheNextRun() {
        Session session = session(project("mng",
                new SessionRun(planned(RunKind.BASELINE, 4), RunStatus.SKIPPED, "not requested", List.of()),
                done(planned(RunKind.HIGH, 8), attempt(false, "8", collected(77), Validity.VALID))));

        assertThat(only(session).testCount()).isEqualTo(77);
    }

    @Test
    void maxParallelComesFromThePlannedOffloadRun() {
        Session session = session(project("mng", done(planned(RunKind.BASELINE, 4), sample("10")),
                new SessionRun(planned(RunKind.OFFLOAD, 50), RunStatus.SKIPPED, "offload is not installed",
                        List.of())));

        assertThat(only(session).maxParallel()).isEqualTo(50);
    }

    @Test
    void theProviderComesFromThePlannedOffloadRunAndIsModalForOlderSessions() {
        PlannedRun local = planned(RunKind.OFFLOAD, 4);
        local = new PlannedRun(local.kind(), local.recipe(), local.command(), local.environment(), local.directory(),
                local.workers(), local.workersSource(), local.maxParallel(), local.maxParallelSource(), local.warmups(),
                local.notes(), Optional.of(OffloadProvider.LOCAL), Optional.empty());
        Session session = session(project("mng", done(planned(RunKind.BASELINE, 4), sample("10")),
                new SessionRun(local, RunStatus.SKIPPED, "offload is not installed", List.of())));
        Session older = session(project("mng", done(planned(RunKind.BASELINE, 4), sample("10")),
                new SessionRun(planned(RunKind.OFFLOAD, 4), RunStatus.SKIPPED, "offload is not installed",
                        List.of())));

        assertThat(only(session).provider()).isEqualTo(OffloadProvider.LOCAL);
        assertThat(only(older).provider()).isEqualTo(OffloadProvider.MODAL);
    }

    @Test
    void withoutAnOffloadRunMaxParallelIsOne() {
        Session session = session(project("mng", done(planned(RunKind.BASELINE, 4), sample("10"))));

        assertThat(only(session).maxParallel()).isEqualTo(1);
    }

    @Test
    void theResultsNameTheMachineAndKeepTheProjectsInOrder() {
        Session session = session(project("sculptor", done(planned(RunKind.BASELINE, 4), sample("10"))),
                project("mng", done(planned(RunKind.BASELINE, 4), sample("20"))));

        BenchmarkResults results = SessionResults.of(session);

        assertThat(results.machine()).isEqualTo("Test rig (4 cores)");
        assertThat(results.projects()).extracting(ProjectResults::profileId).containsExactly("sculptor", "mng");
    }
}
