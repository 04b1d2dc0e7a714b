package dev.offloadbench.domain.service.planning;

import dev.offloadbench.domain.justfile.Assignment;
import dev.offloadbench.domain.justfile.Expression;
import dev.offloadbench.domain.justfile.Justfile;
import dev.offloadbench.domain.justfile.Recipe;
import dev.offloadbench.domain.justfile.RecipeCall;
import dev.offloadbench.domain.justfile.SourceLine;
import dev.offloadbench.domain.port.out.JustfileReader;
import dev.offloadbench.domain.port.out.PytestConfigReader;
import dev.offloadbench.domain.port.out.PytestConfigReader.PytestConfig;
import dev.offloadbench.domain.service.planning.ShellWords.Word;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds, by reading, how many xdist workers a recipe call starts and where that number comes
 * from: the pytest command line the recipe runs (literally, through a justfile variable or
 * parameter, a shell variable, or a variable the script sets itself in if/else branches),
 * {@code PYTEST_ADDOPTS}, or pytest's own configuration, in pytest's order of precedence
 * (configuration, then PYTEST_ADDOPTS, then the command line; the last one wins). Reading gives
 * provenance; the probe gives the truth.
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

    /**
     * One xdist option's value and where it was written.
     *
     * @param script the script variable the word came from ({@code ${xdist_args}}), when it did
     */
    record Setting(String option, Word word, Place place, String line, Optional<SourceLine> source,
            Optional<BodyLineLocator.Origin> origin, Optional<ScriptVariables.Resolution> script) {
    }

    /**
     * What a call will start.
     *
     * @param workers the workers xdist will really start
     * @param written how the options read, e.g. {@code -n auto --maxprocesses 3}
     * @param source the file and line of the value that decides the count
     * @param target the option to change for another count
     * @param interpolated the value each interpolation of the pytest line printed, where known
     */
    record Finding(int workers, String written, Optional<SourceLine> source, Setting target, boolean auto,
            List<String> notes, Map<Expression, String> interpolated) {
    }

    Finding find(Path directory, Justfile justfile, RecipeCall call, Map<String, String> processEnvironment) {
        Map<String, String> environment = runEnvironment(just, directory, justfile, call, processEnvironment);
        List<String> lines = just.dryRun(directory, call);
        CommandLines.Invocation pytest = CommandLines.find(lines, CommandLines::isPytest)
                .orElseThrow(() -> new PlanProblem("recipe `" + call.recipe() + "` does not run pytest; it runs: "
                        + summarize(lines)));

        Map<Word, ScriptVariables.Resolution> fromScript = new IdentityHashMap<>();
        List<Word> arguments = expandScriptVariables(pytest, lines, environment, fromScript);
        String envAddopts = environment.getOrDefault(WorkerOverride.PytestAddopts.VARIABLE, "");
        List<String> pytestArguments = new ArrayList<>();
        ShellWords.split(envAddopts).forEach(w -> pytestArguments.add(w.text()));
        arguments.forEach(w -> pytestArguments.add(ShellValue.of(w.text()).resolve(environment).orElse(w.text())));
        Optional<PytestConfig> config = pytestConfig.find(directory, pytestArguments);
        String addopts = config.flatMap(PytestConfig::addopts).orElse("");
        Optional<SourceLine> configLine = config.flatMap(PytestConfig::addoptsLine);

        InterpolationValues values = new InterpolationValues(directory, justfile, call);
        Optional<Setting> count = latest("-n", pytest, arguments, fromScript, justfile, call, values, addopts,
                configLine, envAddopts, XdistOptions::count);
        Optional<Setting> max = latest("--maxprocesses", pytest, arguments, fromScript, justfile, call, values,
                addopts, configLine, envAddopts, XdistOptions::max);
        if (count.isEmpty()) {
            throw new PlanProblem("recipe `" + call.recipe() + "` runs pytest without xdist: no -n/--numprocesses on"
                    + " its command line (" + pytest.line().strip() + ")"
                    + config.map(c -> ", nor in the addopts of " + c.file()).orElse(", and pytest has no configuration"
                            + " file with addopts")
                    + "; give it -n N, or configure a baseline_recipe that does");
        }
        List<String> notes = new ArrayList<>();
        count.get().script().ifPresent(script -> notes.add(script.describe()));
        max.flatMap(Setting::script).filter(s -> count.get().script().map(c -> c != s).orElse(true))
                .ifPresent(script -> notes.add(script.describe()));
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
        return new Finding(workers, written, decisive.source(), decisive, auto, notes, values.known());
    }

    /**
     * The pytest arguments with each {@code $NAME} that the script itself set before the pytest
     * line replaced by the words of the value that applies (field splitting, as the shell does).
     */
    private static List<Word> expandScriptVariables(CommandLines.Invocation pytest, List<String> lines,
            Map<String, String> environment, Map<Word, ScriptVariables.Resolution> fromScript) {
        List<Word> expanded = new ArrayList<>();
        for (Word word : pytest.arguments()) {
            ShellValue value = ShellValue.of(word.text());
            Optional<ScriptVariables.Resolution> script = value.variable().filter(n -> value.fallback().isEmpty())
                    .flatMap(name -> ScriptVariables.resolve(lines, pytest.lineIndex(), name, environment));
            if (script.isEmpty()) {
                expanded.add(word);
                continue;
            }
            ScriptVariables.Resolution resolution = script.get();
            // undecidable by reading: the last branch that may apply is the plan's guess, and the plan says so
            Optional<ScriptVariables.Assignment> applying = resolution.chosen().or(() -> resolution.assignments()
                    .stream().filter(a -> a.applies().orElse(true)).reduce((a, b) -> b));
            for (Word part : ShellWords.split(applying.map(ScriptVariables.Assignment::value).orElse(""))) {
                Word placed = new Word(part.text(), -1, -1, false);
                fromScript.put(placed, resolution);
                expanded.add(placed);
            }
        }
        return expanded;
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

    /**
     * The ways to run the recipe with another count, in the order they are tried: the profile's
     * variable; environment variables the recipe's shell (or its justfile variables) read for the
     * count; a justfile variable set on just's command line, keeping the variable's other options;
     * a recipe parameter; for {@code -n auto}, {@code PYTEST_XDIST_AUTO_NUM_WORKERS}; then
     * {@code PYTEST_ADDOPTS}. Without a reading of the count, the profile's variable and
     * {@code PYTEST_ADDOPTS} remain, for the probe to try.
     */
    List<WorkerOverride> overrides(Optional<Finding> finding, Justfile justfile, Optional<String> profileVariable) {
        List<WorkerOverride> candidates = new ArrayList<>();
        if (finding.isEmpty()) {
            candidates.add(new WorkerOverride.PytestAddopts("-n"));
            return profileFirst(candidates, profileVariable);
        }
        Setting target = finding.get().target();
        List<WorkerOverride> justVariables = new ArrayList<>();
        List<WorkerOverride> parameters = new ArrayList<>();
        if (target.place() == Place.COMMAND_LINE) {
            Optional<Expression> interpolation = target.origin().flatMap(BodyLineLocator.Origin::interpolation);
            if (target.script().isPresent()) {
                target.script().get().environmentVariables().forEach(name -> candidates.add(
                        new WorkerOverride.EnvironmentVariable(name, "read by the script where it sets `"
                                + target.script().get().name() + "`")));
            } else if (interpolation.isPresent() && interpolation.get() instanceof Expression.Variable variable) {
                Recipe recipe = target.origin().get().recipe();
                if (recipe.parameter(variable.name()).isPresent()) {
                    parameters.add(new WorkerOverride.RecipeArgument(recipe, variable.name()));
                } else {
                    Optional<Assignment> assignment = justfile.assignment(variable.name());
                    assignment.ifPresent(a -> a.value().environmentVariables().forEach(name ->
                            candidates.add(new WorkerOverride.EnvironmentVariable(name, "read by justfile variable `"
                                    + a.name() + "`"))));
                    String value = finding.get().interpolated().get(variable);
                    if (value == null || value.strip().equals(target.word().text())) {
                        justVariables.add(new WorkerOverride.JustVariable(variable.name()));
                    } else {
                        justVariables.add(new WorkerOverride.JustVariableKeepingOptions(variable.name(), value,
                                target.option()));
                    }
                }
            } else if (interpolation.isPresent()) {
                interpolation.get().environmentVariables().forEach(name -> candidates.add(
                        new WorkerOverride.EnvironmentVariable(name, "read by the recipe's interpolation")));
            } else {
                ShellValue.of(target.word().text()).variable().ifPresent(name -> {
                    boolean exportedByJust = justfile.assignment(name)
                            .map(a -> a.exported() || justfile.exportAll()).orElse(false);
                    if (exportedByJust) {
                        justVariables.add(new WorkerOverride.JustVariable(name));
                    } else {
                        candidates.add(new WorkerOverride.EnvironmentVariable(name, "read by the recipe's shell"));
                    }
                });
            }
        }
        candidates.addAll(justVariables);
        candidates.addAll(parameters);
        if (finding.get().auto()) {
            candidates.add(new WorkerOverride.AutoWorkers());
        }
        // pytest reads PYTEST_ADDOPTS before its command line: the last resort, for counts read from elsewhere
        candidates.add(new WorkerOverride.PytestAddopts(target.option()));
        return profileFirst(candidates, profileVariable);
    }

    /** The profile's variable first: as read by the recipe when it is, else on the profile's word alone. */
    private static List<WorkerOverride> profileFirst(List<WorkerOverride> candidates, Optional<String> profileVariable) {
        List<WorkerOverride> ordered = new ArrayList<>();
        if (profileVariable.isPresent()) {
            String name = profileVariable.get();
            ordered.add(candidates.stream().filter(c -> c instanceof WorkerOverride.EnvironmentVariable variable
                    && variable.name().equals(name)).findFirst()
                    .orElse(new WorkerOverride.EnvironmentVariable(name, "the profile's override variable")));
        }
        ordered.addAll(candidates);
        return distinct(ordered);
    }

    private static List<WorkerOverride> distinct(List<WorkerOverride> candidates) {
        List<WorkerOverride> kept = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (WorkerOverride candidate : candidates) {
            if (seen.add(candidate.key())) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    /** The values interpolations printed: literals, recipe parameters, and variables just can evaluate. */
    private final class InterpolationValues implements BodyLineLocator.Values {
        private final Path directory;
        private final Justfile justfile;
        private final RecipeCall call;
        private final Map<Expression, String> known = new HashMap<>();
        private final Map<String, Optional<String>> evaluated = new HashMap<>();

        InterpolationValues(Path directory, Justfile justfile, RecipeCall call) {
            this.directory = directory;
            this.justfile = justfile;
            this.call = call;
        }

        @Override
        public Optional<String> of(Recipe recipe, Expression expression) {
            Optional<String> value = valueOf(recipe, expression);
            value.ifPresent(v -> known.put(expression, v));
            return value;
        }

        private Optional<String> valueOf(Recipe recipe, Expression expression) {
            if (expression instanceof Expression.Literal literal) {
                return Optional.of(literal.value());
            }
            if (!(expression instanceof Expression.Variable variable)) {
                return Optional.empty();
            }
            Optional<Recipe.Parameter> parameter = recipe.parameter(variable.name());
            if (parameter.isPresent()) {
                int position = recipe.parameters().indexOf(parameter.get());
                if (recipe.name().equals(call.recipe()) && position < call.arguments().size()
                        && !parameter.get().variadic()) {
                    return Optional.of(call.arguments().get(position));
                }
                return parameter.get().defaultValue().filter(d -> d instanceof Expression.Literal)
                        .map(d -> ((Expression.Literal) d).value());
            }
            Optional<Assignment> assignment = justfile.assignment(variable.name());
            if (assignment.isEmpty() || assignment.get().value().runsCommands(justfile)) {
                return Optional.empty();
            }
            String overridden = call.variables().get(variable.name());
            if (overridden != null) {
                return Optional.of(overridden);
            }
            if (assignment.get().value() instanceof Expression.Literal literal) {
                return Optional.of(literal.value());
            }
            return evaluated.computeIfAbsent(variable.name(), name -> just.evaluate(directory, call, name));
        }

        Map<Expression, String> known() {
            return Map.copyOf(known);
        }
    }

    private Optional<Setting> latest(String option, CommandLines.Invocation pytest, List<Word> arguments,
            Map<Word, ScriptVariables.Resolution> fromScript, Justfile justfile, RecipeCall call,
            InterpolationValues values, String addopts, Optional<SourceLine> configLine, String envAddopts,
            Function<XdistOptions, Optional<Word>> pick) {
        Optional<Word> onCommandLine = pick.apply(XdistOptions.in(arguments));
        if (onCommandLine.isPresent()) {
            Word word = onCommandLine.get();
            ScriptVariables.Resolution script = fromScript.get(word);
            if (script != null) {
                Optional<SourceLine> source = script.chosen().flatMap(a -> BodyLineLocator.locate(justfile,
                        call.recipe(), a.lineText(), new Word("", 0, 0, false)).flatMap(BodyLineLocator.Origin::line));
                return Optional.of(new Setting(option, word, Place.COMMAND_LINE, pytest.line(), source,
                        Optional.empty(), Optional.of(script)));
            }
            Optional<BodyLineLocator.Origin> origin = BodyLineLocator.locate(justfile, call.recipe(), pytest.line(),
                    word, values);
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
            return Optional.of(new Setting(option, word, Place.COMMAND_LINE, pytest.line(), source, origin,
                    Optional.empty()));
        }
        Optional<Word> inEnvironment = pick.apply(XdistOptions.in(ShellWords.split(envAddopts)));
        if (inEnvironment.isPresent()) {
            return Optional.of(new Setting(option, inEnvironment.get(), Place.PYTEST_ADDOPTS, envAddopts,
                    Optional.empty(), Optional.empty(), Optional.empty()));
        }
        return pick.apply(XdistOptions.in(ShellWords.split(addopts))).map(word ->
                new Setting(option, word, Place.PYTEST_CONFIG, addopts, configLine, Optional.empty(),
                        Optional.empty()));
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
