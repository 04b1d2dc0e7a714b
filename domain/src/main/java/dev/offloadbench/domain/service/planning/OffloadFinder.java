package dev.offloadbench.domain.service.planning;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.justfile.Justfile;
import dev.offloadbench.domain.justfile.RecipeCall;
import dev.offloadbench.domain.justfile.SourceLine;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.service.planning.ShellWords.Word;
import dev.offloadbench.domain.port.out.JustfileReader;
import dev.offloadbench.domain.port.out.OffloadConfigReader;
import dev.offloadbench.domain.port.out.OffloadConfigReader.OffloadConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Finds Offload's parallelism and provider for a recipe: the {@code offload} command it runs, the
 * config file that command uses ({@code -c/--config}, a global option, before or after
 * {@code run}; default {@code offload.toml}), that file's {@code [offload] max_parallel}
 * (Offload's default 10 when absent), {@code run --parallel N}, which wins over both, and the
 * file's {@code [provider] type}, which the report names.
 */
final class OffloadFinder {
    private final JustfileReader just;
    private final OffloadConfigReader configs;

    OffloadFinder(JustfileReader just, OffloadConfigReader configs) {
        this.just = just;
        this.configs = configs;
    }

    record Finding(int maxParallel, String source, Path configFile, OffloadProvider provider) {
    }

    Finding find(Path directory, Justfile justfile, RecipeCall call, Map<String, String> processEnvironment) {
        Map<String, String> environment = WorkerFinder.runEnvironment(just, directory, justfile, call,
                processEnvironment);
        List<String> lines = just.dryRun(directory, call);
        CommandLines.Invocation offload = CommandLines.find(lines, CommandLines::isOffload)
                .orElseThrow(() -> new PlanProblem("recipe `" + call.recipe() + "` does not run `offload`; it runs: "
                        + String.join(" ; ", lines)));
        List<Word> arguments = offload.arguments();
        String configName = "offload.toml";
        OptionalInt parallel = OptionalInt.empty();
        Optional<Word> parallelWord = Optional.empty();
        boolean afterRun = false;
        for (int i = 0; i < arguments.size(); i++) {
            String text = arguments.get(i).text();
            Optional<Word> next = i + 1 < arguments.size() ? Optional.of(arguments.get(i + 1)) : Optional.empty();
            if ((text.equals("-c") || text.equals("--config")) && next.isPresent()) {
                configName = value(next.get(), environment, call);
                i++;
            } else if (text.startsWith("--config=")) {
                configName = value(new Word(text.substring(9), 0, 0, false), environment, call);
            } else if (text.startsWith("-c") && text.length() > 2 && !text.startsWith("--")) {
                configName = value(new Word(text.substring(2), 0, 0, false), environment, call);
            } else if (text.equals("run")) {
                afterRun = true;
            } else if (afterRun && text.equals("--parallel") && next.isPresent()) {
                parallelWord = next;
                i++;
            } else if (afterRun && text.startsWith("--parallel=")) {
                parallelWord = Optional.of(new Word(text.substring(11), 0, 0, false));
            }
        }
        if (!afterRun) {
            throw new PlanProblem("recipe `" + call.recipe() + "` runs offload without its `run` subcommand: "
                    + offload.line().strip());
        }
        Path configFile = directory.resolve(configName).normalize();
        Optional<SourceLine> commandLine = BodyLineLocator.locate(justfile, call.recipe(), offload.line(),
                arguments.get(0)).flatMap(BodyLineLocator.Origin::line);
        OffloadConfig config;
        try {
            config = configs.read(configFile);
        } catch (BenchException e) {
            throw new PlanProblem("recipe `" + call.recipe() + "` runs offload with config " + configName + ": "
                    + e.getMessage());
        }
        String configText = configName;
        OffloadProvider provider = config.provider().orElseThrow(() -> new PlanProblem("recipe `" + call.recipe()
                + "` runs offload with config " + configText + ", which has no [provider] table; Offload needs one"
                + " to know where to run the tests: add [provider] with type = \"modal\", \"local\" or \"default\""));
        if (parallelWord.isPresent()) {
            String text = value(parallelWord.get(), environment, call);
            try {
                parallel = OptionalInt.of(Integer.parseInt(text));
            } catch (NumberFormatException e) {
                throw new PlanProblem("recipe `" + call.recipe() + "` passes --parallel `" + text
                        + "`, which is not a number");
            }
            return new Finding(parallel.getAsInt(),
                    commandLine.map(SourceLine::toString).orElse("justfile") + ", --parallel", configFile, provider);
        }
        if (config.maxParallel().isPresent()) {
            return new Finding(config.maxParallel().getAsInt(),
                    config.maxParallelLine().map(SourceLine::toString).orElse(configFile.getFileName().toString()),
                    configFile, provider);
        }
        return new Finding(OffloadConfig.DEFAULT_MAX_PARALLEL,
                "Offload's default (" + configFile.getFileName() + " sets no max_parallel)", configFile, provider);
    }

    private static String value(Word word, Map<String, String> environment, RecipeCall call) {
        ShellValue value = ShellValue.of(word.text());
        return value.resolve(environment).orElseThrow(() -> new PlanProblem("recipe `" + call.recipe()
                + "` gives offload `" + word.text() + "`, whose variable is not set and has no default"));
    }
}
