package dev.offloadbench.domain.port.out;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Finds executables on the PATH and asks them their version. */
public interface ToolLocator {
    /**
     * @param versionArguments e.g. {@code ["--version"]}
     * @return the tool and the first line it printed for its version, or empty when not on the PATH
     */
    Optional<Tool> find(String name, List<String> versionArguments);

    /**
     * @param path the executable that runs
     * @param standsInFor the program on the PATH that {@code path} replaces: a launcher script that
     *     would only start {@code path} (rust-just's npm wrapper of the native {@code just})
     */
    record Tool(Path path, String version, Optional<Path> standsInFor) {
        public Tool {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(standsInFor, "standsInFor");
        }

        /** The executable found on the PATH, run as it is. */
        public Tool(Path path, String version) {
            this(path, version, Optional.empty());
        }
    }
}
