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
     * @param version the first line the tool printed for its version, or why it is unknown
     * @param versionKnown whether {@code version} is what the tool said (rather than why it said nothing)
     * @param standsInFor the program on the PATH that {@code path} replaces: a launcher script that
     *     would only start {@code path} (rust-just's npm wrapper of the native {@code just})
     */
    record Tool(Path path, String version, boolean versionKnown, Optional<Path> standsInFor) {
        public Tool {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(standsInFor, "standsInFor");
        }

        /** The executable found on the PATH, run as it is, that said its version. */
        public Tool(Path path, String version) {
            this(path, version, true, Optional.empty());
        }

        /** A tool that said its version, run in place of the launcher {@code standsInFor} on the PATH. */
        public Tool(Path path, String version, Optional<Path> standsInFor) {
            this(path, version, true, standsInFor);
        }
    }
}
