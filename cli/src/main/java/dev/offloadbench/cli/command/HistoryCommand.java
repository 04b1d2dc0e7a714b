package dev.offloadbench.cli.command;

import dev.offloadbench.cli.output.HistoryChart;
import dev.offloadbench.cli.output.HistoryJson;
import dev.offloadbench.cli.output.HistoryText;
import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.history.History;
import dev.offloadbench.domain.port.in.BrowseHistory;
import dev.offloadbench.files.AtomicFile;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bench history}: every finished session's figures over time, as a table and, with --chart, an SVG. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Show every finished session's figures over time (--chart draws them as SVG).",
            "One table per project, one row per session (oldest first), each run kind's mean ± σ, INVALID runs"
                + " marked.",
            "--chart FILE.svg draws them: one SVG per project (FILE-PROJECT.svg when there are several), time per"
                + " kind over the sessions, σ as whiskers, INVALID runs as red crosses."})
public final class HistoryCommand implements Callable<Integer> {
    @Inject
    Provider<BrowseHistory> history;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "all|PROFILE", arity = "0..1", completionCandidates = HistoryProfileCandidates.class,
            description = "One project's history (default: all).")
    String profile;

    @Option(names = "--json", description = "Print the history as JSON.")
    boolean json;

    @Option(names = "--chart", paramLabel = "FILE.svg",
            description = "Also write the history as an SVG chart, one per project (replaced atomically).")
    Path chart;

    @Override
    public Integer call() {
        if (chart != null && chart.getFileName() == null) {
            throw new ParameterException(spec.commandLine(), "--chart needs a file name, such as history.svg");
        }
        Optional<String> only = profile == null || profile.equals("all") ? Optional.empty() : Optional.of(profile);
        History found = history.get().history(only);
        if (chart != null && found.projects().isEmpty()) {
            throw new BenchException("no session has finished yet, so there is nothing to chart; bench run records one");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? HistoryJson.write(found) : HistoryText.write(found));
        if (chart != null) {
            for (Path written : writeCharts(found)) {
                (json ? spec.commandLine().getErr() : out).println("Wrote the chart " + written);
            }
        }
        out.flush();
        spec.commandLine().getErr().flush();
        return ExitCodes.OK;
    }

    private List<Path> writeCharts(History found) {
        List<Path> written = new ArrayList<>();
        for (History.Project project : found.projects()) {
            Path file = found.projects().size() == 1 ? chart : perProject(chart, project.profileId());
            try {
                AtomicFile.write(file, HistoryChart.write(project).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new BenchException("cannot write the chart " + file + ": " + AtomicFile.reason(e)
                        + "; check that the path names a file in a writable folder", e);
            }
            written.add(file);
        }
        return written;
    }

    /** {@code history.svg} for mng is {@code history-mng.svg}. */
    static Path perProject(Path chart, String profileId) {
        String name = chart.getFileName().toString();
        int dot = name.toLowerCase(java.util.Locale.ROOT).endsWith(".svg") ? name.length() - 4 : name.length();
        return chart.resolveSibling(name.substring(0, dot) + "-" + profileId + (dot < name.length()
                ? name.substring(dot) : ".svg"));
    }
}
