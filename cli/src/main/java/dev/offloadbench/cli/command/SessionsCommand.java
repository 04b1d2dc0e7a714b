package dev.offloadbench.cli.command;

import dev.offloadbench.cli.output.SessionsText;
import dev.offloadbench.cli.output.SessionsJson;
import dev.offloadbench.domain.config.BenchConfig;
import dev.offloadbench.domain.port.in.BrowseSessions;
import dev.offloadbench.domain.session.RunStatus;
import dev.offloadbench.domain.session.Session;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench sessions}: the recorded sessions, oldest first. */
@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = {"List the recorded benchmark sessions, oldest first.",
                "With --prune: remove the logs of all but the most recently active sessions (keep_logs in the"
                        + " configuration, default " + BenchConfig.DEFAULT_KEEP_LOGS + "); results stay."})
public final class SessionsCommand implements Callable<Integer> {
    @Inject
    Provider<BrowseSessions> sessions;

    @Spec
    CommandSpec spec;

    @Inject
    Provider<BenchConfig> config;

    @Option(names = "--json", description = "Print the sessions as JSON.")
    boolean json;

    @Option(names = "--prune", description = "Remove the logs of the sessions beyond the keep_logs most recently"
            + " active ones (their results stay), then list the sessions.")
    boolean prune;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BrowseSessions browse = sessions.get();
        if (prune) {
            int keep = config.get().keepLogs();
            boolean done = LogRetention.prune(browse, keep, json ? spec.commandLine().getErr() : out,
                    spec.commandLine().getErr(), true);
            if (!done) {
                return ExitCodes.BAD_INPUT;
            }
        }
        List<Session> all = browse.list();
        PrintWriter err = spec.commandLine().getErr();
        SessionsText.warnUnreadable(err, browse.unreadable());
        err.flush();
        if (json) {
            out.print(SessionsJson.write(all, browse::resultsFile));
            out.flush();
            return 0;
        }
        if (all.isEmpty()) {
            out.println("No session recorded yet; bench run starts one.");
        }
        for (Session session : all) {
            long done = session.entries().stream().filter(e -> e.run().status() == RunStatus.DONE).count();
            out.printf("%-20s %-12s %d/%d runs done  %s%n", session.id(),
                    session.finished() ? "finished" : "unfinished", done, session.entries().size(),
                    session.projects().stream().map(p -> p.profileId()).collect(Collectors.joining(", ")));
        }
        out.flush();
        return 0;
    }
}
