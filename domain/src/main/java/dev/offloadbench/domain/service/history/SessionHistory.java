package dev.offloadbench.domain.service.history;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.history.History;
import dev.offloadbench.domain.history.Measurement;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.port.in.BrowseHistory;
import dev.offloadbench.domain.port.in.BrowseSessions;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionProject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every finished session's figures, project by project, oldest first: each finished run's mean ±
 * σ and whether it counts. Unfinished sessions are left out (bench run --resume finishes them).
 */
public final class SessionHistory implements BrowseHistory {
    private final BrowseSessions sessions;

    public SessionHistory(BrowseSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public History history(Optional<String> profileId) {
        Map<String, List<History.Point>> projects = new LinkedHashMap<>();
        for (Session session : sessions.list()) {
            if (!session.finished()) {
                continue;
            }
            for (SessionProject project : session.projects()) {
                Map<RunKind, Measurement> runs = new EnumMap<>(RunKind.class);
                for (RunKind kind : RunKind.values()) {
                    project.run(kind).flatMap(Measurement::of).ifPresent(measurement -> runs.put(kind, measurement));
                }
                if (!runs.isEmpty()) {
                    projects.computeIfAbsent(project.profileId(), id -> new ArrayList<>())
                            .add(new History.Point(session.id(), session.created(), runs));
                }
            }
        }
        if (profileId.isPresent()) {
            List<History.Point> points = projects.get(profileId.get());
            if (points == null) {
                throw new BenchException("no finished session ran project `" + profileId.get() + "`"
                        + (projects.isEmpty() ? "" : "; the finished sessions ran " + String.join(", ",
                                projects.keySet())) + " (bench sessions lists every session)");
            }
            return new History(List.of(new History.Project(profileId.get(), points)));
        }
        List<History.Project> all = new ArrayList<>();
        projects.forEach((id, points) -> all.add(new History.Project(id, points)));
        return new History(all);
    }
}
