package dev.offloadbench.domain.history;

import dev.offloadbench.domain.model.RunKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Every finished session's figures, project by project, oldest session first. */
public record History(List<Project> projects) {
    public History {
        projects = List.copyOf(projects);
    }

    /** One project over the finished sessions that ran it. */
    public record Project(String profileId, List<Point> sessions) {
        public Project {
            Objects.requireNonNull(profileId, "profileId");
            sessions = List.copyOf(sessions);
        }

        /** The kinds any of its sessions finished, in report order. */
        public List<RunKind> kinds() {
            return java.util.Arrays.stream(RunKind.values())
                    .filter(kind -> sessions.stream().anyMatch(point -> point.runs().containsKey(kind))).toList();
        }
    }

    /** One session's finished runs of a project. */
    public record Point(String sessionId, Instant created, Map<RunKind, Measurement> runs) {
        public Point {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(created, "created");
            runs = Map.copyOf(runs);
        }

        public Optional<Measurement> run(RunKind kind) {
            return Optional.ofNullable(runs.get(kind));
        }
    }
}
