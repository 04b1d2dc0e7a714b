package dev.offloadbench.domain.service.history;

import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.plan.Secrets;
import dev.offloadbench.domain.probe.ObservedPytest;
import dev.offloadbench.domain.probe.ProbeResult;
import dev.offloadbench.domain.session.Attempt;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionProject;
import dev.offloadbench.domain.session.SessionResults;
import dev.offloadbench.domain.session.SessionRun;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one session recorded about the inputs of one of its runs, as text to compare; an input it
 * did not record (a session older than that record, a run not probed) is empty: unknown, never a
 * value to differ from.
 */
final class RunInputs {
    private final Map<Input, Optional<String>> values;
    private final OptionalDouble load;
    private final OptionalInt tests;

    private RunInputs(Map<Input, Optional<String>> values, OptionalDouble load, OptionalInt tests) {
        this.values = values;
        this.load = load;
        this.tests = tests;
    }

    Optional<String> value(Input input) {
        return values.getOrDefault(input, Optional.empty());
    }

    OptionalDouble load() {
        return load;
    }

    OptionalInt tests() {
        return tests;
    }

    static RunInputs of(Session session, SessionProject project, SessionRun run) {
        PlannedRun planned = run.planned();
        boolean local = planned.kind().isLocal();
        Map<Input, Optional<String>> values = new EnumMap<>(Input.class);
        OptionalInt tests = tests(run);
        values.put(Input.TESTS, tests.isPresent() ? Optional.of(count(tests.getAsInt())) : Optional.empty());
        if (local) {
            values.put(Input.WORKERS, SessionResults.outcome(run).flatMap(outcome -> outcome.workers().isPresent()
                    ? Optional.of(Integer.toString(outcome.workers().getAsInt())) : Optional.empty()));
        } else {
            values.put(Input.MAX_PARALLEL, planned.maxParallel().isPresent()
                    ? Optional.of(Integer.toString(planned.maxParallel().getAsInt())) : Optional.empty());
            values.put(Input.PROVIDER, planned.provider().map(provider -> provider.type()));
            values.put(Input.OFFLOAD_CONFIG, planned.offloadConfig().map(digest -> digest.file().getFileName()
                    + " (" + digest.shortHash() + ")"));
        }
        values.put(Input.COMMAND, Optional.of(command(planned)));
        Optional<ProbeResult> probe = planned.probe();
        if (local) {
            values.put(Input.PYTEST_ARGUMENTS, probe.flatMap(p -> p.pytest().stream().findFirst())
                    .map(start -> String.join(" ", start.arguments())));
            ObservedPytest.Versions versions = probe.map(ProbeResult::pytestVersions)
                    .orElse(ObservedPytest.Versions.UNKNOWN);
            values.put(Input.PYTHON, versions.python());
            values.put(Input.PYTEST, versions.pytest());
            values.put(Input.XDIST, versions.xdist());
            values.put(Input.MACHINE, session.inputs().machine());
        } else {
            values.put(Input.OFFLOAD_ARGUMENTS, probe.flatMap(ProbeResult::offloadRun)
                    .map(start -> String.join(" ", start.arguments())));
            values.put(Input.OFFLOAD, session.inputs().tool("offload").map(v -> withoutName("offload", v)));
        }
        values.put(Input.JUST, session.inputs().tool("just").map(v -> withoutName("just", v)));
        values.put(Input.COMMIT, session.inputs().recorded()
                ? Optional.of(project.revision().map(r -> r.describe()).orElse("none (not a git checkout)"))
                : Optional.empty());
        OptionalDouble load = load(run.samples());
        values.put(Input.LOAD, load.isPresent()
                ? Optional.of(String.format(Locale.ROOT, "%.1f", load.getAsDouble())) : Optional.empty());
        values.keySet().retainAll(Input.explaining(planned.kind()));
        return new RunInputs(values, load, tests);
    }

    /** The tests the run collected (its first sample that says), else none known. */
    private static OptionalInt tests(SessionRun run) {
        for (Attempt sample : run.samples()) {
            if (sample.tally().testCount().isPresent()) {
                return sample.tally().testCount();
            }
        }
        return OptionalInt.empty();
    }

    /** The mean load before the timed samples, when every one of them recorded it. */
    private static OptionalDouble load(List<Attempt> samples) {
        if (samples.isEmpty() || samples.stream().anyMatch(sample -> sample.load().isEmpty())) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(samples.stream().mapToDouble(sample -> sample.load().getAsDouble()).average()
                .orElseThrow());
    }

    /** {@code VAR=value just recipe}: the environment the run adds (secrets redacted), then its command. */
    private static String command(PlannedRun planned) {
        Map<String, String> environment = new TreeMap<>(Secrets.redacted(planned.environment()));
        String prefix = environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        String command = String.join(" ", planned.command());
        return prefix.isEmpty() ? command : prefix + " " + command;
    }

    /** {@code offload 0.9.10} says {@code 0.9.10} beside the label {@code offload}. */
    static String withoutName(String tool, String version) {
        String prefix = tool + " ";
        return version.toLowerCase(Locale.ROOT).startsWith(prefix) && version.length() > prefix.length()
                ? version.substring(prefix.length()) : version;
    }

    static String count(int tests) {
        return String.format(Locale.ROOT, "%,d", tests);
    }
}
