package dev.offloadbench.cli.command;

import dev.offloadbench.cli.output.SessionTable;
import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.port.in.BrowseSessions;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionEvents;
import dev.offloadbench.domain.spi.FinishedSession;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import dev.offloadbench.domain.session.Attempt;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bench results}: one session's runs, as a table, as its session.json, or in an exporter's format. */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = {"Show a recorded session: its runs as a table, its session.json with --json, or its results"
                + " in an exporter's format with --format (json, and the formats plugins add)."})
public final class ResultsCommand implements Callable<Integer> {
    @Inject
    Provider<BrowseSessions> sessions;

    @Spec
    CommandSpec spec;

    @Inject
    Provider<ResultsExports> exports;

    @Parameters(paramLabel = "ID|latest", arity = "0..1", defaultValue = "latest",
            completionCandidates = SessionCandidates.class, description = "The session (default: ${DEFAULT-VALUE}).")
    String reference;

    @Option(names = "--json", description = "Print the session's results document (session.json).")
    boolean json;

    @Option(names = "--format", paramLabel = "NAME",
            description = "Write the results in this exporter's format (json: the results document; plugins add"
                    + " more, bench profiles lists them).")
    String format;

    @Option(names = "--show-output", description = "Print the output each execution of the session printed (its"
            + " log, compressed or not), after the table.")
    boolean showOutput;

    @Option(names = "--output", paramLabel = "FILE",
            description = "With --format: write to this file (replaced atomically) instead of printing.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (format != null && json) {
            throw new ParameterException(spec.commandLine(), "--json and --format are alternatives: give one");
        }
        if (showOutput && (format != null || json)) {
            throw new ParameterException(spec.commandLine(), "--show-output goes with the table, not with "
                    + (json ? "--json" : "--format"));
        }
        if (output != null && format == null) {
            throw new ParameterException(spec.commandLine(), "--output goes with --format NAME (e.g. --format json)");
        }
        if (format != null) {
            exports.get().requireFormat(format);
        }
        Session session = sessions.get().find(reference);
        if (format != null) {
            FinishedSession finished = SessionEvents.finished(session);
            if (output == null) {
                exports.get().print(format, finished, out);
            } else {
                exports.get().write(format, finished, output);
                out.println("Wrote the " + format + " results of session " + session.id() + " to " + output);
            }
        } else if (json) {
            Path file = sessions.get().resultsFile(session.id());
            try {
                out.print(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new BenchException("cannot read " + file + ": " + e.getMessage(), e);
            }
        } else {
            out.println("Session " + session.id() + (session.finished() ? "" : " (unfinished: bench run --resume "
                    + session.id() + " continues it)"));
            out.print(SessionTable.write(session));
            if (showOutput) {
                return printOutputs(session, out) ? 0 : ExitCodes.BAD_INPUT;
            }
        }
        out.flush();
        return 0;
    }

    /** Every execution's log, in the order they ran; a log that is gone is said so (exit 2 then). */
    private boolean printOutputs(Session session, PrintWriter out) {
        boolean all = true;
        for (Session.Entry entry : session.entries()) {
            int warmups = 0;
            int samples = 0;
            for (Attempt attempt : entry.run().attempts()) {
                int number = attempt.warmup() ? ++warmups : ++samples;
                out.println();
                out.println("== " + entry.profileId() + " " + entry.run().planned().kind().id()
                        + (attempt.warmup() ? " warm-up " : " sample ") + number + " (" + attempt.log() + ")");
                out.flush();
                try (InputStream log = sessions.get().readLog(attempt.log())) {
                    copy(log, out);
                } catch (BenchException e) {
                    PrintWriter err = spec.commandLine().getErr();
                    out.flush();
                    err.println("error: " + e.getMessage());
                    err.flush();
                    all = false;
                } catch (IOException e) {
                    throw new BenchException("cannot read the log " + attempt.log() + ": " + e.getMessage(), e);
                }
            }
        }
        out.flush();
        return all;
    }

    /** The log's bytes as text, decoded block by block (a character cut between two blocks joined again). */
    private static void copy(InputStream log, PrintWriter out) throws IOException {
        Reader reader = new InputStreamReader(log, StandardCharsets.UTF_8);
        char[] buffer = new char[64 * 1024];
        int n;
        boolean lineOpen = false;
        while ((n = reader.read(buffer)) >= 0) {
            if (n > 0) {
                out.write(buffer, 0, n);
                lineOpen = buffer[n - 1] != '\n';
            }
        }
        if (lineOpen) {
            out.println();
        }
    }
}
