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
import dev.offloadbench.domain.session.SessionSettings;
import dev.offloadbench.domain.session.Statistics;
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

    public SessionRunner(CheckPrerequisites checks, PlanBenchmark planner, RunExecutor executor, SessionStore store,
            SessionLock lock, MachineProbe machine, Clock clock) {
        this.checks = checks;
        this.planner = planner;
        this.executor = executor;
        this.store = store;
        this.lock = lock;
        this.machine = machine;
        this.clock = clock;
    }

    @Override
    public Outcome run(Command command, ProgressListener progress, Cancellation cancellation) {
        try (SessionLock.Held exclusive = lock.acquire()) {
            List<CheckResult> checked = checks.check(new CheckPrerequisites.Options(false, false));
            progress.checked(checked);
            boolean offloadAvailable = checked.stream().noneMatch(r -> r.offloadOnly() && r.failed());
            // Without offload (or its credentials) the local runs still run; the offload runs are skipped, saying why.
            List<CheckResult> fatal = checked.stream().filter(r -> r.failed() && !r.offloadOnly()).toList();
            Session session = command.resume().isPresent()
                    ? resume(command.resume().get(), progress)
                    : create(command, offloadAvailable, checked, progress);
            List<CheckResult> relevant = fatal.stream().filter(r -> concerns(r, session)).toList();
            if (!relevant.isEmpty()) {
                throw new BenchException("prerequisites missing, nothing was run: " + relevant.stream()
                        .map(r -> r.name() + ": " + r.detail() + r.remedy().map(f -> " (" + f + ")").orElse(""))
                        .collect(Collectors.joining("; ")));
            }
            return execute(session, command.echo(), progress, cancellation);
        }
    }

    /** A failed general check stops the session when it concerns its projects (or is not about a project). */
    private static boolean concerns(CheckResult result, Session session) {
        if (!result.name().startsWith("project ")) {
            return true;
        }
        String profile = result.name().substring("project ".length());
        return session.projects().stream().anyMatch(p -> p.profileId().equals(profile));
    }

    private Session create(Command command, boolean offloadAvailable, List<CheckResult> checked,
            ProgressListener progress) {
        BenchmarkPlan plan = planner.plan(new PlanBenchmark.Query(command.profiles()));
        if (!plan.complete()) {
            throw new BenchException("the plan is incomplete, nothing was run (bench plan shows the details):"
                    + plan.problems().stream().map(p -> "\n  - " + p).collect(Collectors.joining()));
        }
        String offloadMissing = whyOffloadCannotRun(checked);
        List<SessionProject> projects = new ArrayList<>();
        for (ProjectPlan project : plan.profiles()) {
            List<SessionRun> runs = new ArrayList<>();
            for (PlannedRun planned : project.runs()) {
                SessionRun run = SessionRun.pending(planned);
                if (!command.kinds().contains(planned.kind())) {
                    run = run.withStatus(RunStatus.SKIPPED, "not requested (--kinds " + command.kinds().stream()
                            .map(RunKind::id).collect(Collectors.joining(",")) + ")");
                } else if (planned.kind() == RunKind.OFFLOAD && !offloadAvailable) {
                    run = run.withStatus(RunStatus.SKIPPED, offloadMissing);
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
    private static String whyOffloadCannotRun(List<CheckResult> checked) {
        List<CheckResult> failed = checked.stream().filter(r -> r.offloadOnly() && r.failed()).toList();
        return failed.stream().filter(r -> r.name().equals("offload")).findFirst()
                .map(r -> "offload is not installed (" + PrerequisiteChecker.OFFLOAD_INSTALL + ")")
                .orElseGet(() -> failed.stream()
                        .map(r -> r.name() + ": " + r.detail() + r.remedy().map(f -> " (" + f + ")").orElse(""))
                        .collect(Collectors.joining("; ")));
    }

    private Session resume(String reference, ProgressListener progress) {
        Session session = new SessionCatalog(store).find(reference);
        if (session.finished()) {
            throw new BenchException("session " + session.id() + " has finished; there is nothing to resume."
                    + " Start a new one with bench run");
        }
        Session restarted = session;
        for (Session.Entry entry : session.entries()) {
            RunStatus status = entry.run().status();
            if (status == RunStatus.PENDING || status == RunStatus.CANCELLED || status == RunStatus.TIMED_OUT) {
                restarted = restarted.replace(entry.profileId(), entry.run().restarted());
            }
        }
        store.save(restarted);
        progress.sessionStarted(restarted, true);
        return restarted;
    }

    private Outcome execute(Session start, boolean echo, ProgressListener progress, Cancellation cancellation) {
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
            int warmups = run.planned().kind() == RunKind.OFFLOAD ? session.settings().offloadWarmups() : 0;
            int samples = session.settings().runs();
            Optional<Duration> estimate = previousTime(session, entry.profileId(), run.planned().kind());
            for (int i = 0; i < warmups + samples; i++) {
                boolean warmup = i < warmups;
                int number = warmup ? i + 1 : i - warmups + 1;
                warnWhenBusy(progress);
                progress.attemptStarted(entry.profileId(), run.planned().kind(), run.planned().command(), warmup,
                        number, warmup ? warmups : samples, estimate);
                Attempt attempt = attempt(session, entry.profileId(), run.planned(), warmup, number, echo,
                        progress, cancellation);
                run = run.with(attempt);
                session = session.replace(entry.profileId(), run);
                store.save(session);
                progress.attemptFinished(entry.profileId(), run.planned().kind(), attempt);
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
            boolean echo, ProgressListener progress, Cancellation cancellation) {
        ExecutionRequest request = new ExecutionRequest(planned.command(), planned.environment(),
                planned.directory(), store.logFile(session.id(), profileId, planned.kind(), warmup, number),
                session.settings().timeout(), echo);
        Execution execution = executor.execute(request, progress::output, cancellation);
        BigDecimal seconds = BigDecimal.valueOf(execution.elapsed().toMillis()).movePointLeft(3);
        return new Attempt(warmup, execution.started(), execution.finished(), seconds, execution.exitCode(),
                execution.termination(), execution.tally(), execution.log(), Verdict.validity(execution),
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
