package dev.offloadbench.domain.session;

import dev.offloadbench.domain.model.RunKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A project's runs in a session, in execution order.
 *
 * @param revision the commit its folder was at when the session started; empty when the folder is
 *     not a git checkout, or the session was recorded before commits were kept
 */
public record SessionProject(String profileId, Path path, List<SessionRun> runs, Optional<Revision> revision) {
    public SessionProject {
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(path, "path");
        runs = List.copyOf(runs);
        Objects.requireNonNull(revision, "revision");
    }

    /** A project whose commit is not known. */
    public SessionProject(String profileId, Path path, List<SessionRun> runs) {
        this(profileId, path, runs, Optional.empty());
    }

    public Optional<SessionRun> run(RunKind kind) {
        return runs.stream().filter(r -> r.planned().kind() == kind).findFirst();
    }

    public SessionProject replace(SessionRun run) {
        List<SessionRun> replaced = new ArrayList<>();
        for (SessionRun existing : runs) {
            replaced.add(existing.planned().kind() == run.planned().kind() ? run : existing);
        }
        return new SessionProject(profileId, path, replaced, revision);
    }
}
