package dev.offloadbench.domain.service.planning;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.justfile.Justfile;
import dev.offloadbench.domain.justfile.RecipeCall;
import dev.offloadbench.domain.justfile.SourceLine;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.plan.FileDigest;
import dev.offloadbench.domain.port.out.JustfileReader;
import dev.offloadbench.domain.port.out.OffloadConfigReader;
import dev.offloadbench.domain.port.out.OffloadConfigReader.OffloadConfig;
import dev.offloadbench.domain.port.out.ProjectFolders;
import dev.offloadbench.domain.plan.Problem;
import dev.offloadbench.domain.probe.ObservedOffload;
import dev.offloadbench.domain.service.planning.ShellWords.Word;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds Offload's parallelism and provider for a recipe: the {@code offload} command it runs, the
 * config file that command uses ({@code -c/--config}, a global option, before or after
 * {@code run}; default {@code offload.toml}), that file's {@code [offload] max_parallel}
 * (Offload's default 10 when absent), {@code run --parallel N}, which wins over both, and the
 * file's {@code [provider] type}, which the report names. The command is read from the
 * justfile, or taken as the probe saw offload started.
 */
final class OffloadFinder {
    /** Commands that run no program which could write a file: the shell's own, and the tests of if. */
    private static final Set<String> SHELL_ONLY = Set.of("set", "ulimit", "if", "then", "else", "elif", "fi", "echo",
            "printf", "exit", "export", "trap", "command", "[", "[[", "]]", "test", "true", "false", ":", "!", "local",
            "readonly", "shopt", "umask", "{", "}");

    private final JustfileReader just;
    private final OffloadConfigReader configs;
    private final ProjectFolders files;

    OffloadFinder(JustfileReader just, OffloadConfigReader configs, ProjectFolders files) {
        this.just = just;
        this.configs = configs;
        this.files = files;
    }

    /** @param digest the config file's hash, when its reader gave one */
    record Finding(int maxParallel, String source, Path configFile, OffloadProvider provider,
            Optional<FileDigest> digest) {
    }

    /** offload's options that matter here, as given. */
    private record Options(String configName, Optional<String> parallel, boolean run) {
        static <T> Options of(List<T> arguments, Function<T, String> text, Function<T, String> value) {
            String configName = "offload.toml";
            Optional<String> parallel = Optional.empty();
            boolean afterRun = false;
            for (int i = 0; i < arguments.size(); i++) {
                String word = text.apply(arguments.get(i));
                Optional<T> next = i + 1 < arguments.size() ? Optional.of(arguments.get(i + 1)) : Optional.empty();
                if ((word.equals("-c") || word.equals("--config")) && next.isPresent()) {
                    configName = value.apply(next.get());
                    i++;
                } else if (word.startsWith("--config=")) {
                    configName = word.substring(9);
                } else if (word.startsWith("-c") && word.length() > 2 && !word.startsWith("--")) {
                    configName = word.substring(2);
                } else if (word.equals("run")) {
                    afterRun = true;
                } else if (afterRun && word.equals("--parallel") && next.isPresent()) {
                    parallel = Optional.of(value.apply(next.get()));
                    i++;
                } else if (afterRun && word.startsWith("--parallel=")) {
                    parallel = Optional.of(word.substring(11));
                }
            }
            return new Options(configName, parallel, afterRun);
        }
    }

    Finding find(Path directory, Justfile justfile, RecipeCall call, Map<String, String> processEnvironment) {
        Map<String, String> environment = WorkerFinder.runEnvironment(just, directory, justfile, call,
                processEnvironment);
        List<String> lines = just.dryRun(directory, call);
        CommandLines.Invocation offload = CommandLines.find(lines, CommandLines::isOffload)
                .orElseThrow(() -> new PlanProblem("recipe `" + call.recipe() + "` does not run `offload`; it runs: "
                        + String.join(" ; ", lines)));
        List<Word> arguments = offload.arguments();
        Function<Word, String> resolved = word -> value(word.text(), environment, call);
        Options options = Options.of(arguments, word -> {
            String text = word.text();
            return text.startsWith("--config=") || text.startsWith("--parallel=")
                    || text.startsWith("-c") && text.length() > 2 && !text.startsWith("--")
                    ? resolvedSuffix(text, environment, call) : text;
        }, resolved);
        if (!options.run()) {
            throw new PlanProblem("recipe `" + call.recipe() + "` runs offload without its `run` subcommand: "
                    + offload.line().strip());
        }
        Optional<SourceLine> commandLine = arguments.isEmpty() ? Optional.empty()
                : BodyLineLocator.locate(justfile, call.recipe(), offload.line(), arguments.get(0))
                        .flatMap(BodyLineLocator.Origin::line);
        // A program the recipe runs first (or a cd) may write the config, or change where offload
        // looks for it: then only the probe can say; else what reading finds is settled.
        Problem.Kind configProblems = runsProgramsBefore(lines, offload) ? Problem.Kind.READING
                : Problem.Kind.OFFLOAD_CONFIG;
        return finding(directory, options, call, commandLine.map(SourceLine::toString).orElse("justfile"),
                configProblems);
    }

    /** What the probe saw offload started with: its arguments as the shell passed them, in its folder. */
    Finding observed(ObservedOffload observed, RecipeCall call) {
        Options options = Options.of(observed.arguments(), text -> text, text -> text);
        return finding(observed.directory(), options, call, "offload's command line, as the probe saw it",
                Problem.Kind.OFFLOAD_CONFIG);
    }

    private Finding finding(Path directory, Options options, RecipeCall call, String commandLine,
            Problem.Kind configProblems) {
        Path configFile = directory.resolve(options.configName()).normalize();
        if (files.state(configFile) == ProjectFolders.State.MISSING) {
            throw new PlanProblem(configProblems, "recipe `" + call.recipe() + "` runs offload with config "
                    + options.configName() + ": Offload config " + configFile + " does not exist"
                    + (configProblems == Problem.Kind.READING ? " before the recipe runs" : "")
                    + "; create it, or point the recipe at Offload's configuration (-c FILE)");
        }
        OffloadConfig config;
        try {
            config = configs.read(configFile);
        } catch (BenchException e) {
            throw new PlanProblem(configProblems, "recipe `" + call.recipe() + "` runs offload with config "
                    + options.configName() + ": " + e.getMessage());
        }
        OffloadProvider provider = config.provider().orElseThrow(() -> new PlanProblem(configProblems,
                "recipe `" + call.recipe()
                + "` runs offload with config " + options.configName() + ", which has no [provider] table; Offload"
                + " needs one to know where to run the tests: add [provider] with type = \"modal\", \"local\" or"
                + " \"default\""));
        if (options.parallel().isPresent()) {
            String text = options.parallel().get();
            try {
                return new Finding(Integer.parseInt(text.strip()), commandLine + ", --parallel", configFile,
                        provider, config.digest());
            } catch (NumberFormatException e) {
                throw new PlanProblem("recipe `" + call.recipe() + "` passes --parallel `" + text
                        + "`, which is not a number");
            }
        }
        if (config.maxParallel().isPresent()) {
            return new Finding(config.maxParallel().getAsInt(),
                    config.maxParallelLine().map(SourceLine::toString).orElse(configFile.getFileName().toString()),
                    configFile, provider, config.digest());
        }
        return new Finding(OffloadConfig.DEFAULT_MAX_PARALLEL,
                "Offload's default (" + configFile.getFileName() + " sets no max_parallel)", configFile, provider,
                config.digest());
    }

    /**
     * Whether the recipe runs a program before offload (a program in a command substitution
     * counts), or changes folder: what it does cannot be read.
     */
    private static boolean runsProgramsBefore(List<String> lines, CommandLines.Invocation offload) {
        for (int index = 0; index <= offload.lineIndex(); index++) {
            for (List<Word> command : CommandLines.commands(lines.get(index))) {
                if (command.isEmpty() || index == offload.lineIndex()
                        && command.get(0).start() >= offload.program().start()) {
                    continue;
                }
                boolean substitution = command.stream().anyMatch(w -> w.text().contains("$(")
                        || w.text().contains("`"));
                Optional<Word> program = command.stream().filter(w -> !w.text().matches("[A-Za-z_][A-Za-z0-9_]*=.*"))
                        .findFirst();
                if (substitution || program.isPresent() && !SHELL_ONLY.contains(program.get().text())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code --config=$X}, {@code -c$X}: the option kept, its value resolved. */
    private static String resolvedSuffix(String text, Map<String, String> environment, RecipeCall call) {
        int split = text.startsWith("--") ? text.indexOf('=') + 1 : 2;
        return text.substring(0, split) + value(text.substring(split), environment, call);
    }

    private static String value(String word, Map<String, String> environment, RecipeCall call) {
        ShellValue value = ShellValue.of(word);
        return value.resolve(environment).orElseThrow(() -> new PlanProblem("recipe `" + call.recipe()
                + "` gives offload `" + word + "`, whose variable is not set and has no default"));
    }
}
