package dev.offloadbench.domain.session;

import dev.offloadbench.domain.model.RunKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A project's runs in a session, in execution order. */
public record SessionProject(String profileId, Path path, List<SessionRun> runs) {
    public SessionProject {
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(path, "path");
        runs = List.copyOf(runs);
    }

    public Optional<SessionRun> run(RunKind kind) {
        return runs.stream().filter(r -> r.planned().kind() == kind).findFirst();
    }

    public SessionProject replace(SessionRun run) {
        List<SessionRun> replaced = new ArrayList<>();
        for (SessionRun existing : runs) {
            replaced.add(existing.planned().kind() == run.planned().kind() ? run : existing);
        }
        return new SessionProject(profileId, path, replaced);
    }
}
