package dev.offloadbench.cli.output;

import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.port.out.ProbeListener;
import dev.offloadbench.domain.probe.ObservedOffload;
import dev.offloadbench.domain.probe.ObservedPytest;
import dev.offloadbench.domain.probe.ProbeResult;
import dev.offloadbench.domain.run.LeftoverProcess;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One line when a probe starts and one when it ends: probes run whole recipes, dependencies
 * included, so the person waiting sees what takes the time.
 */
public final class ProbeLines implements ProbeListener {
    private final PrintWriter out;

    public ProbeLines(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void probeStarted(String profileId, RunKind kind, String purpose, List<String> command,
            Map<String, String> environment) {
        out.println("probing " + profileId + " " + purpose + ": " + PlanText.commandLine(command, environment));
        out.flush();
    }

    @Override
    public void probeFinished(String profileId, RunKind kind, ProbeResult result) {
        out.println("  " + summary(result) + String.format(Locale.ROOT, " (%.1f s)",
                result.elapsed().toMillis() / 1000.0));
        if (!result.leftovers().isEmpty()) {
            out.println("  ended " + processes(result.leftovers()) + " it left running: " + names(result.leftovers()));
        }
        out.flush();
    }

    @Override
    public void leftoversEnded(String sessionId, List<LeftoverProcess> ended) {
        out.println("Ended " + processes(ended) + " left running by an earlier bench that died during session "
                + sessionId + " (before anything ran): " + names(ended));
        out.flush();
    }

    @Override
    public void probeLeftoversEnded(List<LeftoverProcess> ended) {
        out.println("Ended " + processes(ended) + " left running by a probe of an earlier bench that died (before"
                + " anything ran): " + names(ended));
        out.flush();
    }

    private static String processes(List<LeftoverProcess> processes) {
        return processes.size() + " process" + (processes.size() == 1 ? "" : "es");
    }

    private static String names(List<LeftoverProcess> processes) {
        return processes.stream().map(LeftoverProcess::toString).collect(Collectors.joining(", "));
    }

    /** What a probe saw, in a few words. */
    static String summary(ProbeResult result) {
        if (result.outcome() != ProbeResult.Outcome.OBSERVED) {
            return result.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + result.problem();
        }
        if (!result.pytest().isEmpty()) {
            return result.pytest().stream().map(pytest -> pytest.describe() + versions(pytest.versions()))
                    .collect(Collectors.joining("; "));
        }
        if (!result.offload().isEmpty()) {
            return result.offload().stream().map(ProbeLines::describe).collect(Collectors.joining("; "));
        }
        return "neither pytest nor offload started (exit code " + result.exitCode() + ")";
    }

    /** {@code  on Python 3.11.4, pytest 8.3.2, xdist 3.6.1}: what pytest said it runs on, as far as it said. */
    private static String versions(ObservedPytest.Versions versions) {
        List<String> known = new ArrayList<>();
        versions.python().ifPresent(version -> known.add("Python " + version));
        versions.pytest().ifPresent(version -> known.add("pytest " + version));
        versions.xdist().ifPresent(version -> known.add("xdist " + version));
        return known.isEmpty() ? "" : " on " + String.join(", ", known);
    }

    private static String describe(ObservedOffload offload) {
        return "offload " + offload.arguments().stream().map(PlanText::quote).collect(Collectors.joining(" "))
                + " in " + offload.directory();
    }
}
