package dev.offloadbench.domain.service.running;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.check.CheckResult;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.plan.BenchmarkPlan;
import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.plan.ProjectPlan;
import dev.offloadbench.domain.port.in.CheckPrerequisites;
import dev.offloadbench.domain.port.in.PlanBenchmark;
import dev.offloadbench.domain.port.in.RunBenchmark;
import dev.offloadbench.domain.port.out.MachineProbe;
import dev.offloadbench.domain.port.out.ProgressListener;
import dev.offloadbench.domain.port.out.RunExecutor;
import dev.offloadbench.domain.port.out.SessionLock;
import dev.offloadbench.domain.port.out.SessionStore;
import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Execution;
import dev.offloadbench.domain.run.ExecutionRequest;
import dev.offloadbench.domain.run.Termination;
import dev.offloadbench.domain.service.PrerequisiteChecker;
import dev.offloadbench.domain.session.Attempt;
import dev.offloadbench.domain.session.RunStatus;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionProject;
import dev.offloadbench.domain.session.SessionRun;
import dev.offloadbench.domain.session.SessionEvents;
import dev.offloadbench.domain.session.SessionSettings;
import dev.offloadbench.domain.session.Statistics;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.spi.RunListener;
import dev.offloadbench.domain.spi.TestOutputParser;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Steps 2 and 6 of the procedure: checks the prerequisites, plans, then runs every planned run
 * strictly one after another under a machine-wide lock, judging each execution and saving the
 * session after every one of them, so that an interrupt, a timeout or a crash loses nothing
 * finished. A resumed session skips what is finished and runs the rest again from the start.
 */
public final class SessionRunner implements RunBenchmark {
    private static final DateTimeFormatter ID_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final CheckPrerequisites checks;
    private final PlanBenchmark planner;
    private final RunExecutor executor;
    private final SessionStore store;
    private final SessionLock lock;
    private final MachineProbe machine;
    private final Clock clock;
    private final RunListeners listeners;
    private final OutputParsers parsers;

    public SessionRunner(CheckPrerequisites checks, PlanBenchmark planner, RunExecutor executor, SessionStore store,
            SessionLock lock, MachineProbe machine, Clock clock) {
        this(checks, planner, executor, store, lock, machine, clock, List.of(),
                OutputParsers.none(new ProfileRegistry()));
    }

    /**
     * @param listeners told of each session and each finished execution, always after its clock has stopped
     * @param parsers read the output of the runners other than pytest that profiles name
     */
    public SessionRunner(CheckPrerequisites checks, PlanBenchmark planner, RunExecutor executor, SessionStore store,
            SessionLock lock, MachineProbe machine, Clock clock, List<RunListener> listeners, OutputParsers parsers) {
        this.checks = checks;
        this.planner = planner;
        this.executor = executor;
        this.store = store;
        this.lock = lock;
        this.machine = machine;
        this.clock = clock;
        this.listeners = new RunListeners(listeners);
        this.parsers = parsers;
    }

    @Override
    public Outcome run(Command command, ProgressListener progress, Cancellation cancellation) {
        try (SessionLock.Held exclusive = lock.acquire()) {
            List<CheckResult> checked = checks.check(new CheckPrerequisites.Options(false, false));
            progress.checked(checked);
            Session session;
            if (command.resume().isPresent()) {
                Session stored = new SessionCatalog(store).find(command.resume().get());
                requireWhatRunsNeed(checked, stored.projects().stream().map(SessionProject::profileId).toList(),
                        hasPendingOffload(stored), command.offloadOptional());
                parsers.requireFor(stored.projects().stream().map(SessionProject::profileId).toList());
                session = resume(stored, checked, progress);
            } else {
                BenchmarkPlan plan = planner.plan(new PlanBenchmark.Query(command.profiles()));
                if (!plan.complete()) {
                    throw new BenchException("the plan is incomplete, nothing was run (bench plan shows the details):"
                            + plan.problems().stream().map(p -> "\n  - " + p).collect(Collectors.joining()));
                }
                // optional Offload still needs something else to run: a session of offload runs alone cannot skip them
                boolean onlyOffload = command.kinds().stream().noneMatch(RunKind::isLocal);
                requireWhatRunsNeed(checked, plan.profiles().stream().map(ProjectPlan::profileId).toList(),
                        command.kinds().contains(RunKind.OFFLOAD), command.offloadOptional() && !onlyOffload);
                parsers.requireFor(plan.profiles().stream().map(ProjectPlan::profileId).toList());
                session = create(command, plan, checked, progress);
            }
            listeners.sessionStarted(SessionEvents.started(session, command.resume().isPresent()), progress);
            Outcome outcome = execute(session, progress, cancellation);
            if (!listeners.isEmpty()) {
                listeners.sessionFinished(SessionEvents.finished(outcome.session()), progress);
            }
            return outcome;
        }
    }

    /**
     * Stops before anything is recorded when a prerequisite of the runs to come is missing: a
     * general one (just, a project of this session), or Offload's when offload runs are to run
     * and the configuration does not make them optional.
     */
    private static void requireWhatRunsNeed(List<CheckResult> checked, List<String> profiles, boolean offloadRuns,
            boolean offloadOptional) {
        List<CheckResult> missing = checked.stream().filter(CheckResult::failed)
                .filter(r -> r.offloadOnly() ? offloadRuns && !offloadOptional : concerns(r, profiles))
                .toList();
        if (!missing.isEmpty()) {
            boolean onlyOffload = missing.stream().allMatch(CheckResult::offloadOnly);
            throw new BenchException("prerequisites missing, nothing was run: " + missing.stream()
                    .map(r -> r.name() + ": " + r.detail() + r.remedy().map(f -> " (" + f + ")").orElse(""))
                    .collect(Collectors.joining("; "))
                    + (onlyOffload ? ". To run the local runs alone: --kinds baseline,high" : ""));
        }
    }

    /** A failed general check concerns a session unless it is about one of the projects the session leaves out. */
    private static boolean concerns(CheckResult result, List<String> profiles) {
        if (!result.name().startsWith("project ")) {
            return true;
        }
        return profiles.contains(result.name().substring("project ".length()));
    }

    private static boolean hasPendingOffload(Session session) {
        return session.entries().stream().anyMatch(e -> e.run().planned().kind() == RunKind.OFFLOAD
                && e.run().status() != RunStatus.DONE && e.run().status() != RunStatus.SKIPPED);
    }

    private Session create(Command command, BenchmarkPlan plan, List<CheckResult> checked,
            ProgressListener progress) {
        Optional<String> offloadMissing = whyOffloadCannotRun(checked);
        List<SessionProject> projects = new ArrayList<>();
        for (ProjectPlan project : plan.profiles()) {
            List<SessionRun> runs = new ArrayList<>();
            for (PlannedRun planned : project.runs()) {
                SessionRun run = SessionRun.pending(planned);
                if (!command.kinds().contains(planned.kind())) {
                    run = run.withStatus(RunStatus.SKIPPED, "not requested (--kinds " + command.kinds().stream()
                            .map(RunKind::id).collect(Collectors.joining(",")) + ")");
                } else if (planned.kind() == RunKind.OFFLOAD && offloadMissing.isPresent()) {
                    run = run.withStatus(RunStatus.SKIPPED, offloadMissing.get());
                }
                runs.add(run);
            }
            projects.add(new SessionProject(project.profileId(), project.path(), runs));
        }
        SessionSettings settings = new SessionSettings(command.kinds(), command.runs(), command.offloadWarmups(),
                command.timeout());
        Session session = new Session(newId(), clock.instant(), settings, plan.machine(), plan.readme(), projects,
                false);
        store.save(session);
        progress.sessionStarted(session, false);
        return session;
    }

    /** The offload binary missing says it all; otherwise each failed Offload prerequisite, with its remedy. */
    private static Optional<String> whyOffloadCannotRun(List<CheckResult> checked) {
        List<CheckResult> failed = checked.stream().filter(r -> r.offloadOnly() && r.failed()).toList();
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(failed.stream().filter(r -> r.name().equals("offload")).findFirst()
                .map(r -> "offload is not installed (" + PrerequisiteChecker.OFFLOAD_INSTALL + ")")
                .orElseGet(() -> failed.stream()
                        .map(r -> r.name() + ": " + r.detail() + r.remedy().map(f -> " (" + f + ")").orElse(""))
                        .collect(Collectors.joining("; "))));
    }

    /**
     * Continues a session: finished runs stay as they are; an unfinished one keeps its finished
     * timed samples and runs the missing ones (after fresh warm-ups, for Offload); offload runs
     * that cannot run now (offload optional and missing) are skipped, saying why.
     */
    private Session resume(Session stored, List<CheckResult> checked, ProgressListener progress) {
        if (stored.finished()) {
            throw new BenchException("session " + stored.id() + " has finished; there is nothing to resume."
                    + " Start a new one with bench run");
        }
        Optional<String> offloadMissing = whyOffloadCannotRun(checked);
        Session resumed = stored;
        for (Session.Entry entry : stored.entries()) {
            SessionRun run = entry.run();
            boolean skippedForWantOfOffload = run.status() == RunStatus.SKIPPED
                    && run.planned().kind() == RunKind.OFFLOAD && stored.settings().kinds().contains(RunKind.OFFLOAD);
            if (run.status() == RunStatus.DONE || run.status() == RunStatus.SKIPPED && !skippedForWantOfOffload) {
                continue;
            }
            SessionRun continued = run.resumed();
            if (run.planned().kind() == RunKind.OFFLOAD && offloadMissing.isPresent()) {
                continued = continued.withStatus(RunStatus.SKIPPED, offloadMissing.get());
            }
            resumed = resumed.replace(entry.profileId(), continued);
        }
        store.save(resumed);
        progress.sessionStarted(resumed, true);
        return resumed;
    }

    private Outcome execute(Session start, ProgressListener progress, Cancellation cancellation) {
        Session session = start;
        for (Session.Entry entry : start.entries()) {
            SessionRun run = entry.run();
            if (run.status() != RunStatus.PENDING) {
                progress.runSkipped(entry.profileId(), run.planned().kind(),
                        run.status() == RunStatus.DONE ? "finished earlier in this session" : run.reason());
                continue;
            }
            if (cancellation.isCancelled()) {
                return stop(session, entry.profileId(), run, RunStatus.CANCELLED, "interrupted", Ending.CANCELLED);
            }
            int samples = session.settings().runs();
            int done = run.samples().size();
            int warmups = run.planned().kind() == RunKind.OFFLOAD && done < samples
                    ? session.settings().offloadWarmups() : 0;
            Optional<Duration> estimate = previousTime(session, entry.profileId(), run.planned().kind());
            for (int i = 0; i < warmups + samples - done; i++) {
                boolean warmup = i < warmups;
                int number = warmup ? i + 1 : done + i - warmups + 1;
                warnWhenBusy(progress);
                progress.attemptStarted(entry.profileId(), run.planned().kind(), run.planned().command(), warmup,
                        number, warmup ? warmups : samples, estimate);
                Attempt attempt = attempt(session, entry.profileId(), run.planned(), warmup, number, progress,
                        cancellation);
                run = run.with(attempt);
                session = session.replace(entry.profileId(), run);
                store.save(session);
                progress.attemptFinished(entry.profileId(), run.planned().kind(), attempt);
                listeners.runFinished(SessionEvents.finishedRun(session.id(), entry.profileId(), run.planned(),
                        attempt, number), progress);
                if (attempt.termination() == Termination.CANCELLED) {
                    return stop(session, entry.profileId(), run, RunStatus.CANCELLED, "interrupted",
                            Ending.CANCELLED);
                }
                if (attempt.termination() == Termination.TIMED_OUT) {
                    return stop(session, entry.profileId(), run, RunStatus.TIMED_OUT, "ran past --timeout "
                            + session.settings().timeout().map(SessionRunner::describe).orElse(""),
                            Ending.TIMED_OUT);
                }
            }
            run = run.withStatus(RunStatus.DONE, "");
            session = session.replace(entry.profileId(), run);
            store.save(session);
        }
        session = session.markFinished();
        store.save(session);
        return new Outcome(session, Ending.FINISHED);
    }

    private Outcome stop(Session session, String profileId, SessionRun run, RunStatus status, String reason,
            Ending ending) {
        Session stopped = session.replace(profileId, run.withStatus(status, reason));
        store.save(stopped);
        return new Outcome(stopped, ending);
    }

    private Attempt attempt(Session session, String profileId, PlannedRun planned, boolean warmup, int number,
            ProgressListener progress, Cancellation cancellation) {
        Optional<GuardedOutputParser> parser = parsers.forRun(profileId, planned.kind()).map(GuardedOutputParser::new);
        ExecutionRequest request = new ExecutionRequest(planned.command(), planned.environment(),
                planned.directory(), store.logFile(session.id(), profileId, planned.kind(), warmup, number),
                session.settings().timeout(), parser.map(TestOutputParser.class::cast));
        Execution execution = executor.execute(request, progress::output, cancellation);
        BigDecimal seconds = BigDecimal.valueOf(execution.elapsed().toMillis()).movePointLeft(3);
        Validity validity = Verdict.validity(execution);
        Optional<String> parserFailure = parser.flatMap(GuardedOutputParser::failure);
        if (parserFailure.isPresent()) {
            validity = Verdict.withReason(validity, parserFailure.get());
        }
        return new Attempt(warmup, execution.started(), execution.finished(), seconds, execution.exitCode(),
                execution.termination(), execution.tally(), execution.log(), validity,
                Verdict.notes(execution, planned));
    }

    private void warnWhenBusy(ProgressListener progress) {
        MachineProbe.Load load = machine.load();
        if (load.isHigh()) {
            progress.machineBusy(load);
        }
    }

    /** The mean of the same run in the latest earlier session that finished it. */
    private Optional<Duration> previousTime(Session current, String profileId, RunKind kind) {
        List<Session> sessions = store.list();
        for (int i = sessions.size() - 1; i >= 0; i--) {
            Session earlier = sessions.get(i);
            if (earlier.id().equals(current.id())) {
                continue;
            }
            Optional<SessionRun> run = earlier.projects().stream().filter(p -> p.profileId().equals(profileId))
                    .findFirst().flatMap(p -> p.run(kind))
                    .filter(r -> r.status() == RunStatus.DONE && !r.samples().isEmpty());
            if (run.isPresent()) {
                BigDecimal mean = Statistics.of(run.get().samples().stream().map(Attempt::seconds).toList()).mean();
                return Optional.of(Duration.ofMillis(mean.movePointRight(3).longValue()));
            }
        }
        return Optional.empty();
    }

    private String newId() {
        String base = ID_FORMAT.format(clock.instant());
        String id = base;
        for (int n = 2; store.load(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
