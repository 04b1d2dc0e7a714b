package dev.offloadbench.domain.port.out;

import dev.offloadbench.domain.session.Revision;
import java.nio.file.Path;
import java.util.Optional;

/** The version control of a project's folder: which commit it is at. */
public interface ProjectRevisions {
    /** Knows no commit: for sessions run where none is asked. */
    ProjectRevisions NONE = folder -> Optional.empty();

    /**
     * The commit the folder's checkout is at ({@code git rev-parse HEAD}) and whether its tracked
     * files differ from it; empty when the folder is not in a checkout, or the commit cannot be told
     * (git missing, a repository without commits). Never fails a session.
     */
    Optional<Revision> revision(Path folder);
}
