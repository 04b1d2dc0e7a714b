package dev.offloadbench.domain.spi;

import java.util.List;
import java.util.Objects;

/**
 * A session about to run.
 *
 * @param sessionId the session's id ({@code bench results ID} shows it)
 * @param resumed whether it continues an interrupted session ({@code bench run --resume})
 * @param projects the profile ids of its projects, in execution order
 */
public record StartedSession(String sessionId, boolean resumed, List<String> projects) {
    public StartedSession {
        Objects.requireNonNull(sessionId, "sessionId");
        projects = List.copyOf(projects);
    }
}
