package dev.offloadbench.domain.service.running;

import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.port.out.SessionStore;
import dev.offloadbench.domain.session.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** A session store in memory that also keeps every session it was asked to save, in order. */
final class InMemorySessionStore implements SessionStore {
    static final Path ROOT = Path.of("/state/sessions");

    private final TreeMap<String, Session> sessions = new TreeMap<>();
    private final List<Session> saved = new ArrayList<>();
    private final List<Unreadable> unreadable = new ArrayList<>();

    /** A session that exists before the test (not counted among the saves). */
    InMemorySessionStore with(Session session) {
        sessions.put(session.id(), session);
        return this;
    }

    /** A session folder whose session.json cannot be read. */
    InMemorySessionStore withUnreadable(Unreadable session) {
        unreadable.add(session);
        return this;
    }

    @Override
    public List<Unreadable> unreadable() {
        return List.copyOf(unreadable);
    }

    @Override
    public void save(Session session) {
        sessions.put(session.id(), session);
        saved.add(session);
    }

    @Override
    public Optional<Session> load(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** Oldest first: ids sort by time. */
    @Override
    public List<Session> list() {
        return List.copyOf(sessions.values());
    }

    @Override
    public Path resultsFile(String id) {
        return ROOT.resolve(id).resolve("session.json");
    }

    @Override
    public Path logFile(String sessionId, String profileId, RunKind kind, boolean warmup, int number) {
        return ROOT.resolve(sessionId).resolve(profileId + "-" + kind.id() + "-" + (warmup ? "warmup" : "sample")
                + "-" + number + ".log");
    }

    /** Logs compressed after their runs, in order; with {@link #compressing} they get a {@code .gz} name. */
    final List<Path> compressed = new ArrayList<>();
    /** Sessions whose logs were removed, in order. */
    final List<String> logsRemoved = new ArrayList<>();
    boolean compressing;

    @Override
    public Path compressLog(Path log) {
        compressed.add(log);
        return compressing ? log.resolveSibling(log.getFileName() + ".gz") : log;
    }

    @Override
    public java.io.InputStream readLog(Path log) {
        return new java.io.ByteArrayInputStream(("output of " + log.getFileName() + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public RemovedLogs removeLogs(String sessionId) {
        logsRemoved.add(sessionId);
        return new RemovedLogs(2, 100);
    }

    /** Every session saved so far, in the order of the saves. */
    List<Session> saved() {
        return List.copyOf(saved);
    }

    Session lastSaved() {
        return saved.get(saved.size() - 1);
    }
}
