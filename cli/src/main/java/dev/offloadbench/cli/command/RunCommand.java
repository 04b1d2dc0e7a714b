package dev.offloadbench.cli.command;

import dev.offloadbench.cli.output.ConsoleProgress;
import dev.offloadbench.cli.output.SessionTable;
import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.config.BenchConfig;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.port.in.BrowseSessions;
import dev.offloadbench.domain.port.in.RunBenchmark;
import dev.offloadbench.domain.port.in.UpdateReadme;
import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Interrupted;
import dev.offloadbench.domain.session.RunStatus;
import dev.offloadbench.domain.session.SkipReason;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.spi.FinishedSession;
import dev.offloadbench.domain.session.SessionEvents;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
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

/** {@code bench run}: the benchmark session, for real. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the planned benchmark runs strictly one after another (mng then sculptor; baseline,"
                + " high, offload), time them, judge them, and report. First every run is probed (its command"
                + " runs with no test executed) and the session stops before any timing when a run would not"
                + " start the planned workers. Every finished run is saved at once: Ctrl-C stops the session"
                + " and --resume continues it.",
            "Exits 0 when every run was valid, 1 when any was INVALID or timed out, 2 on bad input, missing"
                + " prerequisites or a plan a probe contradicts, 130 after Ctrl-C (129 after SIGHUP, 143 after"
                + " SIGTERM)."})
public final class RunCommand implements Callable<Integer> {
    /** What a shell exits with after SIGINT. */
    static final int INTERRUPTED = ExitCodes.INTERRUPTED;

    @Inject
    Provider<RunBenchmark> runner;
    @Inject
    Provider<UpdateReadme> updateReadme;
    @Inject
    Provider<BrowseSessions> sessions;
    @Inject
    Provider<BenchConfig> config;
    @Inject
    Provider<ResultsExports> exports;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "all|PROFILE", arity = "0..*", completionCandidates = ProfileCandidates.class,
            description = "The profiles to run (default: all configured projects).")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--kinds", split = ",", paramLabel = "KIND", converter = RunKindConverter.class,
            completionCandidates = KindCandidates.class,
            description = "Which runs: baseline,high,offload (default: all three).")
    List<RunKind> kinds = new ArrayList<>(List.of(RunKind.values()));

    @Option(names = "--runs", paramLabel = "N", defaultValue = "1",
            description = "Time each run N times; the README shows the mean (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmups-offload", paramLabel = "N", defaultValue = "1",
            description = "Discarded Offload runs before the timed ones, to warm its image cache"
                    + " (default: ${DEFAULT-VALUE}).")
    int offloadWarmups;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "End a run that takes longer (e.g. 45m, 2h) and stop the session.")
    Duration timeout;

    @Option(names = "--show-output", description = "Echo each run's output as it comes.")
    boolean showOutput;

    @Option(names = "--update-readme", description = "Update the README's Benchmarks section at the end.")
    boolean updateReadmeAtEnd;

    @Option(names = "--allow-invalid", description = "With --update-readme: publish even INVALID runs.")
    boolean allowInvalid;

    @Option(names = "--no-probe", description = "Time the runs without probing them first (the configuration's"
            + " probe = false does the same); the worker counts are then read from the justfiles, unverified.")
    boolean noProbe;

    @Option(names = "--resume", arity = "0..1", paramLabel = "ID", fallbackValue = "latest",
            completionCandidates = SessionCandidates.class,
            description = "Continue an interrupted session (default: the latest), skipping its finished runs.")
    String resume;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        refuseSettingsWithResume();
        BenchConfig settings = config.get();
        RunBenchmark.Command command = new RunBenchmark.Command(profiles, kinds, runs, offloadWarmups,
                Optional.ofNullable(timeout), Optional.ofNullable(resume), settings.offloadOptional(),
                settings.probe() && !noProbe);
        List<String> formats = settings.exporters();
        exports.get().require(formats, settings.describeSource());
        Cancellation cancellation = new Cancellation();
        boolean live = System.console() != null && !showOutput;
        // The handlers stay until the very end: a signal while the session ends, or before its
        // README is published, still stops it (exit 130/143), and nothing is published.
        try (Interrupts interrupts = Interrupts.cancelling(cancellation)) {
            RunBenchmark.Outcome outcome;
            try (ConsoleProgress progress = new ConsoleProgress(out, live, showOutput)) {
                outcome = runner.get().run(command, progress, cancellation);
            } catch (Interrupted e) {
                // interrupted while probing, before any session was recorded
                PrintWriter err = spec.commandLine().getErr();
                out.flush();
                err.println("Interrupted: " + e.getMessage());
                err.flush();
                return interrupts.exitCode().orElse(INTERRUPTED);
            }
            Session session = outcome.session();
            out.println();
            out.print(SessionTable.write(session));
            out.println();
            Path results = sessions.get().resultsFile(session.id());
            out.println("Session " + session.id() + ": " + results);
            sayWhatIsMissing(out, session);
            boolean exported = export(session, results.getParent(), formats, out);
            LogRetention.prune(sessions.get(), settings.keepLogs(), out, spec.commandLine().getErr(), false);
            int exitCode = conclude(outcome, out, session, results, cancellation, interrupts);
            return !exported && exitCode == ExitCodes.OK ? ExitCodes.BAD_INPUT : exitCode;
        }
    }

    private int conclude(RunBenchmark.Outcome outcome, PrintWriter out, Session session, Path results,
            Cancellation cancellation, Interrupts interrupts) {
        switch (outcome.ending()) {
            case CANCELLED -> {
                out.flush();
                PrintWriter err = spec.commandLine().getErr();
                err.println("Interrupted: every finished run is kept. Continue with: bench run --resume "
                        + session.id());
                err.flush();
                return interrupts.exitCode().orElse(INTERRUPTED);
            }
            case TIMED_OUT -> {
                out.println("A run timed out, so the session stopped; finished runs are kept. Continue with:"
                        + " bench run --resume " + session.id());
                out.flush();
                return ExitCodes.INVALID_RUNS;
            }
            default -> {
                return finish(out, session, results, cancellation, interrupts);
            }
        }
    }

    private int finish(PrintWriter out, Session session, Path results, Cancellation cancellation,
            Interrupts interrupts) {
        boolean invalid = SessionTable.anyInvalid(session);
        String updateCommand = "bench update-readme --session " + session.id() + " --readme " + session.readme();
        PrintWriter err = spec.commandLine().getErr();
        if (cancellation.isCancelled()) {
            out.flush();
            err.println("Interrupted as the session ended: nothing was published. To publish these numbers: "
                    + updateCommand + (invalid ? " --allow-invalid" : ""));
            err.flush();
            return interrupts.exitCode().orElse(INTERRUPTED);
        }
        if (!updateReadmeAtEnd) {
            out.println("To publish these numbers: " + updateCommand + (invalid ? " --allow-invalid" : ""));
        } else if (invalid && !allowInvalid) {
            out.println("The README was not updated: some runs are INVALID. To publish them anyway: "
                    + updateCommand + " --allow-invalid");
        } else {
            UpdateReadme.Outcome updated;
            try {
                // the signal handlers' cancellation reaches the update: a signal while it waits for
                // another update of the README, or before the README is replaced, publishes nothing
                updated = updateReadme.get().update(new UpdateReadme.Command(results, session.readme(),
                        Optional.empty(), false, allowInvalid), () -> UpdateReadmeCommand.sayWaiting(err,
                        session.readme()), cancellation);
            } catch (Interrupted e) {
                out.flush();
                err.println("Interrupted before the README was updated: nothing was published (" + e.getMessage()
                        + "). To publish these numbers: " + updateCommand + (invalid ? " --allow-invalid" : ""));
                err.flush();
                return interrupts.exitCode().orElse(INTERRUPTED);
            } catch (BenchException e) {
                out.flush();
                err.println("error: the README was not updated: " + e.getMessage());
                err.println("The session is kept; publish it once that is fixed: " + updateCommand
                        + (invalid ? " --allow-invalid" : ""));
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            UpdateReadmeCommand.report(updated, session.readme(), out, err);
            if (updated instanceof UpdateReadme.Written && offloadSkipped(session)) {
                out.println("The Benchmarks section shows the local runs only, and says that Offload was not run.");
            }
        }
        out.flush();
        return invalid ? ExitCodes.INVALID_RUNS : ExitCodes.OK;
    }

    /**
     * Writes the session's results in every format the configuration lists, beside its session.json
     * ({@code results.csv}, ...), however the session ended; false when one failed (said on stderr).
     */
    private boolean export(Session session, Path folder, List<String> formats, PrintWriter out) {
        boolean allWritten = true;
        FinishedSession finished = formats.isEmpty() ? null : SessionEvents.finished(session);
        for (String format : formats) {
            Path file = folder.resolve("results." + format);
            try {
                exports.get().writeIntoSession(format, finished, file);
                out.println("Exported " + format + ": " + file);
            } catch (BenchException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("error: " + e.getMessage() + " (the session is saved: bench results " + session.id()
                        + " --format " + format + " --output FILE tries again)");
                err.flush();
                allWritten = false;
            }
        }
        return allWritten;
    }

    /** A resumed session runs as it was started: new settings would mix two different benchmarks. */
    private void refuseSettingsWithResume() {
        if (resume == null) {
            return;
        }
        List<String> given = new ArrayList<>();
        if (!profiles.isEmpty()) {
            given.add(String.join(" ", profiles));
        }
        for (String option : List.of("--kinds", "--runs", "--warmups-offload", "--timeout", "--no-probe")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                given.add(option);
            }
        }
        if (!given.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--resume continues a session with the profiles and"
                    + " settings it was started with; leave out " + String.join(", ", given));
        }
    }

    /** Says plainly when the numbers are not the whole picture: offload runs that could not run here. */
    private static void sayWhatIsMissing(PrintWriter out, Session session) {
        session.entries().stream()
                .filter(e -> e.run().skipped().filter(SkipReason.OFFLOAD_UNAVAILABLE::equals).isPresent())
                .map(e -> e.run().reason()).distinct()
                .forEach(reason -> out.println("The offload runs were skipped: " + reason + "."));
    }

    private static boolean offloadSkipped(Session session) {
        return session.entries().stream().anyMatch(e -> e.run().status() == RunStatus.SKIPPED
                && e.run().planned().kind() == RunKind.OFFLOAD);
    }
}
