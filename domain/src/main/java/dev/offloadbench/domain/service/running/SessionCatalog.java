package dev.offloadbench.domain.service.running;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.port.in.BrowseSessions;
import dev.offloadbench.domain.port.out.SessionStore;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.Attempt;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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

    @Override
    public InputStream readLog(Path log) {
        return store.readLog(log);
    }

    @Override
    public PrunedLogs pruneLogs(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("at least the latest session keeps its logs: " + keep);
        }
        List<Session> byActivity = new ArrayList<>(store.list());
        byActivity.sort(Comparator.comparing(SessionCatalog::lastActivity).thenComparing(Session::id));
        List<String> pruned = new ArrayList<>();
        SessionStore.RemovedLogs removed = SessionStore.RemovedLogs.NONE;
        for (Session session : byActivity.subList(0, Math.max(0, byActivity.size() - keep))) {
            SessionStore.RemovedLogs freed = store.removeLogs(session.id());
            if (freed.files() > 0) {
                pruned.add(session.id());
                removed = removed.plus(freed);
            }
        }
        return new PrunedLogs(pruned, removed);
    }

    /** When the session last did something: created, an execution finished, or one under way started. */
    static Instant lastActivity(Session session) {
        Instant latest = session.created();
        for (Session.Entry entry : session.entries()) {
            for (Attempt attempt : entry.run().attempts()) {
                if (attempt.finished().isAfter(latest)) {
                    latest = attempt.finished();
                }
            }
        }
        if (session.running().isPresent() && session.running().get().since().isAfter(latest)) {
            latest = session.running().get().since();
        }
        return latest;
    }
}
