package dev.offloadbench.cli.command;

import dev.offloadbench.cli.output.PlanJson;
import dev.offloadbench.cli.output.PlanText;
import dev.offloadbench.cli.output.ProbeLines;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.plan.BenchmarkPlan;
import dev.offloadbench.domain.port.in.PlanBenchmark;
import dev.offloadbench.domain.port.out.ProbeListener;
import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Interrupted;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bench plan}: says exactly what would run; with {@code --probe}, checks it against what really runs. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Print every benchmark run in execution order: command, environment, folder, workers and"
                + " max_parallel with where each comes from, then every problem found. Runs nothing, unless"
                + " --probe: then each run's command runs (dependencies included) with pytest stopped before"
                + " collection and offload replaced by a recording stand-in, and the plan shows what they would"
                + " really do, beside what reading the justfile says.",
            "Exits 0 when the plan is complete, 2 when anything is missing or a probe contradicts it,"
                + " 130 when a probe is interrupted."})
public final class PlanCommand implements Callable<Integer> {
    @Inject
    Provider<PlanBenchmark> planner;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "all|PROFILE", arity = "0..*", completionCandidates = ProfileCandidates.class,
            description = "The profiles to plan (default: all configured projects).")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--kinds", split = ",", paramLabel = "KIND", converter = RunKindConverter.class,
            description = "Which runs must be planned: baseline,high,offload (default: all three).")
    List<RunKind> kinds = new ArrayList<>(List.of(RunKind.values()));

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Option(names = "--probe", description = "Run each planned command under the probe (no test runs) and plan with"
            + " what pytest, xdist and offload really do; the high run's override is found by trying. Probes run"
            + " recipes, so this takes the session lock, as bench run does.")
    boolean probe;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --probe: each probe's time limit, dependencies included (default: 15m).")
    Duration timeout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PlanBenchmark.Query query = new PlanBenchmark.Query(profiles, kinds, probe,
                timeout == null ? PlanBenchmark.Query.DEFAULT_PROBE_TIMEOUT : timeout);
        ProbeListener listener = probe ? new ProbeLines(err) : ProbeListener.SILENT;
        Cancellation cancellation = new Cancellation();
        BenchmarkPlan plan;
        try (Interrupts interrupts = Interrupts.cancelling(cancellation)) {
            try {
                plan = planner.get().plan(query, listener, cancellation);
            } catch (Interrupted e) {
                err.println("Interrupted: " + e.getMessage());
                err.flush();
                return interrupts.exitCode().orElse(RunCommand.INTERRUPTED);
            }
        }
        out.print(json ? PlanJson.write(plan) : PlanText.write(plan));
        out.flush();
        return plan.complete() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
}
