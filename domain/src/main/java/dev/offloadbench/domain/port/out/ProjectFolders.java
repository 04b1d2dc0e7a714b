package dev.offloadbench.domain.port.out;

import java.nio.file.Path;

/** Whether a project's folder is there: the domain asks, it never reads the file system itself. */
public interface ProjectFolders {
    boolean exists(Path folder);
}
