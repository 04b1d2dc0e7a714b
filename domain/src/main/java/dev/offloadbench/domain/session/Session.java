package dev.offloadbench.domain.session;

import dev.offloadbench.domain.plan.MachineDescription;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A benchmark session: its id (sortable by time), settings, the machine and README it reports
 * on, and every project's runs.
 *
 * @param finished when the session ran to its end; a session without it can be resumed
 */
public record Session(String id, Instant created, SessionSettings settings, MachineDescription machine,
        Path readme, List<SessionProject> projects, boolean finished) {
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(readme, "readme");
        projects = List.copyOf(projects);
    }

    public Session replace(String profileId, SessionRun run) {
        List<SessionProject> replaced = new ArrayList<>();
        for (SessionProject project : projects) {
            replaced.add(project.profileId().equals(profileId) ? project.replace(run) : project);
        }
        return new Session(id, created, settings, machine, readme, replaced, finished);
    }

    public Session markFinished() {
        return new Session(id, created, settings, machine, readme, projects, true);
    }

    /** Runs in execution order, with their project. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (SessionProject project : projects) {
            for (SessionRun run : project.runs()) {
                entries.add(new Entry(project.profileId(), run));
            }
        }
        return entries;
    }

    public record Entry(String profileId, SessionRun run) {
    }
}
