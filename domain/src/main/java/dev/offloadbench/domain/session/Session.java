package dev.offloadbench.domain.session;

import dev.offloadbench.domain.plan.MachineDescription;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A benchmark session: its id (sortable by time), settings, the machine and README it reports
 * on, and every project's runs.
 *
 * @param finished when the session ran to its end; a session without it can be resumed
 * @param running the execution under way, recorded before it starts; present in a stored session
 *     only while it runs, or when the bench running it died
 */
public record Session(String id, Instant created, SessionSettings settings, MachineDescription machine,
        Path readme, List<SessionProject> projects, boolean finished, Optional<RunInProgress> running) {
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(readme, "readme");
        projects = List.copyOf(projects);
        Objects.requireNonNull(running, "running");
    }

    /** A session with nothing under way. */
    public Session(String id, Instant created, SessionSettings settings, MachineDescription machine, Path readme,
            List<SessionProject> projects, boolean finished) {
        this(id, created, settings, machine, readme, projects, finished, Optional.empty());
    }

    public Session replace(String profileId, SessionRun run) {
        List<SessionProject> replaced = new ArrayList<>();
        for (SessionProject project : projects) {
            replaced.add(project.profileId().equals(profileId) ? project.replace(run) : project);
        }
        return new Session(id, created, settings, machine, readme, replaced, finished, running);
    }

    public Session markFinished() {
        return new Session(id, created, settings, machine, readme, projects, true, running);
    }

    public Session withRunning(RunInProgress run) {
        return new Session(id, created, settings, machine, readme, projects, finished, Optional.of(run));
    }

    public Session withoutRunning() {
        return new Session(id, created, settings, machine, readme, projects, finished, Optional.empty());
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
