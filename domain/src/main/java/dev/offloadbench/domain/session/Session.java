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
 * @param inputs the tools and machine it ran with, to explain a change of its figures later
 */
public record Session(String id, Instant created, SessionSettings settings, MachineDescription machine,
        Path readme, List<SessionProject> projects, boolean finished, Optional<RunInProgress> running,
        SessionInputs inputs) {
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(readme, "readme");
        projects = List.copyOf(projects);
        Objects.requireNonNull(running, "running");
        Objects.requireNonNull(inputs, "inputs");
    }

    /** A session whose inputs were not recorded. */
    public Session(String id, Instant created, SessionSettings settings, MachineDescription machine, Path readme,
            List<SessionProject> projects, boolean finished, Optional<RunInProgress> running) {
        this(id, created, settings, machine, readme, projects, finished, running, SessionInputs.UNRECORDED);
    }

    /** A session with nothing under way. */
    public Session(String id, Instant created, SessionSettings settings, MachineDescription machine, Path readme,
            List<SessionProject> projects, boolean finished) {
        this(id, created, settings, machine, readme, projects, finished, Optional.empty(), SessionInputs.UNRECORDED);
    }

    public Session replace(String profileId, SessionRun run) {
        List<SessionProject> replaced = new ArrayList<>();
        for (SessionProject project : projects) {
            replaced.add(project.profileId().equals(profileId) ? project.replace(run) : project);
        }
        return new Session(id, created, settings, machine, readme, replaced, finished, running, inputs);
    }

    public Session markFinished() {
        return new Session(id, created, settings, machine, readme, projects, true, running, inputs);
    }

    public Session withRunning(RunInProgress run) {
        return new Session(id, created, settings, machine, readme, projects, finished, Optional.of(run), inputs);
    }

    public Session withoutRunning() {
        return new Session(id, created, settings, machine, readme, projects, finished, Optional.empty(), inputs);
    }

    public Session withInputs(SessionInputs recorded) {
        return new Session(id, created, settings, machine, readme, projects, finished, running, recorded);
    }

    public Optional<SessionProject> project(String profileId) {
        return projects.stream().filter(p -> p.profileId().equals(profileId)).findFirst();
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
