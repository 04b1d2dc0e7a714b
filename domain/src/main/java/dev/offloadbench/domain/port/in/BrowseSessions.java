package dev.offloadbench.domain.port.in;

import dev.offloadbench.domain.port.out.SessionStore;
import dev.offloadbench.domain.session.Session;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** The recorded sessions. */
public interface BrowseSessions {
    /** Every session that can be read, oldest first. */
    List<Session> list();

    /** The recorded sessions that cannot be read, and why (they are skipped, and said so). */
    List<SessionStore.Unreadable> unreadable();

    /**
     * @param reference an id, or {@code latest}
     * @throws dev.offloadbench.domain.BenchException when there is no such session
     */
    Session find(String reference);

    /** The session's results document (its session.json), for render and update-readme. */
    Path resultsFile(String reference);

    /**
     * An execution's log (compressed or not, it reads the same).
     *
     * @throws dev.offloadbench.domain.BenchException when it is gone (removed by {@code keep_logs}, say)
     */
    InputStream readLog(Path log);

    /**
     * Removes the logs of every session but the {@code keep} most recently active ones (a session
     * under way, or just resumed, is among them); their results stay. Sessions that cannot be read
     * are left alone.
     */
    PrunedLogs pruneLogs(int keep);

    /** @param sessions the sessions whose logs were removed, oldest first */
    record PrunedLogs(List<String> sessions, SessionStore.RemovedLogs removed) {
        public PrunedLogs {
            sessions = List.copyOf(sessions);
        }
    }
}
