package dev.offloadbench.domain.port.out;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds executables on the PATH and asks them their version. */
public interface ToolLocator {
    /**
     * @param versionArguments e.g. {@code ["--version"]}
     * @return the tool and the first line it printed for its version, or empty when not on the PATH
     */
    Optional<Tool> find(String name, List<String> versionArguments);

    /**
     * @param version the first line the tool printed for its version, or why it is unknown
     * @param versionKnown whether {@code version} is what the tool said (rather than why it said nothing)
     */
    record Tool(Path path, String version, boolean versionKnown) {
        /** A tool that said its version. */
        public Tool(Path path, String version) {
            this(path, version, true);
        }
    }
}
