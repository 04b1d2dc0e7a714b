package dev.offloadbench.adapters.config;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.justfile.SourceLine;
import dev.offloadbench.domain.port.out.PytestConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Finds the configuration file pytest would use when started in a directory without path
 * arguments, and its {@code addopts}: searching upward from the directory to the root, and in
 * each folder {@code pytest.ini} (always, even empty), {@code .pytest.ini} ({@code [pytest]}),
 * {@code pyproject.toml} ({@code [tool.pytest.ini_options]}), {@code tox.ini} ({@code [pytest]})
 * and {@code setup.cfg} ({@code [tool:pytest]}); the first that matches wins.
 */
public final class PytestConfigFinder implements PytestConfigReader {
    private static final String ADDOPTS = "addopts";

    public PytestConfigFinder() {
    }

    @Override
    public Optional<PytestConfig> find(Path directory) {
        for (Path folder = directory.toAbsolutePath().normalize(); folder != null; folder = folder.getParent()) {
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
