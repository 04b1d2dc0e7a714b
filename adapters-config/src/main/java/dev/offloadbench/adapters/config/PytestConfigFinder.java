package dev.offloadbench.adapters.config;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.justfile.SourceLine;
import dev.offloadbench.domain.port.out.PytestConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Finds the configuration file pytest would use, and its {@code addopts}, the way pytest finds it:
 * the file given with {@code -c}/{@code --config-file}; else, searching upward from the common
 * ancestor of the path arguments (the invocation folder without any) to the root, in each folder
 * {@code pytest.ini} (always, even empty), {@code .pytest.ini} ({@code [pytest]}),
 * {@code pyproject.toml} ({@code [tool.pytest.ini_options]}), {@code tox.ini} ({@code [pytest]})
 * and {@code setup.cfg} ({@code [tool:pytest]}); the first that matches wins. {@code --rootdir}
 * sets pytest's rootdir, not its configuration file.
 */
public final class PytestConfigFinder implements PytestConfigReader {
    private static final String ADDOPTS = "addopts";

    public PytestConfigFinder() {
    }

    /** pytest's options that take the next word as their value: that word is no path. */
    private static final Set<String> VALUE_OPTIONS = Set.of("-c", "--config-file", "--inifile", "--rootdir", "-m",
            "-k", "-p", "-o", "--override-ini", "-W", "--pythonwarnings", "--deselect", "--ignore", "--ignore-glob",
            "--basetemp", "--confcutdir", "--junitxml", "--junit-xml", "--junit-prefix", "--log-level",
            "--log-file", "--log-format", "--log-cli-level", "--durations", "--maxfail", "--tb", "--capture",
            "-r", "--import-mode", "--color", "--code-highlight", "--debug", "--cov", "--cov-report",
            "--cov-config", "--cov-fail-under", "-n", "--numprocesses", "--maxprocesses", "--dist", "--tx",
            "--rsyncdir", "--max-worker-restart", "--timeout", "--reruns", "--splits", "--group", "--browser",
            "--tracing", "--show-capture", "--last-failed-no-failures", "--lfnf");

    @Override
    public Optional<PytestConfig> find(Path directory, List<String> arguments) {
        Path base = directory.toAbsolutePath().normalize();
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("-c") || argument.equals("--config-file") || argument.equals("--inifile")) {
                if (i + 1 < arguments.size()) {
                    return Optional.of(explicit(base.resolve(arguments.get(i + 1)).normalize()));
                }
            } else if (argument.startsWith("--config-file=") || argument.startsWith("--inifile=")) {
                return Optional.of(explicit(base.resolve(argument.substring(argument.indexOf('=') + 1)).normalize()));
            } else if (argument.startsWith("-c") && argument.length() > 2 && !argument.startsWith("--")) {
                return Optional.of(explicit(base.resolve(argument.substring(2)).normalize()));
            }
        }
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.startsWith("-")) {
                if (VALUE_OPTIONS.contains(argument)) {
                    i++;
                }
                continue;
            }
            String pathPart = argument.contains("::") ? argument.substring(0, argument.indexOf("::")) : argument;
            try {
                Path path = base.resolve(pathPart).normalize();
                if (!pathPart.isEmpty() && Files.exists(path)) {
                    paths.add(Files.isDirectory(path) ? path : path.getParent());
                }
            } catch (java.nio.file.InvalidPathException e) {
                // not a path: an option's value, say
            }
        }
        return searchUpward(paths.isEmpty() ? base : commonAncestor(paths));
    }

    private static Path commonAncestor(List<Path> paths) {
        Path ancestor = paths.get(0);
        for (Path path : paths) {
            while (ancestor != null && !path.startsWith(ancestor)) {
                ancestor = ancestor.getParent();
            }
        }
        return ancestor == null ? paths.get(0).getRoot() : ancestor;
    }

    /** {@code -c FILE}: pytest reads that file, whatever its name, taking its [pytest]-like section. */
    private static PytestConfig explicit(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BenchException("pytest is given the configuration file " + file + " (-c), which does not exist");
        }
        String name = file.getFileName().toString();
        if (name.endsWith(".toml")) {
            return pyproject(file).orElse(new PytestConfig(file, Optional.empty(), Optional.empty()));
        }
        IniFile ini = IniFile.read(file);
        String section = name.equals("setup.cfg") ? "tool:pytest" : "pytest";
        return ini.hasSection(section) ? fromIni(file, ini, section)
                : new PytestConfig(file, Optional.empty(), Optional.empty());
    }

    private static Optional<PytestConfig> searchUpward(Path start) {
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            Optional<PytestConfig> found = inFolder(folder);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<PytestConfig> inFolder(Path folder) {
        Path pytestIni = folder.resolve("pytest.ini");
        if (Files.isRegularFile(pytestIni)) {
            // pytest.ini is pytest's file whatever it holds: it hides the files after it
            return Optional.of(fromIni(pytestIni, IniFile.read(pytestIni), "pytest"));
        }
        Optional<PytestConfig> found = iniSection(folder.resolve(".pytest.ini"), "pytest");
        if (found.isEmpty()) {
            found = pyproject(folder.resolve("pyproject.toml"));
        }
        if (found.isEmpty()) {
            found = iniSection(folder.resolve("tox.ini"), "pytest");
        }
        if (found.isEmpty()) {
            found = setupCfg(folder.resolve("setup.cfg"));
        }
        return found;
    }

    private static Optional<PytestConfig> iniSection(Path file, String section) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        IniFile ini = IniFile.read(file);
        return ini.hasSection(section) ? Optional.of(fromIni(file, ini, section)) : Optional.empty();
    }

    private static Optional<PytestConfig> setupCfg(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        IniFile ini = IniFile.read(file);
        if (ini.hasSection("tool:pytest")) {
            return Optional.of(fromIni(file, ini, "tool:pytest"));
        }
        if (ini.hasSection("pytest")) {
            throw new BenchException(file + ": pytest refuses a [pytest] section in setup.cfg files (\"no longer "
                    + "supported\"); rename it to [tool:pytest]");
        }
        return Optional.empty();
    }

    private static PytestConfig fromIni(Path file, IniFile ini, String section) {
        Optional<IniFile.Entry> addopts = ini.entry(section, ADDOPTS);
        return new PytestConfig(file, addopts.map(entry -> entry.value().replace('\n', ' ')),
                addopts.map(entry -> new SourceLine(file, entry.line())));
    }

    private static Optional<PytestConfig> pyproject(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        TomlParseResult toml = TomlFiles.parse(file);
        Object tool = toml.get(List.of("tool"));
        Object pytest = tool instanceof TomlTable ? ((TomlTable) tool).get(List.of("pytest")) : null;
        if (!(pytest instanceof TomlTable) || !((TomlTable) pytest).contains(List.of("ini_options"))) {
            return Optional.empty();
        }
        TomlTable pytestTable = (TomlTable) pytest;
        Object options = pytestTable.get(List.of("ini_options"));
        if (!(options instanceof TomlTable)) {
            throw new BenchException(TomlFiles.at(file, TomlFiles.positionOf(pytestTable, "ini_options"))
                    + "`tool.pytest.ini_options` must be a table, found " + TomlFiles.describeType(options));
        }
        TomlTable iniOptions = (TomlTable) options;
        if (!iniOptions.contains(List.of(ADDOPTS))) {
            return Optional.of(new PytestConfig(file, Optional.empty(), Optional.empty()));
        }
        TomlPosition position = TomlFiles.positionOf(iniOptions, ADDOPTS);
        String addopts = addoptsText(file, position, iniOptions.get(List.of(ADDOPTS)));
        return Optional.of(new PytestConfig(file, Optional.of(addopts),
                Optional.of(new SourceLine(file, position.line()))));
    }

    /** A string as it is; an array of strings joined with spaces (pytest takes each as one argument). */
    private static String addoptsText(Path file, TomlPosition position, Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof TomlArray) {
            TomlArray array = (TomlArray) value;
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                Object element = array.get(i);
                if (!(element instanceof String)) {
                    throw new BenchException(TomlFiles.at(file, position) + "`addopts` in [tool.pytest.ini_options] "
                            + "must be a string or an array of strings, found " + TomlFiles.describeType(element)
                            + " in the array");
                }
                parts.add((String) element);
            }
            return String.join(" ", parts);
        }
        throw new BenchException(TomlFiles.at(file, position) + "`addopts` in [tool.pytest.ini_options] must be a "
                + "string or an array of strings, found " + TomlFiles.describeType(value));
    }
}
