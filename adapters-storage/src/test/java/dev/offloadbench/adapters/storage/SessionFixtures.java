package dev.offloadbench.adapters.storage;

import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.plan.MachineDescription;
import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.probe.ObservedOffload;
import dev.offloadbench.domain.probe.ObservedPytest;
import dev.offloadbench.domain.probe.ProbeResult;
import dev.offloadbench.domain.run.Termination;
import dev.offloadbench.domain.run.TestTally;
import dev.offloadbench.domain.session.Attempt;
import dev.offloadbench.domain.session.RunStatus;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionProject;
import dev.offloadbench.domain.session.SessionRun;
import dev.offloadbench.domain.session.SessionSettings;
import dev.offloadbench.domain.session.SkipReason;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Sessions for the store's tests: one with every kind of run and attempt, and a small one. */
final class SessionFixtures {
    static final Path MNG = Path.of("/home/me/src/mng");
    static final Path SCULPTOR = Path.of("/home/me/src/sculptor");
    static final Path DEMO = Path.of("/home/me/src/offload-bench/examples/demo");

    private SessionFixtures() {
    }

    /**
     * Three projects: mng finished every run (three samples each, one invalid, an Offload warm-up
     * that failed); sculptor has one sample, a cancelled run and a skipped one; demo timed out on
     * its first run and left the others pending.
     */
    static Session rich(Path logs) {
        SessionSettings settings = new SessionSettings(List.of(RunKind.BASELINE, RunKind.HIGH, RunKind.OFFLOAD), 3, 1,
                Optional.of(Duration.ofMinutes(30).plusMillis(500)));
        SessionProject mng = new SessionProject("mng", MNG, List.of(
                new SessionRun(local(RunKind.BASELINE, MNG, 4), RunStatus.DONE, "", List.of(
                        sample(logs, "mng-baseline-sample-1.log", "2026-11-27T14:15:31Z", "120.50", tally(5275, 5275, 0)),
                        new Attempt(false, Instant.parse("2026-11-27T14:17:32.250Z"),
                                Instant.parse("2026-11-27T14:19:30.450Z"), new BigDecimal("118.2"), 1,
                                Termination.EXITED, tally(5275, 5273, 2), logs.resolve("mng-baseline-sample-2.log"),
                                Validity.invalid("2 tests failed"), List.of()),
                        sample(logs, "mng-baseline-sample-3.log", "2026-11-27T14:19:31Z", "121.000",
                                tally(5275, 5275, 0)))),
                new SessionRun(local(RunKind.HIGH, MNG, 8), RunStatus.DONE, "", List.of(
                        noted(sample(logs, "mng-high-sample-1.log", "2026-11-27T14:21:40Z", "80.1", tally(5275, 5275, 0)),
                                "xdist started 7 workers, the plan says 8"),
                        sample(logs, "mng-high-sample-2.log", "2026-11-27T14:23:00Z", "79.9", tally(5275, 5275, 0)),
                        sample(logs, "mng-high-sample-3.log", "2026-11-27T14:24:30Z", "80.0", tally(5275, 5275, 0)))),
                new SessionRun(offload(MNG, OptionalInt.of(200), Optional.of("offload.toml:12")), RunStatus.DONE, "",
                        List.of(new Attempt(true, Instant.parse("2026-11-27T14:26:00Z"),
                                        Instant.parse("2026-11-27T14:27:10Z"), new BigDecimal("70.000"), 1,
                                        Termination.EXITED, offloadTally(5275, 5270, 0, 5, 0),
                                        logs.resolve("mng-offload-warmup-1.log"),
                                        Validity.invalid("5 tests not run"), List.of()),
                                sample(logs, "mng-offload-sample-1.log", "2026-11-27T14:27:20Z", "30.2",
                                        offloadTally(5275, 5273, 0, 0, 2)),
                                sample(logs, "mng-offload-sample-2.log", "2026-11-27T14:28:00Z", "29.8",
                                        offloadTally(5275, 5275, 0, 0, 0)),
                                sample(logs, "mng-offload-sample-3.log", "2026-11-27T14:28:40Z", "31",
                                        offloadTally(5275, 5275, 0, 0, 0))))));
        SessionProject sculptor = new SessionProject("sculptor", SCULPTOR, List.of(
                new SessionRun(probed(local(RunKind.BASELINE, SCULPTOR, 3)), RunStatus.DONE, "", List.of(
                        sample(logs, "sculptor-baseline-sample-1.log", "2026-11-27T14:30:00Z", "726.0",
                                new TestTally(OptionalInt.of(345), 340, 0, 0, 5, 0, 0, 0, 0, OptionalInt.empty(), true,
                                        false)))),
                new SessionRun(local(RunKind.HIGH, SCULPTOR, 6), RunStatus.CANCELLED, "interrupted (Ctrl-C)", List.of(
                        new Attempt(false, Instant.parse("2026-11-27T14:42:10Z"), Instant.parse("2026-11-27T14:43:00Z"),
                                new BigDecimal("50.017"), 130, Termination.CANCELLED, TestTally.NOTHING,
                                logs.resolve("sculptor-high-sample-1.log"), Validity.invalid("cancelled"), List.of()))),
                SessionRun.pending(offload(SCULPTOR, OptionalInt.empty(), Optional.empty())).skipped(
                        SkipReason.OFFLOAD_UNAVAILABLE, "offload is not installed; install it with: cargo install"
                                + " offload")));
        SessionProject demo = new SessionProject("demo", DEMO, List.of(
                new SessionRun(local(RunKind.BASELINE, DEMO, 2), RunStatus.TIMED_OUT, "ran past the timeout of 30m0.5s",
                        List.of(new Attempt(false, Instant.parse("2026-11-27T14:43:05Z"),
                                Instant.parse("2026-11-27T15:13:05.500Z"), new BigDecimal("1800.500"), -1,
                                Termination.TIMED_OUT,
                                new TestTally(OptionalInt.empty(), 3, 0, 0, 0, 0, 0, 0, 0, OptionalInt.of(2), false,
                                        false),
                                logs.resolve("demo-baseline-sample-1.log"), Validity.invalid("timed out"),
                                List.of("ended with every process it started")))),
                SessionRun.pending(new PlannedRun(RunKind.HIGH, "test-integration", List.of("just", "test-integration"),
                        Map.of(), DEMO, OptionalInt.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(), 0,
                        List.of(), Optional.empty(), Optional.empty())),
                SessionRun.pending(offloadProbed(offload(DEMO, OptionalInt.of(4), Optional.of("offload.toml:3"))))));
        return new Session("20261127-141530", Instant.parse("2026-11-27T14:15:30.123456789Z"), settings,
                new MachineDescription("MacBook Pro — Apple M4 \"Pro\" (10 cores), 16 GB RAM",
                        MachineDescription.Source.CONFIG),
                Path.of("/home/me/src/README.md"), List.of(mng, sculptor, demo), false);
    }

    /** One project, one run, one sample: small enough to show the whole file. */
    static Session small(String id, Instant created, Path logs) {
        PlannedRun baseline = new PlannedRun(RunKind.BASELINE, "test-integration",
                List.of("just", "test-integration"), Map.of("PYTEST_WORKERS", "2", "CI", "1"), DEMO, OptionalInt.of(2),
                Optional.of("justfile:4"), OptionalInt.empty(), Optional.empty(), 0, List.of("-n auto is 2 here"), Optional.empty(), Optional.empty());
        Attempt attempt = new Attempt(false, Instant.parse("2026-11-27T14:15:31Z"),
                Instant.parse("2026-11-27T14:15:33.5Z"), new BigDecimal("2.500"), 0, Termination.EXITED,
                new TestTally(OptionalInt.of(12), 10, 0, 0, 1, 1, 0, 0, 0, OptionalInt.of(2), true, false),
                logs.resolve("demo-baseline-sample-1.log"), Validity.VALID, List.of());
        return new Session(id, created, new SessionSettings(List.of(RunKind.BASELINE), 1, 1, Optional.empty()),
                new MachineDescription("a laptop", MachineDescription.Source.DETECTED), DEMO.resolve("README.md"),
                List.of(new SessionProject("demo", DEMO, List.of(
                        new SessionRun(baseline, RunStatus.DONE, "", List.of(attempt))))),
                true);
    }

    private static PlannedRun local(RunKind kind, Path project, int workers) {
        return new PlannedRun(kind, "test-integration", List.of("just", "test-integration"),
                Map.of("JUST_VERBOSE", "1", "PYTEST_XDIST_WORKERS", Integer.toString(workers)), project,
                OptionalInt.of(workers), Optional.of(kind == RunKind.BASELINE ? "pyproject.toml:31 (-n 4)"
                        : "PYTEST_XDIST_WORKERS=" + workers),
                OptionalInt.empty(), Optional.empty(), 0, List.of("-n auto would start 10 workers here"), Optional.empty(), Optional.empty());
    }

    /** The run as verified by a probe: sculptor's `-n auto --maxprocesses 3`, pytest.ini in a subfolder. */
    private static PlannedRun probed(PlannedRun run) {
        ProbeResult probe = ProbeResult.observed(List.of(new ObservedPytest(3, Optional.of("auto"), OptionalInt.of(3),
                OptionalInt.of(3), true, run.directory().resolve("sculptor"),
                Optional.of(run.directory().resolve("sculptor/pytest.ini")), run.directory(),
                List.of("-n", "auto", "--maxprocesses", "3", "sculptor/tests/integration/"), "/usr/bin/python3")),
                List.of(), 0, Duration.ofMillis(41_250));
        return withProbe(run, probe);
    }

    private static PlannedRun offloadProbed(PlannedRun run) {
        return withProbe(run, ProbeResult.observed(List.of(), List.of(new ObservedOffload(run.directory(),
                List.of("--version")), new ObservedOffload(run.directory(), List.of("run", "--trace", "--parallel",
                "4"))), 0, Duration.ofNanos(1_500_000_001)));
    }

    private static PlannedRun withProbe(PlannedRun run, ProbeResult probe) {
        return new PlannedRun(run.kind(), run.recipe(), run.command(), run.environment(), run.directory(),
                run.workers(), run.workersSource(), run.maxParallel(), run.maxParallelSource(), run.warmups(),
                run.notes(), run.provider(), Optional.of(probe));
    }

    private static PlannedRun offload(Path project, OptionalInt maxParallel, Optional<String> source) {
        return new PlannedRun(RunKind.OFFLOAD, "test-offload", List.of("just", "test-offload"), Map.of(), project,
                OptionalInt.empty(), Optional.empty(), maxParallel, source, 1, List.of(), Optional.empty(), Optional.empty());
    }

    private static Attempt sample(Path logs, String log, String started, String seconds, TestTally tally) {
        Instant start = Instant.parse(started);
        BigDecimal time = new BigDecimal(seconds);
        return new Attempt(false, start, start.plusMillis(time.movePointRight(3).longValue()), time, 0,
                Termination.EXITED, tally, logs.resolve(log), Validity.VALID, List.of());
    }

    private static Attempt noted(Attempt attempt, String note) {
        return new Attempt(attempt.warmup(), attempt.started(), attempt.finished(), attempt.seconds(),
                attempt.exitCode(), attempt.termination(), attempt.tally(), attempt.log(), attempt.validity(),
                List.of(note));
    }

    private static TestTally tally(int collected, int passed, int failed) {
        return new TestTally(OptionalInt.of(collected), passed, failed, 0, 0, 0, 0, 0, 0, OptionalInt.of(4), true,
                false);
    }

    private static TestTally offloadTally(int total, int passed, int failed, int notRun, int flaky) {
        return new TestTally(OptionalInt.of(total), passed, failed, 0, 0, 0, 0, notRun, flaky, OptionalInt.empty(),
                true, false);
    }
}
