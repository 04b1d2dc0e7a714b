package dev.offloadbench.domain.service.running;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.check.CheckResult;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.RunOutcome;
import dev.offloadbench.domain.plan.BenchmarkPlan;
import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.plan.ProjectPlan;
import dev.offloadbench.domain.plan.Secrets;
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
import dev.offloadbench.domain.run.LeftoverProcess;
import dev.offloadbench.domain.run.Termination;
import dev.offloadbench.domain.service.PrerequisiteChecker;
import dev.offloadbench.domain.session.Attempt;
import dev.offloadbench.domain.session.RunInProgress;
import dev.offloadbench.domain.session.RunStatus;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionProject;
import dev.offloadbench.domain.session.SessionResults;
import dev.offloadbench.domain.session.SessionRun;
import dev.offloadbench.domain.session.SessionEvents;
import dev.offloadbench.domain.session.SessionSettings;
import dev.offloadbench.domain.session.SkipReason;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.spi.RunListener;
import dev.offloadbench.domain.spi.TestOutputParser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Steps 2 and 6 of the procedure: checks the prerequisites, plans (probing every run, so that a
 * run that cannot do what the plan says stops the session before anything is timed), then runs every planned run
 * strictly one after another under a machine-wide lock, judging each execution and saving the
 * session after every one of them, so that an interrupt, a timeout or a crash loses nothing
 * finished. A resumed session skips what is finished and runs the rest again from the start.
 *
 * <p>Containment: each execution's marker is saved before it starts, and under the lock, before
 * anything is timed, whatever a bench that died left running is ended.
 */
public final class SessionRunner implements RunBenchmark {
    private static final SecureRandom MARKERS = new SecureRandom();
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
        // Everything that can be checked without the lock is checked first: a mistyped profile or
        // session id, or a missing prerequisite, never touches the lock nor the state folder.
        // Probing runs recipes, so it waits for the lock, as the timed runs do.
        List<CheckResult> checked = checks.check(new CheckPrerequisites.Options(false, false));
        progress.checked(checked);
        SessionCatalog catalog = new SessionCatalog(store);
        Optional<Session> toResume = Optional.empty();
        PlanBenchmark.Query query = new PlanBenchmark.Query(command.profiles(), command.kinds(), command.probe(),
                command.timeout().orElse(PlanBenchmark.Query.DEFAULT_PROBE_TIMEOUT));
        if (command.resume().isPresent()) {
            Session stored = catalog.find(command.resume().get());
            refuseFinished(stored);
            List<String> profiles = stored.projects().stream().map(SessionProject::profileId).toList();
            requireWhatRunsNeed(checked, profiles, hasPendingOffload(stored), command.offloadOptional());
            parsers.requireFor(profiles);
            toResume = Optional.of(stored);
        } else {
            // optional Offload still needs something else to run: a session of offload runs alone cannot skip them
            boolean onlyOffload = command.kinds().stream().noneMatch(RunKind::isLocal);
            List<String> profiles = planner.profiles(query);
            requireWhatRunsNeed(checked, profiles, command.kinds().contains(RunKind.OFFLOAD),
                    command.offloadOptional() && !onlyOffload);
            parsers.requireFor(profiles);
        }
        try (SessionLock.Held exclusive = lock.acquire()) {
            List<SessionStore.Unreadable> unreadable = store.unreadable();
            if (!unreadable.isEmpty()) {
                progress.sessionsSkipped(unreadable);
            }
            endLeftovers(progress);
            Session session;
            if (toResume.isPresent()) {
                // read again under the lock: the session may have moved on since
                Session stored = catalog.find(toResume.get().id());
                session = resume(stored, checked, progress);
            } else {
                // every run is probed before the first is timed: a run that cannot do what the plan says stops here
                BenchmarkPlan plan = planner.plan(query, progress, cancellation);
                if (!plan.complete()) {
                    throw new BenchException((command.probe() ? "the plan is incomplete or did not hold when probed"
                            : "the plan is incomplete") + ", nothing was timed (bench plan"
                            + (command.probe() ? " --probe" : "") + " shows the details):"
                            + plan.problems().stream().map(p -> "\n  - " + p).collect(Collectors.joining()));
                }
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
     * Ends what a bench that died (kill -9) left running, before anything is timed: every
     * process carrying the marker of a run a stored session still records as under way. Holding
     * the lock, no live bench of this state folder owns such a run. The record is cleared once its
     * processes are gone.
     */
    private void endLeftovers(ProgressListener progress) {
        for (Session stored : store.list()) {
            if (stored.running().isEmpty()) {
                continue;
            }
            List<LeftoverProcess> ended = executor.endLeftovers(List.of(stored.running().get().marker()));
            if (!ended.isEmpty()) {
                progress.leftoversEnded(stored.id(), ended);
            }
            store.save(stored.withoutRunning());
        }
    }

    private static void refuseFinished(Session stored) {
        if (stored.finished()) {
            throw new BenchException("session " + stored.id() + " has finished; there is nothing to resume."
                    + " Start a new one with bench run");
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
                .filter(r -> r.offloadOnly() ? offloadRuns && !offloadOptional : r.scope().concernsAny(profiles))
                .toList();
        if (!missing.isEmpty()) {
            boolean onlyOffload = missing.stream().allMatch(CheckResult::offloadOnly);
            throw new BenchException("prerequisites missing, nothing was run: " + missing.stream()
                    .map(r -> r.name() + ": " + r.detail() + r.remedy().map(f -> " (" + f + ")").orElse(""))
                    .collect(Collectors.joining("; "))
                    + (onlyOffload ? ". To run the local runs alone: --kinds baseline,high" : ""));
        }
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
                    run = run.skipped(SkipReason.NOT_REQUESTED, "not requested (--kinds " + command.kinds().stream()
                            .map(RunKind::id).collect(Collectors.joining(",")) + ")");
                } else if (planned.kind() == RunKind.OFFLOAD && offloadMissing.isPresent()) {
                    run = run.skipped(SkipReason.OFFLOAD_UNAVAILABLE, offloadMissing.get());
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
        return Optional.of(failed.stream().filter(r -> r.scope().equals(CheckResult.Scope.OFFLOAD_BINARY)).findFirst()
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
        refuseFinished(stored);
        Optional<String> offloadMissing = whyOffloadCannotRun(checked);
        Session resumed = stored;
        for (Session.Entry entry : stored.entries()) {
            SessionRun run = entry.run();
            boolean skippedForWantOfOffload = run.skipped().filter(SkipReason.OFFLOAD_UNAVAILABLE::equals).isPresent();
            if (run.status() == RunStatus.DONE || run.status() == RunStatus.SKIPPED && !skippedForWantOfOffload) {
                continue;
            }
            SessionRun continued = run.resumed();
            if (run.planned().kind() == RunKind.OFFLOAD && offloadMissing.isPresent()) {
                continued = continued.skipped(SkipReason.OFFLOAD_UNAVAILABLE, offloadMissing.get());
            } else {
                continued = withSecrets(stored, entry.profileId(), continued);
            }
            resumed = resumed.replace(entry.profileId(), continued);
        }
        store.save(resumed);
        progress.sessionStarted(resumed, true);
        return resumed;
    }

    /**
     * A stored session keeps the values of secret variables redacted; the run gets them again
     * from the configuration, or the resume stops, saying which one is gone and how to fix it.
     */
    private SessionRun withSecrets(Session stored, String profileId, SessionRun run) {
        Map<String, String> environment = run.planned().environment();
        List<String> redacted = environment.entrySet().stream()
                .filter(variable -> Secrets.isRedacted(variable.getKey(), variable.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        if (redacted.isEmpty()) {
            return run;
        }
        Map<String, String> configured = planner.environment(profileId);
        List<String> gone = redacted.stream().filter(name -> !configured.containsKey(name)).toList();
        if (!gone.isEmpty()) {
            throw new BenchException("session " + stored.id() + " ran " + profileId + " with "
                    + String.join(", ", gone) + " set, whose value a session keeps redacted, and the configuration"
                    + " no longer gives " + (gone.size() == 1 ? "it" : "them") + ": put "
                    + (gone.size() == 1 ? "it" : "them") + " back in `env` under [projects." + profileId
                    + "], or start a new session with bench run");
        }
        Map<String, String> restored = new HashMap<>(environment);
        redacted.forEach(name -> restored.put(name, configured.get(name)));
        PlannedRun planned = run.planned();
        return new SessionRun(new PlannedRun(planned.kind(), planned.recipe(), planned.command(), restored,
                planned.directory(), planned.workers(), planned.workersSource(), planned.maxParallel(),
                planned.maxParallelSource(), planned.warmups(), planned.notes()), run.status(), run.reason(),
                run.attempts());
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
                // saved with the attempt, and without the run under way: its processes are gone
                session = session.replace(entry.profileId(), run);
                store.save(session);
                progress.attemptFinished(entry.profileId(), run.planned().kind(), attempt);
                listeners.runFinished(SessionEvents.finishedRun(session.id(), entry.profileId(), run.planned(),
                        attempt, number), progress);
                if (attempt.termination() == Termination.TIMED_OUT) {
                    return stop(session, entry.profileId(), run, RunStatus.TIMED_OUT, "ran past --timeout "
                            + session.settings().timeout().map(SessionRunner::describe).orElse(""),
                            Ending.TIMED_OUT);
                }
                // A signal may come while the command ends, after it exited by itself (its leftovers
                // being ended): it still stops the session.
                if (attempt.termination() == Termination.CANCELLED
                        || cancellation.isCancelled() && i < warmups + samples - done - 1) {
                    return stop(session, entry.profileId(), run, RunStatus.CANCELLED, "interrupted",
                            Ending.CANCELLED);
                }
            }
            run = run.withStatus(RunStatus.DONE, "");
            session = session.replace(entry.profileId(), run);
            store.save(session);
        }
        if (cancellation.isCancelled()) {
            // The last run finished, but a signal came while it ended: the session stops unfinished.
            return new Outcome(session, Ending.CANCELLED);
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

    /**
     * One execution: its marker is saved with the session before it starts, and its process
     * group once it has started, so that a bench that dies meanwhile leaves a record of what to end.
     */
    private Attempt attempt(Session session, String profileId, PlannedRun planned, boolean warmup, int number,
            ProgressListener progress, Cancellation cancellation) {
        RunInProgress running = new RunInProgress(profileId, planned.kind(), newMarker(session.id()),
                ProcessHandle.current().pid(), OptionalLong.empty(), clock.instant());
        store.save(session.withRunning(running));
        Optional<GuardedOutputParser> parser = parsers.forRun(profileId, planned.kind()).map(GuardedOutputParser::new);
        ExecutionRequest request = new ExecutionRequest(planned.command(), planned.environment(),
                planned.directory(), store.logFile(session.id(), profileId, planned.kind(), warmup, number),
                session.settings().timeout(), running.marker(), parser.map(TestOutputParser.class::cast));
        Execution execution = executor.execute(request, new RunExecutor.OutputListener() {
            @Override
            public boolean wantsEveryByte() {
                return progress.echoesOutput();
            }

            @Override
            public void output(byte[] bytes, int offset, int length) {
                progress.output(bytes, offset, length);
            }

            @Override
            public void latestLine(String line) {
                progress.latestOutputLine(line);
            }

            @Override
            public void started(long pid, boolean leadsProcessGroup) {
                if (leadsProcessGroup) {
                    store.save(session.withRunning(running.withProcessGroup(pid)));
                }
            }
        }, cancellation);
        // the clock has stopped and the output has been read: the log is compressed now, between runs
        Path log = store.compressLog(execution.log());
        BigDecimal seconds = BigDecimal.valueOf(execution.elapsed().toNanos()).movePointLeft(9)
                .setScale(3, RoundingMode.HALF_UP);
        Validity validity = Verdict.validity(execution);
        Optional<String> parserFailure = parser.flatMap(GuardedOutputParser::failure);
        if (parserFailure.isPresent()) {
            validity = Verdict.withReason(validity, parserFailure.get());
        }
        List<String> notes = new ArrayList<>(Verdict.notes(execution, planned));
        if (!execution.leftovers().isEmpty()) {
            notes.add("ended " + execution.leftovers().size() + " process"
                    + (execution.leftovers().size() == 1 ? "" : "es") + " it left running: "
                    + execution.leftovers().stream().map(LeftoverProcess::toString).collect(Collectors.joining(", ")));
        }
        return new Attempt(warmup, execution.started(), execution.finished(), seconds, execution.exitCode(),
                execution.termination(), execution.tally(), log, validity, notes);
    }

    /** Unique among every run anywhere: the session's id and 96 random bits. */
    private static String newMarker(String sessionId) {
        byte[] random = new byte[12];
        MARKERS.nextBytes(random);
        StringBuilder marker = new StringBuilder(sessionId).append('-');
        for (byte b : random) {
            marker.append(String.format("%02x", b & 0xff));
        }
        return marker.toString();
    }

    private void warnWhenBusy(ProgressListener progress) {
        MachineProbe.Load load = machine.load();
        if (load.isHigh()) {
            progress.machineBusy(load);
        }
    }

    /**
     * The mean of the same run in the latest earlier session that finished it validly: the same
     * project folder, recipe and kind (a profile id alone may name another checkout, and an
     * INVALID run's time says nothing about this one's).
     */
    private Optional<Duration> previousTime(Session current, String profileId, RunKind kind) {
        Optional<SessionProject> project = current.projects().stream().filter(p -> p.profileId().equals(profileId))
                .findFirst();
        Optional<SessionRun> run = project.flatMap(p -> p.run(kind));
        if (project.isEmpty() || run.isEmpty()) {
            return Optional.empty();
        }
        List<Session> sessions = store.list();
        for (int i = sessions.size() - 1; i >= 0; i--) {
            Session earlier = sessions.get(i);
            if (earlier.id().equals(current.id())) {
                continue;
            }
            Optional<RunOutcome> outcome = earlier.projects().stream()
                    .filter(p -> p.path().equals(project.get().path()))
                    .flatMap(p -> p.run(kind).stream())
                    .filter(r -> r.planned().recipe().equals(run.get().planned().recipe()))
                    .flatMap(r -> SessionResults.outcome(r).stream())
                    .filter(o -> o.validity().valid())
                    .findFirst();
            if (outcome.isPresent()) {
                return Optional.of(Duration.ofMillis(outcome.get().seconds().movePointRight(3).longValue()));
            }
        }
        return Optional.empty();
    }

    private String newId() {
        String base = ID_FORMAT.format(clock.instant());
        String id = base;
        for (int n = 2; store.exists(id); n++) {
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
