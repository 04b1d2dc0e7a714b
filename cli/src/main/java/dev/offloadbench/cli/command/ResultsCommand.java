package dev.offloadbench.cli.command;

import dev.offloadbench.cli.output.SessionTable;
import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.port.in.BrowseSessions;
import dev.offloadbench.domain.session.Session;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bench results}: one session's runs, as a table or as its results document. */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = "Show a recorded session: its runs as a table, or its results document with --json.")
public final class ResultsCommand implements Callable<Integer> {
    private final Provider<BrowseSessions> sessions;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID|latest", arity = "0..1", defaultValue = "latest",
            description = "The session (default: ${DEFAULT-VALUE}).")
    String reference;

    @Option(names = "--json", description = "Print the session's results document (session.json).")
    boolean json;

    @Inject
    ResultsCommand(Provider<BrowseSessions> sessions) {
        this.sessions = sessions;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Session session = sessions.get().find(reference);
        if (json) {
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
        }
        out.flush();
        return 0;
    }
}
