package dev.offloadbench.domain.port.in;

import dev.offloadbench.domain.history.History;
import java.util.Optional;

/** Every finished session's figures over time. */
public interface BrowseHistory {
    /**
     * @param profileId one project's history; every project's when empty
     * @throws dev.offloadbench.domain.BenchException when no finished session ran that project
     */
    History history(Optional<String> profileId);
}
