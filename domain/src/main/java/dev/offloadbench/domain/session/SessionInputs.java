package dev.offloadbench.domain.session;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a session ran with that is not the projects' own: the version of each tool the
 * prerequisite checks found ({@code offload}, {@code just}: the line its {@code --version}
 * printed) and the machine as detected. Recorded when the session starts; a session recorded
 * before they were kept has none ({@link #UNRECORDED}), and a comparison then says they are
 * unknown rather than changed.
 *
 * @param recorded whether the session kept its inputs at all: a tool missing from {@code tools}
 *     of a recorded session was not installed (or said no version)
 * @param machine the machine as detected (CPU, cores, memory), whatever the README is told
 */
public record SessionInputs(boolean recorded, Map<String, String> tools, Optional<String> machine) {
    /** A session recorded before its inputs were kept. */
    public static final SessionInputs UNRECORDED = new SessionInputs(false, Map.of(), Optional.empty());

    public SessionInputs {
        tools = Collections.unmodifiableMap(new TreeMap<>(tools));
        Objects.requireNonNull(machine, "machine");
        if (!recorded && (!tools.isEmpty() || machine.isPresent())) {
            throw new IllegalArgumentException("inputs that were not recorded hold nothing");
        }
    }

    /** Inputs recorded when a session starts. */
    public static SessionInputs of(Map<String, String> tools, Optional<String> machine) {
        return new SessionInputs(true, tools, machine);
    }

    public Optional<String> tool(String name) {
        return Optional.ofNullable(tools.get(name));
    }
}
