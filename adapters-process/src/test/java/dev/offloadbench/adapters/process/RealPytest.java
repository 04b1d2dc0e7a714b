package dev.offloadbench.adapters.process;

import static org.junit.jupiter.api.Assertions.fail;

import dev.offloadbench.domain.port.out.CommandRunner.Completed;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/** pytest-xdist output is only ever checked against the real thing: missing on CI is a failure, locally a skip. */
final class RealPytest {
    private RealPytest() {
    }

    private static boolean importsXdist(Path python) {
        Completed probe = new ProcessCommandRunner().run(List.of(python.toString(), "-c", "import pytest, xdist"),
                Path.of("").toAbsolutePath(), Map.of(), Duration.ofSeconds(60));
        return probe.succeeded();
    }

    /**
     * The first python3 that has pytest and pytest-xdist: on the PATH, in order, then Debian's
     * {@code /usr/bin/python3} (a pyenv shim first on the PATH may well lack them).
     */
    static Path requireXdist() {
        String install = "install them: apt-get install python3-pytest python3-pytest-xdist"
                + " (or pip install pytest pytest-xdist)";
        Set<Path> candidates = new LinkedHashSet<>();
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                candidates.add(Path.of(folder, "python3"));
            }
        }
        candidates.add(Path.of("/usr/bin/python3"));
        for (Path python : candidates) {
            if (Files.isExecutable(python) && importsXdist(python)) {
                return python;
            }
        }
        String missing = "no python3 on the PATH (nor /usr/bin/python3) can import pytest and xdist";
        if ("true".equals(System.getenv("CI"))) {
            fail(missing + " and CI=true: the output parsers must be tested against the real pytest-xdist; " + install);
        }
        Assumptions.assumeTrue(false, missing + ", so the tests that run the real pytest-xdist are skipped"
                + " (on CI, with CI=true, they fail instead); " + install);
        throw new IllegalStateException("unreachable");
    }
}
