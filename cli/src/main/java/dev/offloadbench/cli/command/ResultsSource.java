package dev.offloadbench.cli.command;

import dev.offloadbench.domain.port.in.BrowseSessions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where recorded results come from: a results document, or a recorded session. */
final class ResultsSource {
    @Option(names = "--results", paramLabel = "FILE", required = true,
            description = "A results document (JSON, schema 1).")
    Path file;

    @Option(names = "--session", paramLabel = "ID|latest", required = true,
            description = "A recorded session (bench sessions lists them).")
    String session;

    Path resolve(BrowseSessions sessions) {
        return file != null ? file : sessions.resultsFile(session);
    }
}
