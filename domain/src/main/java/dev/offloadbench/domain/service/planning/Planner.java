package dev.offloadbench.domain.service.planning;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.config.BenchConfig;
import dev.offloadbench.domain.config.ProjectConfig;
import dev.offloadbench.domain.justfile.Justfile;
import dev.offloadbench.domain.justfile.RecipeCall;
import dev.offloadbench.domain.justfile.SourceLine;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.model.RunDefaults;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.plan.BenchmarkPlan;
import dev.offloadbench.domain.plan.MachineDescription;
import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.plan.Problem;
import dev.offloadbench.domain.plan.ProjectPlan;
import dev.offloadbench.domain.plan.Secrets;
import dev.offloadbench.domain.port.in.PlanBenchmark;
import dev.offloadbench.domain.port.out.JustfileReader;
import dev.offloadbench.domain.port.out.MachineProbe;
import dev.offloadbench.domain.port.out.OffloadConfigReader;
import dev.offloadbench.domain.port.out.ProbeListener;
import dev.offloadbench.domain.port.out.ProjectFolders;
import dev.offloadbench.domain.port.out.PytestConfigReader;
import dev.offloadbench.domain.port.out.ReadmeStore;
import dev.offloadbench.domain.port.out.RunProbe;
import dev.offloadbench.domain.port.out.SessionLock;
import dev.offloadbench.domain.probe.ObservedOffload;
import dev.offloadbench.domain.probe.ObservedPytest;
import dev.offloadbench.domain.probe.ProbeRequest;
import dev.offloadbench.domain.probe.ProbeResult;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Interrupted;
import dev.offloadbench.domain.run.LeftoverProcess;
import dev.offloadbench.domain.run.Markers;
import dev.offloadbench.domain.service.containment.MachineLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Step 1 of the procedure: works out every run of each project, in execution order, with the
 * exact command, environment and worker counts, and where each number comes from.
 *
 * <p>Reading the justfile (through {@code just --dump} and {@code just --dry-run}) gives
 * provenance: the file and line a count comes from. Probing gives the truth: each planned command
 * runs with a probe that records what pytest, xdist and offload would do and lets no test run.
 * With probing, the baseline's count is the one xdist really starts, and the high run's override
 * is found by trying each way the project offers until one really gives the wanted count. Probes
 * run recipes, so they run under the machine's lock, each one's marker recorded with it first. A
 * run whose recipe the probe cannot intercept (offload started by a path, pytest's plugin kept
 * out, see {@link ProbeSafety}) is planned by reading instead, saying why.
 *
 * <p>What a probe saw and printed, the problems and the notes leave the planner with the values of
 * secret-looking variables masked ({@link Secrets}).
 */
public final class Planner implements PlanBenchmark {
    private static final Pattern MACHINE_SENTENCE = Pattern.compile("All local baselines were run on an? (.+?)\\.(?=\\s|$)");
    /** Output lines shown with a probe's problem. */
    private static final int TAIL_LINES = 12;

    private final BenchConfig config;
    private final ProfileRegistry profiles;
    private final JustfileReader just;
    private final MachineProbe machine;
    private final ReadmeStore readmes;
    private final ProjectFolders folders;
    private final RunProbe runProbe;
    private final Map<String, String> environment;
    private final WorkerFinder workers;
    private final OffloadFinder offload;
    private final RunnerWorkers runnerWorkers;
    private final MachineLock machineLock;

    /**
     * @param environment the inherited environment, as the runs will inherit it
     * @param machineLock taken by a plan that probes, unless its caller holds it
     */
    public Planner(BenchConfig config, ProfileRegistry profiles, JustfileReader just, PytestConfigReader pytest,
            OffloadConfigReader offloadConfigs, MachineProbe machine, ReadmeStore readmes, ProjectFolders folders,
            RunProbe runProbe, Map<String, String> environment, MachineLock machineLock) {
        this.config = config;
        this.profiles = profiles;
        this.just = just;
        this.machine = machine;
        this.readmes = readmes;
        this.folders = folders;
        this.runProbe = runProbe;
        this.environment = Map.copyOf(environment);
        this.workers = new WorkerFinder(just, pytest, machine.cores());
        this.offload = new OffloadFinder(just, offloadConfigs, folders);
        this.runnerWorkers = new RunnerWorkers(just, machine.cores());
        this.machineLock = machineLock;
    }

    @Override
    public BenchmarkPlan plan(Query query, ProbeListener listener, Cancellation cancellation) {
        if (!query.probe()) {
            return plan(query, Mode.READ, Optional.empty(), listener, cancellation);
        }
        try (SessionLock.Held lock = machineLock.take(listener)) {
            return plan(query, Mode.PROBE, Optional.of(lock), listener, cancellation);
        }
    }

    @Override
    public BenchmarkPlan plan(Query query, SessionLock.Held lock, ProbeListener listener, Cancellation cancellation) {
        return plan(query, query.probe() ? Mode.PROBE : Mode.READ, Optional.of(lock), listener, cancellation);
    }

    @Override
    public BenchmarkPlan readAhead(Query query) {
        return plan(query, query.probe() ? Mode.READ_AHEAD : Mode.READ, Optional.empty(), ProbeListener.SILENT,
                new Cancellation());
    }

    /** How a plan is made. */
    private enum Mode {
        /** By reading alone: nothing runs. */
        READ,
        /** Each run probed (unless its recipe cannot be probed safely). */
        PROBE,
        /** As {@link #PROBE}, up to the first probe of each run, which is not run: what reading alone settles. */
        READ_AHEAD
    }

    private BenchmarkPlan plan(Query query, Mode mode, Optional<SessionLock.Held> lock, ProbeListener heard,
            Cancellation cancellation) {
        Secrets secrets = secrets();
        ProbeListener listener = masking(heard, secrets);
        List<Problem> problems = new ArrayList<>();
        List<ProjectConfig> selected = select(query, problems);
        List<ProjectPlan> plans = new ArrayList<>();
        for (ProjectConfig project : selected) {
            Probing probing = new Probing(query, mode, lock, project.profile(), listener, cancellation);
            plans.add(planProject(project, query, probing, problems));
        }
        return secrets.mask(new BenchmarkPlan(machineDescription(problems), config.readme(), plans, problems));
    }

    /** The values of secret-looking variables: the configured projects' and the inherited environment's. */
    private Secrets secrets() {
        List<Map<String, String>> environments = new ArrayList<>();
        environments.add(environment);
        config.projects().forEach(project -> environments.add(environment(project.profile())));
        return Secrets.in(environments);
    }

    /** The listener hears what the probes saw with the secrets masked. */
    private static ProbeListener masking(ProbeListener listener, Secrets secrets) {
        return new ProbeListener() {
            @Override
            public void probeStarted(String profileId, RunKind kind, String purpose, List<String> command,
                    Map<String, String> environment) {
                listener.probeStarted(profileId, kind, secrets.mask(purpose), command, environment);
            }

            @Override
            public void probeFinished(String profileId, RunKind kind, ProbeResult result) {
                listener.probeFinished(profileId, kind, secrets.mask(result));
            }

            @Override
            public void leftoversEnded(String sessionId, List<LeftoverProcess> ended) {
                listener.leftoversEnded(sessionId, secrets.maskLeftovers(ended));
            }

            @Override
            public void probeLeftoversEnded(List<LeftoverProcess> ended) {
                listener.probeLeftoversEnded(secrets.maskLeftovers(ended));
            }
        };
    }

    @Override
    public List<String> profiles(Query query) {
        List<Problem> problems = new ArrayList<>();
        List<String> selected = select(query, problems).stream().map(ProjectConfig::profile).toList();
        if (!problems.isEmpty()) {
            throw new BenchException(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        }
        return selected;
    }

    @Override
    public Map<String, String> environment(String profileId) {
        Optional<ProjectConfig> project = config.project(profileId);
        if (project.isEmpty()) {
            return Map.of();
        }
        try {
            return project.get().applyTo(profiles.get(profileId).runs()).env();
        } catch (BenchException | IllegalArgumentException e) {
            // A profile that is no longer installed: only the configuration's own variables are known.
            return project.get().env();
        }
    }

    private List<ProjectConfig> select(Query query, List<Problem> problems) {
        if (query.all()) {
            return config.projects();
        }
        List<ProjectConfig> selected = new ArrayList<>();
        for (ProjectConfig project : config.projects()) {
            if (query.profiles().contains(project.profile())) {
                selected.add(project);
            }
        }
        for (String id : query.profiles()) {
            if (config.project(id).isEmpty()) {
                problems.add(Problem.of(id, Problem.Kind.PROFILE, "no project uses profile `" + id + "` in " + config.describeSource()
                        + "; configured: " + String.join(", ", config.projects().stream()
                                .map(ProjectConfig::profile).toList())
                        + ". Add a [projects." + id + "] table with its path"));
            }
        }
        return selected;
    }

    private ProjectPlan planProject(ProjectConfig project, Query query, Probing probing, List<Problem> problems) {
        String id = project.profile();
        List<PlannedRun> runs = new ArrayList<>();
        try {
            RunDefaults defaults;
            try {
                Profile profile = profiles.get(id);
                defaults = project.applyTo(profile.runs());
            } catch (BenchException e) {
                throw new PlanProblem(Problem.Kind.PROFILE, e.getMessage());
            }
            Path directory = project.path();
            ProjectFolders.State folder = folders.state(directory);
            if (folder != ProjectFolders.State.FOLDER) {
                throw new PlanProblem(Problem.Kind.PROJECT, "project folder " + directory
                        + (folder.exists() ? " is not a folder" : " does not exist")
                        + "; check it out there, or set `path` under [projects." + id + "] in "
                        + config.describeSource());
            }
            Justfile justfile;
            try {
                justfile = just.read(directory);
            } catch (BenchException e) {
                throw new PlanProblem(Problem.Kind.PROJECT, e.getMessage());
            }
            if (query.wants(RunKind.BASELINE) || query.wants(RunKind.HIGH)) {
                planLocalRuns(project, query, probing, defaults, justfile, runs, problems);
            }
            if (query.wants(RunKind.OFFLOAD)) {
                planOffloadRun(project, probing, defaults, justfile, runs, problems);
            }
        } catch (PlanProblem e) {
            problems.add(Problem.of(id, e.kind(), e.getMessage()));
        }
        return new ProjectPlan(id, project.path(), runs);
    }

    // ---------------------------------------------------------------- local runs

    private void planLocalRuns(ProjectConfig project, Query query, Probing probing, RunDefaults defaults,
            Justfile justfile, List<PlannedRun> runs, List<Problem> problems) {
        try {
            String recipe = RecipeNames.require(justfile, defaults.localRecipe(), "baseline_recipe", project,
                    config, RecipeNames.Runs.PYTEST, defaults.offloadRecipe());
            RecipeCall baselineCall = RecipeCall.of(recipe).withEnvironment(defaults.env());
            if (defaults.outputParser().isPresent()) {
                planRunnerLocalRuns(project, defaults, justfile, baselineCall, runs);
                return;
            }
            Optional<WorkerFinder.Finding> reading;
            String readingProblem = "";
            try {
                reading = Optional.of(workers.find(project.path(), justfile, baselineCall, environment));
            } catch (PlanProblem e) {
                reading = Optional.empty();
                readingProblem = e.getMessage();
            }
            boolean probe = probing.enabled();
            Optional<String> notProbed = Optional.empty();
            if (probe) {
                notProbed = ProbeSafety.pytest(just.dryRun(project.path(), baselineCall))
                        .map(why -> "not probed: " + why + "; planned by reading the justfile");
                probe = notProbed.isEmpty();
                if (!probe && reading.isEmpty()) {
                    throw new PlanProblem("recipe `" + recipe + "` cannot be probed safely: "
                            + notProbed.get().substring("not probed: ".length()) + ", and " + readingProblem);
                }
            }
            if (probe && probing.readingAhead()) {
                return; // the probe would tell the rest
            }
            Baseline baseline = probe ? probedBaseline(probing, baselineCall, reading, readingProblem)
                    : readBaseline(reading, readingProblem);
            runs.add(localRun(RunKind.BASELINE, project, baselineCall, baseline.workers(), baseline.source(),
                    withNote(notProbed, baseline.notes()), baseline.probe()));
            if (!query.wants(RunKind.HIGH)) {
                return;
            }
            int target = defaults.high().forBaseline(baseline.workers());
            HighCall high = target == baseline.workers()
                    ? new HighCall(baselineCall, "the baseline's own command", List.of("the baseline already starts "
                            + target + " workers"), baseline.probe())
                    : probe ? probedHigh(probing, project, justfile, baselineCall, reading, baseline,
                            target, defaults)
                    : readHigh(project, justfile, baselineCall, reading.get(), target, defaults);
            List<String> notes = new ArrayList<>(high.notes());
            notes.add(0, "high = " + defaults.high().describe());
            runs.add(localRun(RunKind.HIGH, project, high.call(), target, high.how(), withNote(notProbed, notes),
                    high.probe()));
        } catch (PlanProblem e) {
            problems.add(Problem.of(project.profile(), e.kind(), e.getMessage()));
        } catch (BenchException e) {
            if (e instanceof Interrupted interrupted) {
                throw interrupted;
            }
            problems.add(Problem.of(project.profile(), Problem.Kind.READING, e.getMessage()));
        }
    }

    private static List<String> withNote(Optional<String> note, List<String> notes) {
        if (note.isEmpty()) {
            return notes;
        }
        List<String> all = new ArrayList<>(notes);
        all.add(note.get());
        return all;
    }

    /** Local runs of a runner other than pytest-xdist, which takes its worker count from the profile's variable. */
    private void planRunnerLocalRuns(ProjectConfig project, RunDefaults defaults, Justfile justfile,
            RecipeCall baselineCall, List<PlannedRun> runs) {
        RunnerWorkers.Finding baseline = runnerWorkers.baseline(project, defaults, justfile, baselineCall,
                environment);
        List<String> baselineNotes = new ArrayList<>(baseline.notes());
        baselineNotes.add("output read by " + defaults.outputParser().orElseThrow());
        runs.add(localRun(RunKind.BASELINE, project, baselineCall, baseline.workers(), baseline.source(),
                baselineNotes, Optional.empty()));
        int target = defaults.high().forBaseline(baseline.workers());
        runs.add(localRun(RunKind.HIGH, project, RunnerWorkers.high(defaults, baselineCall, target), target,
                defaults.workersEnv().orElseThrow() + "=" + target, List.of("high = " + defaults.high().describe()),
                Optional.empty()));
    }

    private record Baseline(int workers, String source, List<String> notes, Optional<ProbeResult> probe) {
    }

    private static Baseline readBaseline(Optional<WorkerFinder.Finding> reading, String readingProblem) {
        WorkerFinder.Finding found = reading.orElseThrow(() -> new PlanProblem(readingProblem));
        return new Baseline(found.workers(), found.source().map(SourceLine::toString).orElse(found.written()),
                found.notes(), Optional.empty());
    }

    /** The baseline's count is what xdist really starts; reading only says where it comes from. */
    private Baseline probedBaseline(Probing probing, RecipeCall call, Optional<WorkerFinder.Finding> reading,
            String readingProblem) {
        ProbeResult result = probing.run(RunKind.BASELINE, "baseline", call);
        ObservedPytest seen = requirePytest(result, call);
        int count = seen.workers();
        List<String> notes = new ArrayList<>();
        String source;
        if (reading.isPresent() && reading.get().workers() == count) {
            notes.addAll(reading.get().notes());
            source = reading.get().source().map(SourceLine::toString).orElse(reading.get().written());
        } else {
            source = "probe: " + seen.describe();
            if (reading.isPresent()) {
                WorkerFinder.Finding found = reading.get();
                notes.add("reading the justfile gives " + found.workers() + " (" + found.written()
                        + found.source().map(s -> " at " + s).orElse("") + "), but xdist starts " + count
                        + ": the probe's count is used");
            } else {
                notes.add("reading the justfile could not tell the count (" + readingProblem + "); the probe saw it");
            }
        }
        if (seen.changedByHook()) {
            notes.add("a pytest_configure hook (a conftest or plugin) changes the count: the options ask for "
                    + seen.fromOptions().getAsInt() + ", xdist starts " + count);
        }
        leftovers(result).ifPresent(notes::add);
        return new Baseline(count, source, notes, Optional.of(result.withoutOutput()));
    }

    /** What the probe left running, which it ended: said as a timed run says it. */
    private static Optional<String> leftovers(ProbeResult result) {
        List<LeftoverProcess> left = result.leftovers();
        if (left.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("its probe ended " + left.size() + " process" + (left.size() == 1 ? "" : "es")
                + " the command left running: " + left.stream().map(LeftoverProcess::toString)
                        .collect(Collectors.joining(", ")));
    }

    private record HighCall(RecipeCall call, String how, List<String> notes, Optional<ProbeResult> probe) {
    }

    /** The first way the project offers that really gives the target count, as a probe shows. */
    private HighCall probedHigh(Probing probing, ProjectConfig project, Justfile justfile, RecipeCall baselineCall,
            Optional<WorkerFinder.Finding> reading, Baseline baseline, int target, RunDefaults defaults) {
        List<WorkerOverride> candidates = workers.overrides(reading, justfile, defaults.workersEnv());
        List<String> tried = new ArrayList<>();
        List<ProbeResult> results = new ArrayList<>();
        for (WorkerOverride override : candidates) {
            RecipeCall call;
            try {
                call = override.apply(baselineCall, target);
            } catch (PlanProblem e) {
                tried.add(override.describe() + ": " + e.getMessage());
                continue;
            }
            ProbeResult result = probing.run(RunKind.HIGH, "high: " + override.describe(), call);
            Optional<ObservedPytest> seen = observedWorkers(result);
            if (seen.isEmpty()) {
                tried.add(override.describe() + ": " + whyNoCount(result, call));
                continue;
            }
            results.add(result);
            int count = seen.get().workers();
            if (count == target) {
                return new HighCall(call, override.describe(), leftovers(result).stream().toList(),
                        Optional.of(result.withoutOutput()));
            }
            if (count < target && seen.get().auto()
                    && !call.environment().containsKey(WorkerOverride.AutoWorkers.VARIABLE)) {
                RecipeCall withAuto = new WorkerOverride.AutoWorkers().apply(call, target);
                ProbeResult again = probing.run(RunKind.HIGH, "high: " + override.describe() + " with "
                        + WorkerOverride.AutoWorkers.VARIABLE, withAuto);
                Optional<ObservedPytest> seenAgain = observedWorkers(again);
                if (seenAgain.isPresent() && seenAgain.get().workers() == target) {
                    List<String> notes = new ArrayList<>(List.of("-n auto starts only " + count
                            + " workers on this machine; " + WorkerOverride.AutoWorkers.VARIABLE + "=" + target
                            + " makes it start " + target));
                    leftovers(again).ifPresent(notes::add);
                    return new HighCall(withAuto, override.describe(), notes, Optional.of(again.withoutOutput()));
                }
            }
            tried.add(override.describe() + " gives " + count);
        }
        throw new PlanProblem(Problem.Kind.PROBE, "the high run needs " + target + " xdist workers, but no way to"
                + " ask for them works: the baseline starts " + baseline.workers() + " (" + baseline.source() + "), and the probes saw "
                + (tried.isEmpty() ? "nothing to try" : String.join("; ", tried)) + ". "
                + diagnosis(project, results, target, reading) + " Nothing was timed.");
    }

    /** Why no override worked, and what to do about it. */
    private String diagnosis(ProjectConfig project, List<ProbeResult> results, int target,
            Optional<WorkerFinder.Finding> reading) {
        String where = " under [projects." + project.profile() + "] in " + config.describeSource();
        for (ProbeResult result : results) {
            for (ObservedPytest seen : result.pytest()) {
                if (seen.changedByHook() && seen.fromOptions().getAsInt() >= target && seen.workers() < target) {
                    return "The options asked for " + seen.fromOptions().getAsInt() + ", but a pytest_configure hook"
                            + " (a conftest or plugin of the project) lowers xdist's workers to " + seen.workers()
                            + ": lift that cap, or ask for at most " + seen.workers() + " with high_workers" + where
                            + ".";
                }
            }
        }
        String written = reading.map(r -> "Its " + r.written() + r.source().map(s -> " at " + s).orElse("")
                + " is not changed by any of them. ").orElse("");
        return written + "Make the count something the recipe reads (e.g. `-n ${PYTEST_NUMPROCESSES:-4}` or a"
                + " justfile variable `-n {{workers}}`), name the variable the project reads with workers_env, or set"
                + " high_workers" + where + ".";
    }

    /** The first override that gives the target count in a dry run (reading alone, no probe). */
    private HighCall readHigh(ProjectConfig project, Justfile justfile, RecipeCall baselineCall,
            WorkerFinder.Finding baseline, int target, RunDefaults defaults) {
        List<WorkerOverride> candidates = workers.overrides(Optional.of(baseline), justfile, defaults.workersEnv());
        List<String> tried = new ArrayList<>();
        for (WorkerOverride override : candidates) {
            RecipeCall call;
            try {
                call = override.apply(baselineCall, target);
            } catch (PlanProblem e) {
                tried.add(override.describe() + ": " + e.getMessage());
                continue;
            }
            if (override instanceof WorkerOverride.EnvironmentVariable variable
                    && baseline.target().place() == WorkerFinder.Place.PYTEST_CONFIG
                    && defaults.workersEnv().filter(variable.name()::equals).isPresent()) {
                // The project's own code reads it (a conftest, say): a dry run cannot show its effect.
                return new HighCall(call, override.describe(), List.of("the profile says the project reads "
                        + variable.name() + " when pytest's command line has no -n; only a probe can confirm it"
                        + " (bench plan --probe)"), Optional.empty());
            }
            WorkerFinder.Finding found;
            try {
                found = workers.find(project.path(), justfile, call, environment);
            } catch (PlanProblem e) {
                tried.add(override.describe() + ": " + e.getMessage());
                continue;
            }
            if (found.workers() < target && found.auto() && !call.environment()
                    .containsKey(WorkerOverride.AutoWorkers.VARIABLE)) {
                RecipeCall withAuto = new WorkerOverride.AutoWorkers().apply(call, target);
                WorkerFinder.Finding again = workers.find(project.path(), justfile, withAuto, environment);
                if (again.workers() == target) {
                    return new HighCall(withAuto, override.describe(), List.of("-n auto would start only "
                            + found.workers() + " workers on this machine; "
                            + WorkerOverride.AutoWorkers.VARIABLE + "=" + target + " makes it start " + target),
                            Optional.empty());
                }
            }
            if (found.workers() == target) {
                return new HighCall(call, override.describe(), List.of(), Optional.empty());
            }
            tried.add(override.describe() + " gives " + found.workers() + " workers, not " + target);
        }
        String where = baseline.source().map(s -> " at " + s).orElse("");
        WorkerFinder.Setting target0 = baseline.target();
        boolean literal = target0.place() == WorkerFinder.Place.COMMAND_LINE && target0.script().isEmpty()
                && target0.origin().flatMap(BodyLineLocator.Origin::interpolation).isEmpty()
                && ShellValue.of(target0.word().text()).variable().isEmpty();
        throw new PlanProblem("cannot run recipe `" + baselineCall.recipe() + "` with " + target + " workers: its "
                + baseline.written() + where + " is "
                + (literal ? "written literally, so no variable can change it"
                        : "not changed by " + String.join("; ", tried))
                + ". Make the count a variable the recipe reads (e.g. `-n ${PYTEST_NUMPROCESSES:-4}` or a justfile"
                + " variable `-n {{workers}}`)"
                + (literal ? "" : ", or name the variable the project reads with workers_env under [projects."
                        + project.profile() + "] in " + config.describeSource()) + ".");
    }

    // ---------------------------------------------------------------- the Offload run

    private void planOffloadRun(ProjectConfig project, Probing probing, RunDefaults defaults, Justfile justfile,
            List<PlannedRun> runs, List<Problem> problems) {
        try {
            String recipe = RecipeNames.require(justfile, defaults.offloadRecipe(), "offload_recipe", project,
                    config, RecipeNames.Runs.OFFLOAD, defaults.localRecipe());
            RecipeCall call = RecipeCall.of(recipe).withEnvironment(defaults.env());
            Optional<ProbeResult> probed = Optional.empty();
            List<String> notes = new ArrayList<>();
            OffloadFinder.Finding found;
            Optional<String> notProbed = probing.enabled()
                    ? ProbeSafety.offload(just.dryRun(project.path(), call)) : Optional.empty();
            if (notProbed.isPresent()) {
                try {
                    found = offload.find(project.path(), justfile, call, environment);
                } catch (PlanProblem e) {
                    throw new PlanProblem(e.kind(), "recipe `" + recipe + "` cannot be probed safely: "
                            + notProbed.get() + "; and reading it does not tell how it runs offload: "
                            + e.getMessage());
                }
                notes.add("not probed: " + notProbed.get() + "; planned by reading the justfile");
            } else if (probing.enabled()) {
                Optional<OffloadFinder.Finding> reading;
                try {
                    reading = Optional.of(offload.find(project.path(), justfile, call, environment));
                } catch (PlanProblem e) {
                    if (e.kind() != Problem.Kind.READING) {
                        throw e; // the configuration reading found wanting, which nothing in the recipe writes first
                    }
                    reading = Optional.empty();
                }
                if (probing.readingAhead()) {
                    // the probe would tell; what reading gives says which provider the run needs
                    reading.ifPresent(finding -> runs.add(offloadRun(project, recipe, call, finding, List.of(),
                            Optional.empty())));
                    return;
                }
                ProbeResult result = probing.run(RunKind.OFFLOAD, "offload", call);
                ObservedOffload started = requireOffload(result, call);
                found = offload.observed(started, call);
                probed = Optional.of(result.withoutOutput());
                if (reading.isPresent() && reading.get().maxParallel() != found.maxParallel()) {
                    notes.add("reading the justfile gives max_parallel " + reading.get().maxParallel() + " ("
                            + reading.get().source() + "), but offload is started with " + found.maxParallel()
                            + ": the probe's is used");
                }
                if (result.exitCode() != 0) {
                    notes.add("the recipe exited " + result.exitCode() + " after the probe's stand-in offload"
                            + " returned 0");
                }
                leftovers(result).ifPresent(notes::add);
            } else {
                found = offload.find(project.path(), justfile, call, environment);
            }
            runs.add(offloadRun(project, recipe, call, found, notes, probed));
        } catch (PlanProblem e) {
            problems.add(Problem.of(project.profile(), e.kind(), e.getMessage()));
        } catch (BenchException e) {
            if (e instanceof Interrupted interrupted) {
                throw interrupted;
            }
            problems.add(Problem.of(project.profile(), Problem.Kind.READING, e.getMessage()));
        }
    }

    private static PlannedRun offloadRun(ProjectConfig project, String recipe, RecipeCall call,
            OffloadFinder.Finding found, List<String> notes, Optional<ProbeResult> probed) {
        return new PlannedRun(RunKind.OFFLOAD, recipe, call.argv(), call.environment(), project.path(),
                OptionalInt.empty(), Optional.empty(), OptionalInt.of(found.maxParallel()),
                Optional.of(found.source()), 1, notes, Optional.of(found.provider()), probed, found.digest());
    }

    // ---------------------------------------------------------------- probing

    /** Probing for one project, or not at all. */
    private final class Probing {
        private final Query query;
        private final Mode mode;
        private final Optional<SessionLock.Held> lock;
        private final String profileId;
        private final ProbeListener listener;
        private final Cancellation cancellation;

        Probing(Query query, Mode mode, Optional<SessionLock.Held> lock, String profileId, ProbeListener listener,
                Cancellation cancellation) {
            this.query = query;
            this.mode = mode;
            this.lock = lock;
            this.profileId = profileId;
            this.listener = listener;
            this.cancellation = cancellation;
        }

        boolean enabled() {
            return mode != Mode.READ;
        }

        /** Planning stops where the first probe of a run would start: what reading alone settles. */
        boolean readingAhead() {
            return mode == Mode.READ_AHEAD;
        }

        /** Runs a probe, its marker recorded with the machine's lock before it starts and cleared once it has ended. */
        ProbeResult run(RunKind kind, String purpose, RecipeCall call) {
            SessionLock.Held held = lock.filter(l -> mode == Mode.PROBE).orElseThrow(() -> new IllegalStateException(
                    "a probe runs only under the machine's lock"));
            Path directory = config.project(profileId).map(ProjectConfig::path).orElseThrow();
            String marker = Markers.next(Markers.PROBE);
            held.recordProbe(marker);
            listener.probeStarted(profileId, kind, purpose, call.argv(), call.environment());
            ProbeResult result = runProbe.probe(new ProbeRequest(kind, call.argv(), call.environment(), directory,
                    query.probeTimeout(), marker), cancellation);
            held.clearProbe(marker);
            listener.probeFinished(profileId, kind, result);
            if (result.outcome() == ProbeResult.Outcome.CANCELLED || cancellation.isCancelled()) {
                throw new Interrupted("interrupted while probing " + profileId + " " + kind
                        + " (`" + String.join(" ", call.argv()) + "`); nothing was run or recorded");
            }
            return result;
        }
    }

    private static Optional<ObservedPytest> observedWorkers(ProbeResult result) {
        if (result.outcome() != ProbeResult.Outcome.OBSERVED || result.workers().isEmpty()) {
            return Optional.empty();
        }
        return result.pytest().stream().findFirst();
    }

    /** The one pytest start of a local run, with xdist workers, or a problem saying why not. */
    private static ObservedPytest requirePytest(ProbeResult result, RecipeCall call) {
        Optional<ObservedPytest> seen = observedWorkers(result);
        if (seen.isEmpty()) {
            throw new PlanProblem(Problem.Kind.PROBE, whyNoCount(result, call));
        }
        if (seen.get().workers() == 0) {
            throw new PlanProblem(Problem.Kind.PROBE, "probing `" + String.join(" ", call.argv()) + "`: pytest starts without xdist"
                    + " workers (" + seen.get().describe() + "); give it -n N, or configure a baseline_recipe that"
                    + " does");
        }
        return seen.get();
    }

    private static String whyNoCount(ProbeResult result, RecipeCall call) {
        String command = "probing `" + String.join(" ", call.argv()) + "`";
        return switch (result.outcome()) {
            case FAILED, TIMED_OUT, CANCELLED -> command + ": " + result.problem() + tail(result);
            case OBSERVED -> {
                if (result.pytest().isEmpty()) {
                    yield command + ": the recipe " + exited(result) + " without starting pytest, so its worker"
                            + " count cannot be verified (a recipe that replaces PYTHONPATH or PYTEST_PLUGINS keeps"
                            + " the probe's pytest plugin out; --no-probe skips probing)" + tail(result);
                }
                yield command + ": the recipe starts pytest " + result.pytest().size() + " times, with "
                        + result.pytest().stream().map(p -> Integer.toString(p.workers()))
                                .collect(Collectors.joining(", ")) + " workers: which one to report is unclear";
            }
        };
    }

    private static ObservedOffload requireOffload(ProbeResult result, RecipeCall call) {
        String command = "probing `" + String.join(" ", call.argv()) + "`";
        if (result.outcome() != ProbeResult.Outcome.OBSERVED) {
            throw new PlanProblem(Problem.Kind.PROBE, command + ": " + result.problem() + tail(result));
        }
        return result.offloadRun().orElseThrow(() -> new PlanProblem(Problem.Kind.PROBE, command + ": the recipe " + exited(result)
                + " without starting `offload run`"
                + (result.offload().isEmpty() ? "" : " (it ran offload " + result.offload().stream()
                        .map(o -> String.join(" ", o.arguments())).collect(Collectors.joining("; ")) + ")")
                + tail(result)));
    }

    private static String exited(ProbeResult result) {
        return "exited " + result.exitCode() + " after " + result.elapsed().toMillis() / 1000.0 + " s";
    }

    private static String tail(ProbeResult result) {
        List<String> lines = result.outputTail();
        if (lines.isEmpty()) {
            return "";
        }
        List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        return "; its last output:" + last.stream().map(line -> "\n      | " + line).collect(Collectors.joining());
    }

    private static PlannedRun localRun(RunKind kind, ProjectConfig project, RecipeCall call, int count,
            String source, List<String> notes, Optional<ProbeResult> probe) {
        return new PlannedRun(kind, call.recipe(), call.argv(), call.environment(), project.path(),
                OptionalInt.of(count), Optional.of(source), OptionalInt.empty(), Optional.empty(), 0, notes,
                Optional.empty(), probe);
    }

    private MachineDescription machineDescription(List<Problem> problems) {
        if (config.machine().isPresent()) {
            return new MachineDescription(config.machine().get(), MachineDescription.Source.CONFIG);
        }
        try {
            Matcher sentence = MACHINE_SENTENCE.matcher(readmes.currentSection(config.readme()));
            if (sentence.find()) {
                return new MachineDescription(sentence.group(1), MachineDescription.Source.README);
            }
        } catch (BenchException e) {
            // no usable README section: fall through to this machine
        }
        Optional<String> detected = machine.describe();
        if (detected.isEmpty()) {
            problems.add(Problem.general(Problem.Kind.MACHINE, "cannot tell which machine this is; set `machine = \"...\"` in "
                    + config.describeSource()));
        }
        return new MachineDescription(detected.orElse("unknown machine"), MachineDescription.Source.DETECTED);
    }
}
