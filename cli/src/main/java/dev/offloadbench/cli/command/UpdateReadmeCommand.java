package dev.offloadbench.cli.command;

import dev.offloadbench.domain.model.BenchmarkResults.InvalidRun;
import dev.offloadbench.domain.port.in.UpdateReadme;
import dev.offloadbench.domain.port.in.BrowseSessions;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Option(names = "--readme", required = true, paramLabel = "PATH", description = "The README to update.")
    Path readme;

    @Option(names = "--dry-run", description = "Print the change as a unified diff and write nothing.")
    boolean dryRun;

    @Option(names = "--allow-invalid", description = "Publish even when some runs are INVALID.")
    boolean allowInvalid;

    @Override
    public Integer call() {
        UpdateReadme.Outcome outcome = updateReadme.get().update(new UpdateReadme.Command(input.results(sessions.get()),
                readme, input.template(), dryRun, allowInvalid));
        return report(outcome, readme, spec.commandLine().getOut(), spec.commandLine().getErr());
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
            sayKept(err, previewed.keptSections());
            if (previewed.diff().isEmpty()) {
                out.println(readme + " already has this Benchmarks section; nothing would change.");
            } else {
                out.print(previewed.diff());
            }
        } else if (outcome instanceof UpdateReadme.Written written) {
            warnAboutIncluded(err, written.invalidRuns());
            sayKept(err, written.keptSections());
            out.println("Updated the Benchmarks section of " + written.readme() + " (verified by reading it back).");
            written.createdFiles().forEach(file -> out.println("Created " + file));
        }
        out.flush();
        err.flush();
        return exitCode;
    }

    private static void sayKept(PrintWriter err, List<String> kept) {
        kept.forEach(heading -> err.println("note: kept \"" + heading + "\" as it was: these results do not cover"
                + " that project"));
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
