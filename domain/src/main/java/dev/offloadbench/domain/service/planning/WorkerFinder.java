package dev.offloadbench.domain.service.planning;

import dev.offloadbench.domain.justfile.Assignment;
import dev.offloadbench.domain.justfile.Expression;
import dev.offloadbench.domain.justfile.Justfile;
import dev.offloadbench.domain.justfile.RecipeCall;
import dev.offloadbench.domain.justfile.SourceLine;
import dev.offloadbench.domain.service.planning.ShellWords.Word;
import dev.offloadbench.domain.port.out.JustfileReader;
import dev.offloadbench.domain.port.out.PytestConfigReader;
import dev.offloadbench.domain.port.out.PytestConfigReader.PytestConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Finds how many xdist workers a recipe call starts and where that number comes from: the
 * pytest command line the recipe runs (literally, through a justfile variable or parameter, or a
 * shell variable), {@code PYTEST_ADDOPTS}, or pytest's own configuration, in pytest's order of
 * precedence (configuration, then PYTEST_ADDOPTS, then the command line; the last one wins).
 */
final class WorkerFinder {
    private final JustfileReader just;
    private final PytestConfigReader pytestConfig;
    private final int cores;

    WorkerFinder(JustfileReader just, PytestConfigReader pytestConfig, int cores) {
        this.just = just;
        this.pytestConfig = pytestConfig;
        this.cores = cores;
    }

    /** Where a worker option's value was written. */
    enum Place { COMMAND_LINE, PYTEST_ADDOPTS, PYTEST_CONFIG }

    /** One xdist option's value and where it was written. */
    record Setting(String option, Word word, Place place, String line, Optional<SourceLine> source,
            Optional<BodyLineLocator.Origin> origin) {
    }

    /**
     * What a call will start.
     *
     * @param workers the workers xdist will really start
     * @param written how the options read, e.g. {@code -n auto --maxprocesses 3}
     * @param source the file and line of the value that decides the count
     * @param target the option to change for another count
     */
    record Finding(int workers, String written, Optional<SourceLine> source, Setting target, boolean auto,
            List<String> notes) {
    }

    Finding find(Path directory, Justfile justfile, RecipeCall call, Map<String, String> processEnvironment) {
        Map<String, String> environment = runEnvironment(just, directory, justfile, call, processEnvironment);
        List<String> lines = just.dryRun(directory, call);
        CommandLines.Invocation pytest = CommandLines.find(lines, CommandLines::isPytest)
                .orElseThrow(() -> new PlanProblem("recipe `" + call.recipe() + "` does not run pytest; it runs: "
                        + summarize(lines)));

        Optional<PytestConfig> config = pytestConfig.find(directory);
        String addopts = config.flatMap(PytestConfig::addopts).orElse("");
        String envAddopts = environment.getOrDefault(WorkerOverride.PytestAddopts.VARIABLE, "");
        Optional<SourceLine> configLine = config.flatMap(PytestConfig::addoptsLine);

        Optional<Setting> count = latest("-n", pytest, justfile, call, addopts, configLine, envAddopts,
                XdistOptions::count);
        Optional<Setting> max = latest("--maxprocesses", pytest, justfile, call, addopts, configLine, envAddopts,
                XdistOptions::max);
        if (count.isEmpty()) {
            throw new PlanProblem("recipe `" + call.recipe() + "` runs pytest without xdist: no -n/--numprocesses on"
                    + " its command line (" + pytest.line().strip() + ")"
                    + config.map(c -> ", nor in the addopts of " + c.file()).orElse(", and pytest has no configuration"
                            + " file with addopts")
                    + "; give it -n N, or configure a baseline_recipe that does");
        }
        List<String> notes = new ArrayList<>();
        String countText = resolve(count.get(), environment, call);
        boolean auto = countText.equals("auto") || countText.equals("logical");
        int workers;
        if (auto) {
            String fromEnvironment = environment.get(WorkerOverride.AutoWorkers.VARIABLE);
            OptionalInt explicit = parse(fromEnvironment == null ? "" : fromEnvironment.strip());
            workers = explicit.orElse(cores);
            notes.add("-n " + countText + " starts " + (explicit.isPresent()
                    ? WorkerOverride.AutoWorkers.VARIABLE + "=" + workers + " workers"
                    : "one worker per core: " + cores + " on this machine"));
        } else {
            workers = parse(countText).orElseThrow(() -> new PlanProblem("recipe `" + call.recipe()
                    + "` gives xdist the worker count `" + countText + "`, which is not a number"));
        }
        Setting decisive = count.get();
        String written = "-n " + countText;
        if (max.isPresent()) {
            String maxText = resolve(max.get(), environment, call);
            int cap = parse(maxText).orElseThrow(() -> new PlanProblem("recipe `" + call.recipe()
                    + "` gives --maxprocesses `" + maxText + "`, which is not a number"));
            written += " --maxprocesses " + cap;
            if (auto || cap <= workers) {
                decisive = max.get();
            }
            if (cap < workers || auto) {
                workers = Math.min(workers, cap);
            }
        }
        if (workers < 1) {
            throw new PlanProblem("recipe `" + call.recipe() + "` runs pytest with " + written
                    + ", which starts no xdist worker");
        }
        return new Finding(workers, written, decisive.source(), decisive, auto, notes);
    }

    /**
     * The environment the recipe's shell will see: the inherited one, what the call adds, the
     * variables just exports (a literal as written, anything else as {@code just --evaluate} says,
     * unless that would run a command), and the recipe's {@code [env(NAME, VALUE)]} attributes.
     */
    static Map<String, String> runEnvironment(JustfileReader just, Path directory, Justfile justfile, RecipeCall call,
            Map<String, String> inherited) {
        Map<String, String> environment = new HashMap<>(inherited);
        environment.putAll(call.environment());
        for (Assignment assignment : justfile.assignments().values()) {
            if (!assignment.exported() && !justfile.exportAll()) {
                continue;
            }
            String overridden = call.variables().get(assignment.name());
            if (overridden != null) {
                environment.put(assignment.name(), overridden);
            } else if (assignment.value() instanceof Expression.Literal literal) {
                environment.put(assignment.name(), literal.value());
            } else if (!assignment.value().runsCommands(justfile)) {
                just.evaluate(directory, call, assignment.name()).ifPresent(v -> environment.put(assignment.name(), v));
            }
        }
        justfile.recipe(call.recipe()).ifPresent(recipe -> environment.putAll(recipe.environment()));
        return environment;
    }

    /** The ways this project offers to change the decisive option, most direct first. */
    List<WorkerOverride> overrides(Finding finding, Justfile justfile, Optional<String> profileVariable) {
        Setting target = finding.target();
        List<WorkerOverride> candidates = new ArrayList<>();
        if (target.place() != Place.COMMAND_LINE) {
            // The project's own variable yields to any explicit -n, and one in PYTEST_ADDOPTS is explicit.
            if (target.place() == Place.PYTEST_CONFIG) {
                profileVariable.ifPresent(name -> candidates.add(new WorkerOverride.EnvironmentVariable(name,
                        "the profile's override variable")));
            }
            candidates.add(new WorkerOverride.PytestAddopts(target.option()));
            return candidates;
        }
        Optional<Expression> interpolation = target.origin().flatMap(BodyLineLocator.Origin::interpolation);
        if (interpolation.isPresent()) {
            Expression expression = interpolation.get();
            if (expression instanceof Expression.Variable variable) {
                var recipe = target.origin().get().recipe();
                if (recipe.parameter(variable.name()).isPresent()) {
                    candidates.add(new WorkerOverride.RecipeArgument(recipe, variable.name()));
                } else {
                    Optional<Assignment> assignment = justfile.assignment(variable.name());
                    assignment.ifPresent(a -> environmentVariables(a.value(), profileVariable).forEach(name ->
                            candidates.add(new WorkerOverride.EnvironmentVariable(name, "read by justfile variable `"
                                    + a.name() + "`"))));
                    candidates.add(new WorkerOverride.JustVariable(variable.name()));
                }
            } else {
                environmentVariables(expression, profileVariable).forEach(name -> candidates.add(
                        new WorkerOverride.EnvironmentVariable(name, "read by the recipe's interpolation")));
            }
        } else {
            ShellValue value = ShellValue.of(target.word().text());
            value.variable().ifPresent(name -> {
                boolean exportedByJust = justfile.assignment(name)
                        .map(a -> a.exported() || justfile.exportAll()).orElse(false);
                candidates.add(exportedByJust ? new WorkerOverride.JustVariable(name)
                        : new WorkerOverride.EnvironmentVariable(name, "read by the recipe's shell"));
            });
        }
        if (finding.auto() && target.option().equals("-n")) {
            candidates.add(new WorkerOverride.AutoWorkers());
        }
        return candidates;
    }

    private static List<String> environmentVariables(Expression expression, Optional<String> preferred) {
        Set<String> names = new LinkedHashSet<>();
        List<String> read = expression.environmentVariables();
        preferred.filter(read::contains).ifPresent(names::add);
        names.addAll(read);
        return List.copyOf(names);
    }

    private Optional<Setting> latest(String option, CommandLines.Invocation pytest, Justfile justfile,
            RecipeCall call, String addopts, Optional<SourceLine> configLine, String envAddopts,
            java.util.function.Function<XdistOptions, Optional<Word>> pick) {
        Optional<Word> onCommandLine = pick.apply(XdistOptions.in(pytest.arguments()));
        if (onCommandLine.isPresent()) {
            Word word = onCommandLine.get();
            Optional<BodyLineLocator.Origin> origin = BodyLineLocator.locate(justfile, call.recipe(), pytest.line(),
                    word);
            Optional<SourceLine> source = origin.flatMap(o -> {
                Optional<Expression> inside = o.interpolation();
                if (inside.isPresent() && inside.get() instanceof Expression.Variable variable) {
                    Optional<Assignment> assignment = justfile.assignment(variable.name());
                    if (assignment.isPresent() && o.recipe().parameter(variable.name()).isEmpty()) {
                        return assignment.get().definedAt().or(o::line);
                    }
                    return o.recipe().definedAt().or(o::line);
                }
                return o.line();
            });
            return Optional.of(new Setting(option, word, Place.COMMAND_LINE, pytest.line(), source, origin));
        }
        Optional<Word> inEnvironment = pick.apply(XdistOptions.in(ShellWords.split(envAddopts)));
        if (inEnvironment.isPresent()) {
            return Optional.of(new Setting(option, inEnvironment.get(), Place.PYTEST_ADDOPTS, envAddopts,
                    Optional.empty(), Optional.empty()));
        }
        return pick.apply(XdistOptions.in(ShellWords.split(addopts))).map(word ->
                new Setting(option, word, Place.PYTEST_CONFIG, addopts, configLine, Optional.empty()));
    }

    private static String resolve(Setting setting, Map<String, String> environment, RecipeCall call) {
        ShellValue value = ShellValue.of(setting.word().text());
        return value.resolve(environment).map(String::strip).orElseThrow(() -> new PlanProblem("recipe `"
                + call.recipe() + "` takes its xdist " + setting.option() + " from $" + value.variable().orElse("?")
                + ", which is not set and has no default; set it in the project's env in the configuration"));
    }

    private static OptionalInt parse(String text) {
        try {
            return OptionalInt.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static String summarize(List<String> lines) {
        if (lines.isEmpty()) {
            return "nothing";
        }
        String joined = String.join(" ; ", lines.subList(0, Math.min(3, lines.size())));
        return joined + (lines.size() > 3 ? " ; ..." : "");
    }
}
