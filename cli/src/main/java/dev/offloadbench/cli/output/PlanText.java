package dev.offloadbench.cli.output;

import dev.offloadbench.domain.plan.BenchmarkPlan;
import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.plan.Problem;
import dev.offloadbench.domain.plan.ProjectPlan;
import dev.offloadbench.domain.plan.Secrets;
import java.util.Map;
import java.util.stream.Collectors;

/** The plan for a person: each run in order, then the problems. */
public final class PlanText {
    private PlanText() {
    }

    public static String write(BenchmarkPlan plan) {
        StringBuilder text = new StringBuilder();
        text.append("Machine: ").append(plan.machine().description())
                .append(" (from ").append(plan.machine().source().id()).append(")\n");
        text.append("README:  ").append(plan.readme()).append("\n");
        int step = 1;
        for (ProjectPlan project : plan.profiles()) {
            text.append("\n").append(project.profileId()).append("  (").append(project.path()).append(")\n");
            for (PlannedRun run : project.runs()) {
                text.append(String.format("  %d. %-8s %s%n", step++, run.kind(), commandLine(run)));
                run.workers().ifPresent(w -> text.append("       workers: ").append(w)
                        .append(run.workersSource().map(s -> "  (" + s + ")").orElse("")).append("\n"));
                run.maxParallel().ifPresent(m -> text.append("       max_parallel: ").append(m)
                        .append(run.maxParallelSource().map(s -> "  (" + s + ")").orElse("")).append("\n"));
                run.provider().ifPresent(p -> text.append("       provider: ").append(p.type()).append("\n"));
                run.probe().ifPresent(probe -> text.append("       probed: ").append(ProbeLines.summary(probe))
                        .append(String.format(java.util.Locale.ROOT, "  (%.1f s, dependencies included)",
                                probe.elapsed().toMillis() / 1000.0)).append("\n"));
                if (run.warmups() > 0) {
                    text.append("       warm-up: ").append(run.warmups())
                            .append(" run first, its time discarded\n");
                }
                run.notes().forEach(note -> text.append("       note: ").append(note).append("\n"));
            }
        }
        java.time.Duration probing = plan.profiles().stream().flatMap(p -> p.runs().stream())
                .flatMap(r -> r.probe().stream()).map(p -> p.elapsed()).reduce(java.time.Duration.ZERO,
                        java.time.Duration::plus);
        boolean probed = plan.profiles().stream().flatMap(p -> p.runs().stream()).anyMatch(PlannedRun::verified);
        if (probed) {
            text.append(String.format(java.util.Locale.ROOT, "%nProbed: each run's command ran as the timed run will,"
                    + " dependencies included, with pytest stopped before collection (no test ran) and offload"
                    + " replaced by a recording stand-in; the probes of the planned commands took %.1f s.%n",
                    probing.toMillis() / 1000.0));
        }
        if (plan.problems().isEmpty()) {
            text.append("\nThe plan is complete.\n");
        } else {
            text.append("\nProblems (").append(plan.problems().size()).append("):\n");
            for (Problem problem : plan.problems()) {
                text.append("  - ").append(problem).append("\n");
            }
        }
        return text.toString();
    }

    /**
     * {@code PYTEST_NUMPROCESSES=8 just test-integration}, as it could be typed in a shell, but with
     * the values of secret-looking variables shown as {@code <redacted>}.
     */
    static String commandLine(PlannedRun run) {
        return commandLine(run.command(), run.environment());
    }

    static String commandLine(java.util.List<String> command, Map<String, String> environment) {
        String variables = new java.util.TreeMap<>(Secrets.redacted(environment)).entrySet().stream()
                .map(PlanText::assignment).collect(Collectors.joining(" "));
        String words = command.stream().map(PlanText::quote).collect(Collectors.joining(" "));
        return variables.isEmpty() ? words : variables + " " + words;
    }

    private static String assignment(Map.Entry<String, String> variable) {
        return variable.getKey() + "=" + quote(variable.getValue());
    }

    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
