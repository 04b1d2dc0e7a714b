package dev.offloadbench.cli.command;

import dev.offloadbench.domain.model.BenchmarkResults.InvalidRun;
import dev.offloadbench.domain.port.in.UpdateReadme;
import dev.offloadbench.domain.port.in.BrowseSessions;
import dev.offloadbench.domain.port.out.ReadmeStore.Subsection;
import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Interrupted;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench update-readme}: replaces a README's Benchmarks section. */
@Command(name = "update-readme", mixinStandardHelpOptions = true,
        description = "Replace the Benchmarks section of a README with the one rendered from recorded results.")
public final class UpdateReadmeCommand implements Callable<Integer> {
    @Inject
    Provider<UpdateReadme> updateReadme;
    @Inject
    Provider<BrowseSessions> sessions;

    @Spec
    CommandSpec spec;

    @Mixin
    ReportInput input;

    @Option(names = "--readme", paramLabel = "PATH",
            description = "The README to update (default with --session: the README the session was run for).")
    Path readme;

    @Option(names = "--dry-run", description = "Print the change as a unified diff and write nothing.")
    boolean dryRun;

    @Option(names = "--allow-invalid", description = "Publish even when some runs are INVALID.")
    boolean allowInvalid;

    @Option(names = "--force", description = "Replace a read-only README (it stays read-only).")
    boolean force;

    @Override
    public Integer call() {
        ReportInput.Recorded recorded = input.recorded(sessions.get());
        Path target = Optional.ofNullable(readme).or(recorded::readme).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "Missing --readme PATH: a results document does not say which README it is"
                        + " for (with --session, the session's README is the default)"));
        PrintWriter err = spec.commandLine().getErr();
        Cancellation cancellation = new Cancellation();
        UpdateReadme.Outcome outcome;
        // Ctrl-C (or SIGTERM) while it waits for another update of the README, or before the README
        // is replaced, stops it with the README unchanged (in the shell too, which goes on)
        try (Interrupts interrupts = Interrupts.cancelling(cancellation)) {
            try {
                outcome = updateReadme.get().update(new UpdateReadme.Command(recorded.results(), target,
                        input.template(), dryRun, allowInvalid, force), () -> sayWaiting(err, target), cancellation);
            } catch (Interrupted e) {
                err.println("Interrupted: " + e.getMessage());
                err.flush();
                return interrupts.exitCode().orElse(ExitCodes.INTERRUPTED);
            }
        }
        return report(outcome, target, spec.commandLine().getOut(), err);
    }

    /** Said when another update of the same README (another update-readme, a bench run) is under way. */
    static void sayWaiting(PrintWriter err, Path readme) {
        err.println("waiting: another update of " + readme + " is under way; this one follows when it is done");
        err.flush();
    }

    /** Says what an update did (or why it did not), for this command and for {@code bench run --update-readme}. */
    static int report(UpdateReadme.Outcome outcome, Path readme, PrintWriter out, PrintWriter err) {
        int exitCode = ExitCodes.OK;
        if (outcome instanceof UpdateReadme.Refused refused) {
            err.println("error: refused to update " + readme + ": " + describe(refused.invalidRuns()));
            err.println("Re-run them, or pass --allow-invalid to publish these numbers anyway.");
            exitCode = ExitCodes.INVALID_RUNS;
        } else if (outcome instanceof UpdateReadme.Previewed previewed) {
            warnAboutIncluded(err, previewed.invalidRuns());
            sayKept(err, previewed.merge().kept());
            if (previewed.diff().isEmpty()) {
                out.println(readme + " already has this Benchmarks section; nothing would change.");
            } else {
                out.print(previewed.diff());
            }
        } else if (outcome instanceof UpdateReadme.Written written) {
            warnAboutIncluded(err, written.invalidRuns());
            if (written.viaLink()) {
                err.println("note: " + readme + " is a symbolic link: updated the file it points to, " + written.file()
                        + ", and the bar images go beside that file (in " + written.file().getParent() + ")");
            }
            sayKept(err, written.merge().kept());
            if (written.changed()) {
                out.println("Updated the Benchmarks section of " + written.readme()
                        + " (verified by reading it back).");
            } else {
                out.println(written.readme() + " already had this Benchmarks section; nothing changed.");
            }
            written.createdFiles().forEach(file -> out.println("Created " + file));
        }
        out.flush();
        err.flush();
        return exitCode;
    }

    private static void sayKept(PrintWriter err, List<Subsection> kept) {
        kept.forEach(subsection -> err.println("note: kept \"" + subsection.heading() + "\" as it was: "
                + subsection.profileId().map(id -> "these results do not cover project " + id)
                        .orElse("it is no project's subsection")));
    }

    private static void warnAboutIncluded(PrintWriter err, List<InvalidRun> invalid) {
        if (!invalid.isEmpty()) {
            err.println("warning: publishing INVALID runs (--allow-invalid): " + describe(invalid));
        }
    }

    static String describe(List<InvalidRun> invalid) {
        StringBuilder text = new StringBuilder()
                .append(invalid.size() == 1 ? "1 run is INVALID:" : invalid.size() + " runs are INVALID:");
        invalid.forEach(run -> text.append(System.lineSeparator()).append("  ").append(run));
        return text.toString();
    }
}
