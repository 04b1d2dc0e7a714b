package dev.offloadbench.domain.port.out;

import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.session.Session;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where sessions live: one folder per session with {@code session.json} (the results document,
 * schema 1, plus everything the session knows) and one log per execution.
 */
public interface SessionStore {
    /** Writes the session atomically: a reader, or a crash, never sees half of it. */
    void save(Session session);

    Optional<Session> load(String id);

    /** Every session, oldest first. */
    List<Session> list();

    /** The file holding the session's results document, for render and update-readme. */
    Path resultsFile(String id);

    /** Where the output of one execution goes, e.g. {@code mng-baseline-sample-1.log}. */
    Path logFile(String sessionId, String profileId, RunKind kind, boolean warmup, int number);
}
