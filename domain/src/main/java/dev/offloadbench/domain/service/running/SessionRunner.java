package dev.offloadbench.domain.service.running;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.check.CheckResult;
import dev.offloadbench.domain.model.OffloadProvider;
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
import dev.offloadbench.domain.port.out.ProjectRevisions;
import dev.offloadbench.domain.port.out.ProgressListener;
import dev.offloadbench.domain.port.out.RunExecutor;
import dev.offloadbench.domain.port.out.SessionLock;
import dev.offloadbench.domain.port.out.SessionStore;
import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Execution;
import dev.offloadbench.domain.run.ExecutionRequest;
import dev.offloadbench.domain.run.LeftoverProcess;
import dev.offloadbench.domain.run.Markers;
import dev.offloadbench.domain.run.Termination;
import dev.offloadbench.domain.service.PrerequisiteChecker;
import dev.offloadbench.domain.service.containment.MachineLock;
import dev.offloadbench.domain.session.Attempt;
import dev.offloadbench.domain.session.RunInProgress;
import dev.offloadbench.domain.session.RunStatus;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionProject;
import dev.offloadbench.domain.session.SessionResults;
import dev.offloadbench.domain.session.SessionRun;
import dev.offloadbench.domain.session.SessionEvents;
import dev.offloadbench.domain.session.SessionInputs;
import dev.offloadbench.domain.session.SessionSettings;
import dev.offloadbench.domain.session.SkipReason;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.spi.RunListener;
import dev.offloadbench.domain.spi.TestOutputParser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
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
    private static final DateTimeFormatter ID_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final CheckPrerequisites checks;
    private final PlanBenchmark planner;
    private final RunExecutor executor;
    private final SessionStore store;
    private final MachineLock machineLock;
    private final MachineProbe machine;
    private final ProjectRevisions revisions;
    private final Clock clock;
    private final RunListeners listeners;
    private final OutputParsers parsers;

    /**
     * @param machineLock taken before anything runs (probes included), and giving back the lock
     *     with what a bench that died left running ended
     * @param listeners told of each session and each finished execution, always after its clock has stopped
     * @param parsers read the output of the runners other than pytest that profiles name
     */
    public SessionRunner(CheckPrerequisites checks, PlanBenchmark planner, RunExecutor executor, SessionStore store,
            MachineLock machineLock, MachineProbe machine, Clock clock, List<RunListener> listeners,
            OutputParsers parsers) {
        this(checks, planner, executor, store, machineLock, machine, ProjectRevisions.NONE, clock, listeners,
                parsers);
    }

    /**
     * @param revisions the commit of each project's folder, recorded when a session starts
     */
    public SessionRunner(CheckPrerequisites checks, PlanBenchmark planner, RunExecutor executor, SessionStore store,
            MachineLock machineLock, MachineProbe machine, ProjectRevisions revisions, Clock clock,
            List<RunListener> listeners, OutputParsers parsers) {
        this.checks = checks;
        this.planner = planner;
        this.executor = executor;
        this.store = store;
        this.machineLock = machineLock;
        this.machine = machine;
        this.revisions = revisions;
        this.clock = clock;
        this.listeners = new RunListeners(listeners);
        this.parsers = parsers;
    }

    @Override
    public Outcome run(Command command, ProgressListener progress, Cancellation cancellation) {
        // Everything that can be checked without the lock is checked first: a mistyped profile or
        // session id, a missing prerequisite, or a plan that reading alone shows cannot work
        // (a missing recipe, project folder or Offload configuration) never touches the lock nor
        // the state folder. Probing runs recipes, so it waits for the lock, as the timed runs do.
        List<CheckResult> checked = checks.check(new CheckPrerequisites.Options(false, false));
        progress.checked(checked);
        SessionCatalog catalog = new SessionCatalog(store);
        Optional<Session> toResume = Optional.empty();
        Optional<BenchmarkPlan> read = Optional.empty();
        PlanBenchmark.Query query = new PlanBenchmark.Query(command.profiles(), command.kinds(), command.probe(),
                command.timeout().orElse(PlanBenchmark.Query.DEFAULT_PROBE_TIMEOUT));
        if (command.resume().isPresent()) {
            Session stored = catalog.find(command.resume().get());
            refuseFinished(stored);
            List<String> profiles = stored.projects().stream().map(SessionProject::profileId).toList();
            requireWhatRunsNeed(checked, profiles, pendingOffloadRuns(stored), command.offloadOptional());
            parsers.requireFor(profiles);
            toResume = Optional.of(stored);
        } else {
            List<String> profiles = planner.profiles(query);
            BenchmarkPlan readAhead = planner.readAhead(query);
            requireComplete(readAhead, false);
            requireWhatRunsNeed(checked, profiles, offloadRunsWanted(command, readAhead), offloadOptional(command));
            parsers.requireFor(profiles);
            read = Optional.of(readAhead);
        }
        try (SessionLock.Held exclusive = machineLock.take(progress)) {
            List<SessionStore.Unreadable> unreadable = store.unreadable();
            if (!unreadable.isEmpty()) {
                progress.sessionsSkipped(unreadable);
            }
            Session session;
            if (toResume.isPresent()) {
                // read again under the lock: the session may have moved on since
                Session stored = catalog.find(toResume.get().id());
                session = resume(stored, checked, progress);
            } else {
                // every run is probed before the first is timed: a run that cannot do what the plan says stops here
                BenchmarkPlan plan = command.probe() ? planner.plan(query, exclusive, progress, cancellation)
                        : read.orElseThrow();
                requireComplete(plan, command.probe());
                // a provider only the probe could tell may need Modal's credentials
                requireWhatRunsNeed(checked, planner.profiles(query), offloadRunsWanted(command, plan),
                        offloadOptional(command));
                session = create(command, plan, checked, progress);
            }
            listeners.sessionStarted(SessionEvents.started(session, command.resume().isPresent()), progress);
            Outcome outcome = execute(session, exclusive.holderPid(), progress, cancellation);
            if (!listeners.isEmpty()) {
                listeners.sessionFinished(SessionEvents.finished(outcome.session()), progress);
            }
            return outcome;
        }
    }

    /** Stops, having timed nothing, on any problem of the plan (bench plan shows the details). */
    private static void requireComplete(BenchmarkPlan plan, boolean probed) {
        if (!plan.complete()) {
            throw new BenchException((probed ? "the plan is incomplete or did not hold when probed"
                    : "the plan is incomplete") + ", nothing was " + (probed ? "timed" : "run") + " (bench plan"
                    + (probed ? " --probe" : "") + " shows the details):"
                    + plan.problems().stream().map(p -> "\n  - " + p).collect(Collectors.joining()));
        }
    }

    /** Optional Offload still needs something else to run: a session of offload runs alone cannot skip them. */
    private static boolean offloadOptional(Command command) {
        return command.offloadOptional() && command.kinds().stream().anyMatch(RunKind::isLocal);
    }

    /**
     * The Offload runs the session asks for: those the plan has, and, when the plan lacks one it
     * asks for (reading could not tell it, the probe will), a run whose provider is unknown yet.
     */
    private static List<Optional<OffloadProvider>> offloadRunsWanted(Command command, BenchmarkPlan plan) {
        if (!command.kinds().contains(RunKind.OFFLOAD)) {
            return List.of();
        }
        List<Optional<OffloadProvider>> wanted = new ArrayList<>();
        for (ProjectPlan project : plan.profiles()) {
            Optional<PlannedRun> offload = project.runs().stream().filter(r -> r.kind() == RunKind.OFFLOAD)
                    .findFirst();
            // an Offload run without a provider is one reading could not plan: which provider, the probe tells
            wanted.add(offload.map(PlannedRun::provider).orElse(Optional.empty()));
        }
        return wanted.isEmpty() ? List.of(Optional.empty()) : wanted;
    }

    private static void refuseFinished(Session stored) {
        if (stored.finished()) {
            throw new BenchException("session " + stored.id() + " has finished; there is nothing to resume."
                    + " Start a new one with bench run");
        }
    }

    /**
     * Stops before anything is recorded when a prerequisite of the runs to come is missing: a
     * general one (just, a project of this session), or, when Offload runs are to run and the
     * configuration does not make them optional, one those runs need: the offload binary for
     * every one, Modal's credentials only for one on the Modal provider (a run whose provider is
     * not known yet is checked again once it is).
     *
     * @param offloadRuns the providers of the Offload runs to come (empty: not known yet)
     */
    private static void requireWhatRunsNeed(List<CheckResult> checked, List<String> profiles,
            List<Optional<OffloadProvider>> offloadRuns, boolean offloadOptional) {
        List<CheckResult> missing = checked.stream().filter(CheckResult::failed)
                .filter(r -> r.offloadOnly() ? !offloadOptional && offloadRuns.stream()
                        .anyMatch(provider -> needed(r, provider)) : r.scope().concernsAny(profiles))
                .toList();
        if (!missing.isEmpty()) {
            boolean onlyOffload = missing.stream().allMatch(CheckResult::offloadOnly);
            throw new BenchException("prerequisites missing, nothing was run: " + missing.stream()
                    .map(r -> r.name() + ": " + r.detail() + r.remedy().map(f -> " (" + f + ")").orElse(""))
                    .collect(Collectors.joining("; "))
                    + (onlyOffload ? ". To run the local runs alone: --kinds baseline,high" : ""));
        }
    }

    /** Whether an Offload run on this provider needs the check; with the provider unknown, only what every one needs. */
    private static boolean needed(CheckResult check, Optional<OffloadProvider> provider) {
        return provider.map(p -> check.scope().neededByOffloadOn(p))
                .orElse(check.scope().concern() != CheckResult.Scope.Concern.MODAL);
    }

    /** The providers of the Offload runs a resumed session has still to run (Modal for one planned before runs named it). */
    private static List<Optional<OffloadProvider>> pendingOffloadRuns(Session session) {
        return session.entries().stream().map(Session.Entry::run)
                .filter(run -> run.planned().kind() == RunKind.OFFLOAD && run.status() != RunStatus.DONE
                        && run.status() != RunStatus.SKIPPED)
                .map(run -> Optional.of(provider(run.planned()))).toList();
    }

    /** The run's Offload provider; Modal for a run planned before runs named it, as the results say. */
    private static OffloadProvider provider(PlannedRun run) {
        return run.provider().orElse(OffloadProvider.MODAL);
    }

    private Session create(Command command, BenchmarkPlan plan, List<CheckResult> checked,
            ProgressListener progress) {
        List<SessionProject> projects = new ArrayList<>();
        for (ProjectPlan project : plan.profiles()) {
            List<SessionRun> runs = new ArrayList<>();
            for (PlannedRun planned : project.runs()) {
                SessionRun run = SessionRun.pending(planned);
                if (!command.kinds().contains(planned.kind())) {
                    run = run.skipped(SkipReason.NOT_REQUESTED, "not requested (--kinds " + command.kinds().stream()
                            .map(RunKind::id).collect(Collectors.joining(",")) + ")");
                } else if (planned.kind() == RunKind.OFFLOAD && whyOffloadCannotRun(checked, planned).isPresent()) {
                    run = run.skipped(SkipReason.OFFLOAD_UNAVAILABLE, whyOffloadCannotRun(checked, planned).get());
                }
                runs.add(run);
            }
            projects.add(new SessionProject(project.profileId(), project.path(), runs,
                    revisions.revision(project.path())));
        }
        SessionSettings settings = new SessionSettings(command.kinds(), command.runs(), command.offloadWarmups(),
                command.timeout());
        Session session = new Session(newId(), clock.instant(), settings, plan.machine(), plan.readme(), projects,
                false, Optional.empty(), inputs(checked));
        store.save(session);
        progress.sessionStarted(session, false);
        return session;
    }

    /**
     * What the session runs with besides the projects: each tool's version as the prerequisite
     * checks found it (they already asked; nothing runs twice), and the machine as detected.
     */
    private SessionInputs inputs(List<CheckResult> checked) {
        Map<String, String> tools = new TreeMap<>();
        for (CheckResult check : checked) {
            check.version().ifPresent(version -> tools.put(check.name(), version));
        }
        return SessionInputs.of(tools, machine.describe());
    }

    /**
     * The offload binary missing says it all; otherwise each failed prerequisite of this Offload
     * run (Modal's credentials only on the Modal provider), with its remedy.
     */
    private static Optional<String> whyOffloadCannotRun(List<CheckResult> checked, PlannedRun run) {
        List<CheckResult> failed = checked.stream()
                .filter(r -> r.failed() && r.scope().neededByOffloadOn(provider(run))).toList();
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
        Session resumed = stored;
        for (Session.Entry entry : stored.entries()) {
            SessionRun run = entry.run();
            boolean skippedForWantOfOffload = run.skipped().filter(SkipReason.OFFLOAD_UNAVAILABLE::equals).isPresent();
            if (run.status() == RunStatus.DONE || run.status() == RunStatus.SKIPPED && !skippedForWantOfOffload) {
                continue;
            }
            SessionRun continued = run.resumed();
            Optional<String> offloadMissing = run.planned().kind() == RunKind.OFFLOAD
                    ? whyOffloadCannotRun(checked, run.planned()) : Optional.empty();
            if (offloadMissing.isPresent()) {
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
        return new SessionRun(run.planned().withEnvironment(restored), run.status(), run.reason(), run.attempts());
    }

    private Outcome execute(Session start, long benchPid, ProgressListener progress, Cancellation cancellation) {
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
                MachineProbe.Load load = loadBefore(progress);
                progress.attemptStarted(entry.profileId(), run.planned().kind(), run.planned().command(), warmup,
                        number, warmup ? warmups : samples, estimate);
                Attempt attempt = attempt(session, entry.profileId(), run.planned(), warmup, number, benchPid, load,
                        progress, cancellation);
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
            long benchPid, MachineProbe.Load load, ProgressListener progress, Cancellation cancellation) {
        RunInProgress running = new RunInProgress(profileId, planned.kind(), Markers.next(session.id()), benchPid,
                OptionalLong.empty(), clock.instant());
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
            // a leftover's command line may hold a secret the recipe handed on
            List<LeftoverProcess> leftovers = Secrets.in(List.of(planned.environment()))
                    .maskLeftovers(execution.leftovers());
            notes.add("ended " + leftovers.size() + " process" + (leftovers.size() == 1 ? "" : "es")
                    + " it left running: " + leftovers.stream().map(LeftoverProcess::toString)
                            .collect(Collectors.joining(", ")));
        }
        return new Attempt(warmup, execution.started(), execution.finished(), seconds, execution.exitCode(),
                execution.termination(), execution.tally(), log, validity, notes,
                Double.isFinite(load.oneMinute()) && load.oneMinute() >= 0 ? OptionalDouble.of(load.oneMinute())
                        : OptionalDouble.empty());
    }

    /** The machine's load just before a run, recorded with it, and a warning when it is busy. */
    private MachineProbe.Load loadBefore(ProgressListener progress) {
        MachineProbe.Load load = machine.load();
        if (load.isHigh()) {
            progress.machineBusy(load);
        }
        return load;
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
