package dev.offloadbench.cli.command;

import dev.offloadbench.cli.output.PlanJson;
import dev.offloadbench.cli.output.PlanText;
import dev.offloadbench.domain.plan.BenchmarkPlan;
import dev.offloadbench.domain.port.in.PlanBenchmark;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bench plan}: says exactly what would run, running nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Print every benchmark run in execution order: command, environment, folder, workers and"
                + " max_parallel with where each comes from, then every problem found. Runs nothing.",
            "Exits 0 when the plan is complete, 2 when anything is missing."})
public final class PlanCommand implements Callable<Integer> {
    @Inject
    Provider<PlanBenchmark> planner;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "all|PROFILE", arity = "0..*", completionCandidates = ProfileCandidates.class,
            description = "The profiles to plan (default: all configured projects).")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Override
    public Integer call() {
        BenchmarkPlan plan = planner.get().plan(new PlanBenchmark.Query(profiles));
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? PlanJson.write(plan) : PlanText.write(plan));
        out.flush();
        return plan.complete() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
}
