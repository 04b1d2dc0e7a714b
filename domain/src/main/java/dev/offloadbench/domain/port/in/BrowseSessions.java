package dev.offloadbench.domain.port.in;

import dev.offloadbench.domain.port.out.SessionStore;
import dev.offloadbench.domain.session.Session;
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
}
