package dev.offloadbench.domain.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The three runs of a project, in the order they execute and are reported. */
public enum RunKind {
    /** pytest-xdist with the project's default worker count; every ratio is relative to it. */
    BASELINE("baseline"),
    /** pytest-xdist with more workers. */
    HIGH("high"),
    /** Offload fanning the tests out to sandboxes; its first run is a discarded warm-up. */
    OFFLOAD("offload");

    private final String id;

    RunKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean isLocal() {
        return this != OFFLOAD;
    }

    /** @throws IllegalArgumentException naming the valid ids, when {@code id} is none of them */
    public static RunKind fromId(String id) {
        for (RunKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown run kind \"" + id + "\"; expected one of "
                + Arrays.stream(values()).map(RunKind::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
