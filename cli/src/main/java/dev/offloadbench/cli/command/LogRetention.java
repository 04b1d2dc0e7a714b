package dev.offloadbench.cli.command;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.port.in.BrowseSessions;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code keep_logs}: after a session, and with {@code bench sessions --prune}, older sessions' logs go. */
final class LogRetention {
    private LogRetention() {
    }

    /** Removes the logs beyond the {@code keep} most recently active sessions and says what went; true when done. */
    static boolean prune(BrowseSessions sessions, int keep, PrintWriter out, PrintWriter err, boolean sayWhenNothing) {
        BrowseSessions.PrunedLogs pruned;
        try {
            pruned = sessions.pruneLogs(keep);
        } catch (BenchException e) {
            err.println("warning: " + e.getMessage() + "; the sessions' results are untouched");
            err.flush();
            return false;
        }
        if (!pruned.sessions().isEmpty()) {
            out.println("Removed the logs of " + pruned.sessions().size() + " older session"
                    + (pruned.sessions().size() == 1 ? "" : "s") + " (" + String.join(", ", pruned.sessions()) + "; "
                    + pruned.removed().files() + " file" + (pruned.removed().files() == 1 ? "" : "s") + ", "
                    + size(pruned.removed().bytes()) + "): keep_logs = " + keep + " keeps the logs of the " + keep
                    + " most recently active session" + (keep == 1 ? "" : "s") + "; their results stay");
            out.flush();
        } else if (sayWhenNothing) {
            out.println("No logs to remove: keep_logs = " + keep + " keeps the logs of the " + keep
                    + " most recently active session" + (keep == 1 ? "" : "s") + ", and no older session has any");
            out.flush();
        }
        return true;
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
