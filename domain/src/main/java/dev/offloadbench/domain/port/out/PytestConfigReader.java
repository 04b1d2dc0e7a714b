package dev.offloadbench.domain.port.out;

import dev.offloadbench.domain.justfile.SourceLine;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Finds pytest's own configuration the way pytest does, and its {@code addopts}. */
public interface PytestConfigReader {
    /**
     * The configuration file pytest would use when started in {@code directory} with these
     * arguments, found as pytest finds it: the file given with {@code -c}/{@code --config-file};
     * else, from the common ancestor of the path arguments (the directory when there are none),
     * searching upward, and within a folder {@code pytest.ini}, {@code .pytest.ini},
     * {@code pyproject.toml} ({@code [tool.pytest.ini_options]}), {@code tox.ini} ({@code [pytest]}),
     * {@code setup.cfg} ({@code [tool:pytest]}). {@code --rootdir} changes the rootdir, not the file.
     *
     * @param arguments pytest's arguments: {@code PYTEST_ADDOPTS}' words, then the command line's
     * @throws dev.offloadbench.domain.BenchException when such a file is malformed (file, line, column)
     */
    Optional<PytestConfig> find(Path directory, List<String> arguments);

    /** The file pytest uses, and its addopts with their line when it has them. */
    record PytestConfig(Path file, Optional<String> addopts, Optional<SourceLine> addoptsLine) {
        public PytestConfig {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(addopts, "addopts");
            Objects.requireNonNull(addoptsLine, "addoptsLine");
        }
    }
}
