package dev.offloadbench.domain.port.out;

import java.nio.file.Path;

/** Whether a project's folder is there: the domain asks, it never reads the file system itself. */
public interface ProjectFolders {
    /** What stands at a project's path. */
    enum State {
        FOLDER, NOT_A_FOLDER, MISSING
    }

    State state(Path folder);
}
