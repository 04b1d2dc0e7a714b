package dev.offloadbench.adapters.config;

import dev.offloadbench.domain.port.out.ProjectFolders;
import java.nio.file.Files;
import java.nio.file.Path;

/** Project folders and files on this machine's file system. */
public final class LocalProjectFolders implements ProjectFolders {
    @Override
    public State state(Path path) {
        if (Files.isDirectory(path)) {
            return State.FOLDER;
        }
        if (Files.isRegularFile(path)) {
            return State.FILE;
        }
        return Files.exists(path) ? State.OTHER : State.MISSING;
    }
}
