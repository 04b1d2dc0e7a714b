package dev.offloadbench.domain.port.out;

import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.session.Session;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where sessions live: one folder per session with {@code session.json} (the results document,
 * schema 1, plus everything the session knows) and one log per execution, readable by their
 * owner alone (a session holds the runs' environment, logs hold their output).
 */
public interface SessionStore {
    /** Writes the session atomically: a reader, or a crash, never sees half of it. */
    void save(Session session);

    /**
     * The session with this id.
     *
     * @throws dev.offloadbench.domain.BenchException when it is there but cannot be read, saying why
     */
    Optional<Session> load(String id);

    /** Whether a session (readable or not) has this id, so that a new session never takes it. */
    default boolean exists(String id) {
        return load(id).isPresent();
    }

    /** Every session that can be read, oldest first; those that cannot are in {@link #unreadable()}. */
    List<Session> list();

    /** The recorded sessions that cannot be read (a corrupt session.json), with why: reported, never a blocker. */
    default List<Unreadable> unreadable() {
        return List.of();
    }

    /** The file holding the session's results document, for render and update-readme. */
    Path resultsFile(String id);

    /** Where the output of one execution goes, e.g. {@code mng-baseline-sample-1.log}. */
    Path logFile(String sessionId, String profileId, RunKind kind, boolean warmup, int number);

    /**
     * Compresses an execution's log once its run is over and its output read (gzip): outside any
     * timed window. Returns where the log is now: the compressed file, or the log as it was when it
     * could not be compressed (it stays readable).
     */
    default Path compressLog(Path log) {
        return log;
    }

    /**
     * An execution's log, decompressed when it was compressed.
     *
     * @throws dev.offloadbench.domain.BenchException when it is gone or cannot be read, saying so
     */
    InputStream readLog(Path log);

    /** Removes the logs of one session (its results stay); says how many files and bytes went. */
    RemovedLogs removeLogs(String sessionId);

    /** What removing a session's logs freed. */
    record RemovedLogs(int files, long bytes) {
        public static final RemovedLogs NONE = new RemovedLogs(0, 0);

        public RemovedLogs plus(RemovedLogs other) {
            return new RemovedLogs(files + other.files, bytes + other.bytes);
        }
    }

    /** A recorded session that cannot be read, and what is wrong with it (file, line and column where known). */
    record Unreadable(String id, String problem) {
        public Unreadable {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(problem, "problem");
        }
    }
}
