package dev.offloadbench.cli.command;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.port.in.BrowseSessions;
import dev.offloadbench.domain.session.Session;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** What a report is made from: recorded results (a file or a session) and, optionally, a template. */
final class ReportInput {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--template", paramLabel = "FILE",
            description = "A Handlebars template to use instead of the built-in one.")
    Path template;

    static final class Source {
        @Option(names = "--results", paramLabel = "FILE", required = true,
                description = "A results document (JSON, schema 1).")
        Path file;

        @Option(names = "--session", paramLabel = "ID|latest", required = true,
                completionCandidates = SessionCandidates.class,
                description = "A recorded session (bench sessions lists them).")
        String session;
    }

    /** The results document: the file given, or the session's session.json (a session it must have finished). */
    Path results(BrowseSessions sessions) {
        return recorded(sessions).results();
    }

    /**
     * What was recorded: the results document, and the README a session was run for (a results
     * document names none).
     */
    Recorded recorded(BrowseSessions sessions) {
        if (source.file != null) {
            return new Recorded(source.file, Optional.empty());
        }
        Session session = finished(sessions);
        return new Recorded(sessions.resultsFile(session.id()), Optional.of(session.readme()));
    }

    record Recorded(Path results, Optional<Path> readme) {
    }

    private Session finished(BrowseSessions sessions) {
        Session session = sessions.find(source.session);
        if (!session.finished()) {
            throw new BenchException("session " + session.id() + " has not finished, so its numbers are not the"
                    + " whole benchmark: continue it with bench run --resume " + session.id()
                    + " (bench results " + session.id() + " shows what it has so far)");
        }
        return session;
    }

    Optional<Path> template() {
        return Optional.ofNullable(template);
    }
}
