package dev.offloadbench.adapters.config;

import dev.offloadbench.domain.port.out.ProjectFolders;
import java.nio.file.Files;
import java.nio.file.Path;

/** Project folders on this machine's file system. */
public final class LocalProjectFolders implements ProjectFolders {
    @Override
    public State state(Path folder) {
        if (Files.isDirectory(folder)) {
            return State.FOLDER;
        }
        return Files.exists(folder) ? State.NOT_A_FOLDER : State.MISSING;
    }
}
