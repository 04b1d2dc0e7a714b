package dev.offloadbench.domain.service.running;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.port.in.BrowseSessions;
import dev.offloadbench.domain.port.out.SessionStore;
import dev.offloadbench.domain.session.Session;
import java.nio.file.Path;
import java.util.List;

/** The recorded sessions, by id or {@code latest}. */
public final class SessionCatalog implements BrowseSessions {
    private final SessionStore store;

    public SessionCatalog(SessionStore store) {
        this.store = store;
    }

    @Override
    public List<Session> list() {
        return store.list();
    }

    @Override
    public List<SessionStore.Unreadable> unreadable() {
        return store.unreadable();
    }

    /** A session by id, or the latest that can be read; a corrupt session named by its id says what is wrong. */
    @Override
    public Session find(String reference) {
        if (reference.equals("latest")) {
            List<Session> sessions = store.list();
            if (sessions.isEmpty()) {
                throw new BenchException("no benchmark session has been recorded yet; start one with bench run");
            }
            return sessions.get(sessions.size() - 1);
        }
        return store.load(reference).orElseThrow(() -> new BenchException("there is no session `" + reference
                + "`; bench sessions lists the recorded ones"));
    }

    @Override
    public Path resultsFile(String reference) {
        return store.resultsFile(find(reference).id());
    }
}
