package dev.offloadbench.domain.service.planning;

import dev.offloadbench.domain.config.ProjectConfig;
import dev.offloadbench.domain.justfile.Justfile;
import dev.offloadbench.domain.justfile.RecipeCall;
import dev.offloadbench.domain.model.RunDefaults;
import dev.offloadbench.domain.port.out.JustfileReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The worker counts of local runs whose runner is not pytest-xdist (a profile naming an output
 * parser, e.g. cargo-nextest): the runner reads its worker count from the profile's variable and
 * starts one worker per logical CPU when it is not set. The baseline runs as the project is set
 * up; the high run sets the variable.
 */
final class RunnerWorkers {
    private final JustfileReader just;
    private final int cores;

    RunnerWorkers(JustfileReader just, int cores) {
        this.just = just;
        this.cores = cores;
    }

    /** The baseline's count and where it comes from; the notes say what the reader should know. */
    record Finding(int workers, String source, List<String> notes) {
    }

    Finding baseline(ProjectConfig project, RunDefaults defaults, Justfile justfile, RecipeCall call,
            Map<String, String> processEnvironment) {
        String runner = defaults.outputParser().orElseThrow();
        String variable = defaults.workersEnv().orElseThrow();
        Path directory = project.path();
        Map<String, String> environment = WorkerFinder.runEnvironment(just, directory, justfile, call,
                processEnvironment);
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            List<String> notes = new ArrayList<>();
            notes.add(runner + " starts one worker per logical CPU when " + variable + " is not set: " + cores
                    + " on this machine");
            return new Finding(cores, variable + " unset (one per logical CPU)", notes);
        }
        try {
            int workers = Integer.parseInt(value.strip());
            if (workers >= 1) {
                return new Finding(workers, variable + "=" + workers + " in the run's environment", List.of());
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new PlanProblem(variable + " is \"" + value + "\" in the environment of recipe `" + call.recipe()
                + "`, which is not a worker count; set it to a number or leave it unset");
    }

    /** The high run: the baseline's call with the profile's variable set to the target. */
    static RecipeCall high(RunDefaults defaults, RecipeCall baseline, int target) {
        return baseline.withEnvironment(Map.of(defaults.workersEnv().orElseThrow(), Integer.toString(target)));
    }
}
