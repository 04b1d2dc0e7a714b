package dev.offloadbench.adapters.config;

import dev.offloadbench.domain.port.out.ProjectFolders;
import java.nio.file.Files;
import java.nio.file.Path;

/** Project folders on this machine's file system. */
public final class LocalProjectFolders implements ProjectFolders {
    @Override
    public boolean exists(Path folder) {
        return Files.isDirectory(folder);
    }
}
