package dev.offloadbench.domain.port.out;

import java.nio.file.Path;

/**
 * What stands at a project's paths (its folder, its justfile, the Offload configuration a recipe
 * names, the Offload repository): the domain asks, it never reads the file system itself.
 */
public interface ProjectFolders {
    /** What stands at a path, symbolic links followed. */
    enum State {
        FOLDER, FILE, OTHER, MISSING;

        /** Something is there. */
        public boolean exists() {
            return this != MISSING;
        }
    }

    State state(Path path);
}
