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
import dev.offloadbench.domain.port.in.PlanBenchmark;
import dev.offloadbench.domain.port.out.JustfileReader;
import dev.offloadbench.domain.port.out.MachineProbe;
import dev.offloadbench.domain.port.out.OffloadConfigReader;
import dev.offloadbench.domain.port.out.PytestConfigReader;
import dev.offloadbench.domain.port.out.ReadmeStore;
import dev.offloadbench.domain.profile.ProfileRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Step 1 of the procedure: reads each project's justfile at invocation time and works out every
 * run, in execution order, with the exact command, environment and worker counts, and where each
 * number comes from. Nothing is run but {@code just --dump} and {@code just --dry-run}.
 */
public final class Planner implements PlanBenchmark {
    private static final Pattern MACHINE_SENTENCE = Pattern.compile("All local baselines were run on an? (.+?)\\.(?=\\s|$)");

    private final BenchConfig config;
    private final ProfileRegistry profiles;
    private final JustfileReader just;
    private final MachineProbe machine;
    private final ReadmeStore readmes;
    private final Map<String, String> environment;
    private final WorkerFinder workers;
    private final OffloadFinder offload;
    private final RunnerWorkers runnerWorkers;

    public Planner(BenchConfig config, ProfileRegistry profiles, JustfileReader just, PytestConfigReader pytest,
            OffloadConfigReader offloadConfigs, MachineProbe machine, ReadmeStore readmes,
            Map<String, String> environment) {
        this.config = config;
        this.profiles = profiles;
        this.just = just;
        this.machine = machine;
        this.readmes = readmes;
        this.environment = Map.copyOf(environment);
        this.workers = new WorkerFinder(just, pytest, machine.cores());
        this.offload = new OffloadFinder(just, offloadConfigs);
        this.runnerWorkers = new RunnerWorkers(just, machine.cores());
    }

    @Override
    public BenchmarkPlan plan(Query query) {
        List<Problem> problems = new ArrayList<>();
        List<ProjectConfig> selected = select(query, problems);
        List<ProjectPlan> plans = new ArrayList<>();
        for (ProjectConfig project : selected) {
            plans.add(planProject(project, problems));
        }
        return new BenchmarkPlan(machineDescription(problems), config.readme(), plans, problems);
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
                problems.add(Problem.of(id, "no project uses profile `" + id + "` in " + config.describeSource()
                        + "; configured: " + String.join(", ", config.projects().stream()
                                .map(ProjectConfig::profile).toList())
                        + ". Add a [projects." + id + "] table with its path"));
            }
        }
        return selected;
    }

    private ProjectPlan planProject(ProjectConfig project, List<Problem> problems) {
        String id = project.profile();
        List<PlannedRun> runs = new ArrayList<>();
        try {
            Profile profile = profiles.get(id);
            RunDefaults defaults = project.applyTo(profile.runs());
            Path directory = project.path();
            if (!Files.isDirectory(directory)) {
                throw new PlanProblem("project folder " + directory + " does not exist; check it out there, or set"
                        + " `path` under [projects." + id + "] in " + config.describeSource());
            }
            Justfile justfile = just.read(directory);
            planLocalRuns(project, defaults, justfile, runs, problems);
            planOffloadRun(project, defaults, justfile, runs, problems);
        } catch (PlanProblem | BenchException e) {
            problems.add(Problem.of(id, e.getMessage()));
        }
        return new ProjectPlan(id, project.path(), runs);
    }

    private void planLocalRuns(ProjectConfig project, RunDefaults defaults, Justfile justfile, List<PlannedRun> runs,
            List<Problem> problems) {
        try {
            String recipe = RecipeNames.require(justfile, defaults.localRecipe(), "baseline_recipe", project,
                    config, defaults.offloadRecipe());
            RecipeCall baselineCall = RecipeCall.of(recipe).withEnvironment(defaults.env());
            if (defaults.outputParser().isPresent()) {
                planRunnerLocalRuns(project, defaults, justfile, baselineCall, runs);
                return;
            }
            WorkerFinder.Finding baseline = workers.find(project.path(), justfile, baselineCall, environment);
            runs.add(localRun(RunKind.BASELINE, project, baselineCall, baseline.workers(),
                    baseline.source().map(SourceLine::toString).orElse(baseline.written()), baseline.notes()));

            int target = defaults.high().forBaseline(baseline.workers());
            HighCall high = highCall(project, justfile, baselineCall, baseline, target, defaults);
            List<String> notes = new ArrayList<>(high.notes());
            notes.add(0, "high = " + defaults.high().describe());
            runs.add(localRun(RunKind.HIGH, project, high.call(), target, high.how(), notes));
        } catch (PlanProblem | BenchException e) {
            problems.add(Problem.of(project.profile(), e.getMessage()));
        }
    }

    /** Local runs of a runner other than pytest-xdist, which takes its worker count from the profile's variable. */
    private void planRunnerLocalRuns(ProjectConfig project, RunDefaults defaults, Justfile justfile,
            RecipeCall baselineCall, List<PlannedRun> runs) {
        RunnerWorkers.Finding baseline = runnerWorkers.baseline(project, defaults, justfile, baselineCall,
                environment);
        List<String> baselineNotes = new ArrayList<>(baseline.notes());
        baselineNotes.add("output read by " + defaults.outputParser().orElseThrow());
        runs.add(localRun(RunKind.BASELINE, project, baselineCall, baseline.workers(), baseline.source(),
                baselineNotes));
        int target = defaults.high().forBaseline(baseline.workers());
        runs.add(localRun(RunKind.HIGH, project, RunnerWorkers.high(defaults, baselineCall, target), target,
                defaults.workersEnv().orElseThrow() + "=" + target, List.of("high = " + defaults.high().describe())));
    }

    private record HighCall(RecipeCall call, String how, List<String> notes) {
    }

    /** The first override the project offers that really gives the target count, checked with a dry run. */
    private HighCall highCall(ProjectConfig project, Justfile justfile, RecipeCall baselineCall,
            WorkerFinder.Finding baseline, int target, RunDefaults defaults) {
        List<WorkerOverride> candidates = workers.overrides(baseline, justfile, defaults.workersEnv());
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
                    && baseline.target().place() != WorkerFinder.Place.COMMAND_LINE) {
                // The project's own code reads it (a conftest, say): a dry run cannot show its effect.
                return new HighCall(call, override.describe(), List.of("the profile says the project reads "
                        + variable.name() + " when pytest's command line has no -n"));
            }
            WorkerFinder.Finding found = workers.find(project.path(), justfile, call, environment);
            if (found.workers() < target && found.auto() && !call.environment()
                    .containsKey(WorkerOverride.AutoWorkers.VARIABLE)) {
                RecipeCall withAuto = new WorkerOverride.AutoWorkers().apply(call, target);
                WorkerFinder.Finding again = workers.find(project.path(), justfile, withAuto, environment);
                if (again.workers() == target) {
                    return new HighCall(withAuto, override.describe(), List.of("-n auto would start only "
                            + found.workers() + " workers on this machine; "
                            + WorkerOverride.AutoWorkers.VARIABLE + "=" + target + " makes it start " + target));
                }
            }
            if (found.workers() == target) {
                return new HighCall(call, override.describe(), List.of());
            }
            tried.add(override.describe() + " gives " + found.workers() + " workers, not " + target);
        }
        String where = baseline.source().map(s -> " at " + s).orElse("");
        throw new PlanProblem("cannot run recipe `" + baselineCall.recipe() + "` with " + target + " workers: its "
                + baseline.written() + where + " is "
                + (candidates.isEmpty() ? "written literally, so no variable can change it" : "not changed by "
                        + String.join("; ", tried))
                + ". Make the count a variable the recipe reads (e.g. `-n ${PYTEST_NUMPROCESSES:-4}` or a justfile"
                + " variable `-n {{workers}}`)"
                + (candidates.isEmpty() ? "" : ", or name the variable the project reads with workers_env under"
                        + " [projects." + project.profile() + "] in " + config.describeSource())
                + ".");
    }

    private void planOffloadRun(ProjectConfig project, RunDefaults defaults, Justfile justfile,
            List<PlannedRun> runs, List<Problem> problems) {
        try {
            String recipe = RecipeNames.require(justfile, defaults.offloadRecipe(), "offload_recipe", project,
                    config, defaults.localRecipe());
            RecipeCall call = RecipeCall.of(recipe).withEnvironment(defaults.env());
            OffloadFinder.Finding found = offload.find(project.path(), justfile, call, environment);
            runs.add(new PlannedRun(RunKind.OFFLOAD, recipe, call.argv(), call.environment(), project.path(),
                    OptionalInt.empty(), Optional.empty(), OptionalInt.of(found.maxParallel()),
                    Optional.of(found.source()), 1, List.of()));
        } catch (PlanProblem | BenchException e) {
            problems.add(Problem.of(project.profile(), e.getMessage()));
        }
    }

    private static PlannedRun localRun(RunKind kind, ProjectConfig project, RecipeCall call, int count,
            String source, List<String> notes) {
        return new PlannedRun(kind, call.recipe(), call.argv(), call.environment(), project.path(),
                OptionalInt.of(count), Optional.of(source), OptionalInt.empty(), Optional.empty(), 0, notes);
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
            problems.add(Problem.general("cannot tell which machine this is; set `machine = \"...\"` in "
                    + config.describeSource()));
        }
        return new MachineDescription(detected.orElse("unknown machine"), MachineDescription.Source.DETECTED);
    }
}
