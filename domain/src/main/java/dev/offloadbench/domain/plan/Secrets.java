package dev.offloadbench.domain.plan;

import dev.offloadbench.domain.probe.ObservedOffload;
import dev.offloadbench.domain.probe.ObservedPytest;
import dev.offloadbench.domain.probe.ProbeResult;
import dev.offloadbench.domain.run.LeftoverProcess;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Environment variables whose names look secret ({@code *TOKEN*}, {@code *SECRET*}, {@code *KEY*},
 * {@code *PASSWORD*}, in any case): their values reach the runs, but are never written to a
 * session or shown in a plan; {@link #REDACTED} stands in for them.
 *
 * <p>A recipe may hand such a value on ({@code offload run --token "$API_TOKEN"}, {@code echo}):
 * an instance masks the values themselves wherever they turn up in what a probe saw or printed,
 * in problems and in notes, before any of it is shown or stored. This is the one place that
 * does it.
 */
public final class Secrets {
    /** What is written and shown instead of a secret value. */
    public static final String REDACTED = "<redacted>";
    /** Shorter values are not looked for in text: they would mask unrelated words, and keep nothing secret. */
    static final int SHORTEST_MASKED = 4;
    /** Nothing to mask. */
    public static final Secrets NONE = new Secrets(List.of());

    private static final String[] SECRET_WORDS = {"TOKEN", "SECRET", "KEY", "PASSWORD"};

    /** Longest first, so that a secret containing another is masked whole. */
    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    public static boolean looksSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (upper.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The environment as it may be shown or stored: secret values replaced by {@link #REDACTED}, sorted by name. */
    public static Map<String, String> redacted(Map<String, String> environment) {
        Map<String, String> shown = new TreeMap<>();
        environment.forEach((name, value) -> shown.put(name, looksSecret(name) ? REDACTED : value));
        return shown;
    }

    /** Whether this variable's value was redacted when it was stored. */
    public static boolean isRedacted(String name, String value) {
        return looksSecret(name) && REDACTED.equals(value);
    }

    /** The values of the secret-looking variables of these environments (a run's, the inherited one). */
    public static Secrets in(Collection<Map<String, String>> environments) {
        TreeSet<String> found = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (Map<String, String> environment : environments) {
            environment.forEach((name, value) -> {
                if (looksSecret(name) && value != null && value.length() >= SHORTEST_MASKED
                        && !value.equals(REDACTED)) {
                    found.add(value);
                }
            });
        }
        return new Secrets(List.copyOf(found));
    }

    /** The text with every secret value in it replaced by {@link #REDACTED}. */
    public String mask(String text) {
        String masked = text;
        for (String value : values) {
            masked = masked.replace(value, REDACTED);
        }
        return masked;
    }

    public List<String> mask(List<String> texts) {
        return values.isEmpty() ? texts : texts.stream().map(this::mask).toList();
    }

    /** What a probe saw and printed, masked: offload's and pytest's arguments, the problem, the last output lines. */
    public ProbeResult mask(ProbeResult result) {
        if (values.isEmpty()) {
            return result;
        }
        List<ObservedPytest> pytest = result.pytest().stream().map(p -> new ObservedPytest(p.workers(),
                p.numprocesses().map(this::mask), p.maxprocesses(), p.fromOptions(), p.xdistInstalled(),
                p.rootdir(), p.inifile(), p.invocationDirectory(), mask(p.arguments()), mask(p.python()), p.versions()))
                .toList();
        List<ObservedOffload> offload = result.offload().stream()
                .map(o -> new ObservedOffload(o.directory(), mask(o.arguments()))).toList();
        return new ProbeResult(result.outcome(), pytest, offload, result.exitCode(), result.elapsed(),
                mask(result.problem()), mask(result.outputTail()), maskLeftovers(result.leftovers()));
    }

    /** Processes' command lines, masked. */
    public List<LeftoverProcess> maskLeftovers(List<LeftoverProcess> processes) {
        return values.isEmpty() ? processes
                : processes.stream().map(p -> new LeftoverProcess(p.pid(), mask(p.command()))).toList();
    }

    /**
     * The plan as it may be shown or stored: what each run's probe saw, its notes and sources, and
     * every problem, masked. The commands and environments are left as they are: the runs need
     * them whole (environments are shown and stored through {@link #redacted}).
     */
    public BenchmarkPlan mask(BenchmarkPlan plan) {
        if (values.isEmpty()) {
            return plan;
        }
        List<ProjectPlan> projects = plan.profiles().stream().map(project -> new ProjectPlan(project.profileId(),
                project.path(), project.runs().stream().map(this::mask).toList())).toList();
        List<Problem> problems = plan.problems().stream()
                .map(p -> new Problem(p.profileId(), p.kind(), mask(p.message()))).toList();
        return new BenchmarkPlan(plan.machine(), plan.readme(), projects, problems);
    }

    private PlannedRun mask(PlannedRun run) {
        return new PlannedRun(run.kind(), run.recipe(), run.command(), run.environment(), run.directory(),
                run.workers(), run.workersSource().map(this::mask), run.maxParallel(),
                run.maxParallelSource().map(this::mask), run.warmups(), mask(run.notes()), run.provider(),
                run.probe().map(this::mask), run.offloadConfig());
    }

    @Override
    public String toString() {
        return "Secrets(" + values.size() + " values)";
    }
}
