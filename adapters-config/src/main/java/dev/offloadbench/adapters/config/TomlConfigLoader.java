package dev.offloadbench.adapters.config;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.config.BenchConfig;
import dev.offloadbench.domain.config.ProfileText;
import dev.offloadbench.domain.config.ProjectConfig;
import dev.offloadbench.files.XdgDirectories;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads {@code offload-bench.toml} into a {@link BenchConfig}, or gives the procedure's defaults
 * when there is no configuration file. Typos are errors, never ignored: every problem in the
 * file is reported, one per line, as {@code FILE:LINE:COL: message}.
 */
public final class TomlConfigLoader {
    /** The environment variable naming the configuration file. */
    public static final String CONFIG_ENV = "OFFLOAD_BENCH_CONFIG";
    /** The file looked for in the working directory. */
    public static final String LOCAL_FILE_NAME = "offload-bench.toml";

    private static final List<String> TOP_LEVEL_KEYS = List.of("machine", "offload_repo", "readme", "offload_optional",
            "probe", "exporters", "notes_show_spread", "keep_logs", "projects");
    private static final List<String> PROJECT_KEYS = List.of("path", "baseline_recipe", "offload_recipe",
            "high_workers", "workers_env", "env", "title", "suite_label", "notes", "heading_aliases");
    private static final Pattern PROFILE_ID = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public TomlConfigLoader() {
    }

    /**
     * The configuration at {@code --config PATH} ({@code explicitPath}), else
     * {@code $OFFLOAD_BENCH_CONFIG}, else {@code ./offload-bench.toml}, else
     * {@code $XDG_CONFIG_HOME/offload-bench/config.toml} ({@code ~/.config} by default); the
     * procedure's defaults when there is none.
     *
     * @throws BenchException when a named file does not exist, or the file is not valid TOML, or
     *     has unknown keys or values of the wrong type
     */
    public BenchConfig load(Optional<Path> explicitPath, Map<String, String> environment, Path workingDirectory) {
        XdgDirectories directories = new XdgDirectories(environment);
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        Optional<Path> file = locate(explicitPath, environment, cwd, directories);
        if (file.isEmpty()) {
            return defaults(directories.home());
        }
        return read(file.get(), directories);
    }

    private static Optional<Path> locate(Optional<Path> explicitPath, Map<String, String> environment, Path cwd,
            XdgDirectories directories) {
        if (explicitPath.isPresent()) {
            return Optional.of(required(directories.expand(explicitPath.get().toString(), cwd), "given with --config"));
        }
        String fromEnvironment = environment.get(CONFIG_ENV);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return Optional.of(required(directories.expand(fromEnvironment, cwd), "named by $" + CONFIG_ENV));
        }
        Path local = cwd.resolve(LOCAL_FILE_NAME);
        if (Files.isRegularFile(local)) {
            return Optional.of(local);
        }
        Path user = directories.config().resolve("config.toml");
        if (Files.isRegularFile(user)) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    private static Path required(Path file, String origin) {
        if (!Files.exists(file)) {
            throw new BenchException("Configuration file " + file + " (" + origin + ") does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new BenchException("Configuration file " + file + " (" + origin + ") is not a file");
        }
        return file;
    }

    private static BenchConfig defaults(Path home) {
        Path offloadRepo = home.resolve("imbue/offload");
        return new BenchConfig(Optional.empty(), Optional.empty(), offloadRepo, offloadRepo.resolve("README.md"),
                false, defaultProjects(home));
    }

    private static List<ProjectConfig> defaultProjects(Path home) {
        return List.of(ProjectConfig.at("mng", home.resolve("imbue/mng")),
                ProjectConfig.at("sculptor", home.resolve("imbue/sculptor")));
    }

    private static BenchConfig read(Path file, XdgDirectories directories) {
        TomlParseResult toml = TomlFiles.parse(file);
        return new Reading(file, directories).config(toml);
    }

    /** One reading of one file: collects every problem before failing. */
    private static final class Reading {
        private final Path file;
        private final XdgDirectories directories;
        private final Path home;
        private final Path directory;
        private final List<String> problems = new ArrayList<>();

        Reading(Path file, XdgDirectories directories) {
            this.file = file;
            this.directories = directories;
            this.home = directories.home();
            this.directory = file.getParent();
        }

        BenchConfig config(TomlTable root) {
            for (String key : root.keySet()) {
                if (!TOP_LEVEL_KEYS.contains(key)) {
                    unknownKey(root, key, "unknown top-level key `" + key + "`", TOP_LEVEL_KEYS);
                }
            }
            Optional<String> machine = string(root, "machine", "");
            Optional<Path> offloadRepo = path(root, "offload_repo", "");
            Optional<Path> readme = path(root, "readme", "");
            boolean offloadOptional = bool(root, "offload_optional", "");
            boolean probe = !root.contains(List.of("probe")) || bool(root, "probe", "");
            List<String> exporters = exporters(root);
            boolean notesShowSpread = bool(root, "notes_show_spread", "");
            int keepLogs = positiveInt(root, "keep_logs", "").orElse(BenchConfig.DEFAULT_KEEP_LOGS);
            List<ProjectConfig> projects = projects(root);
            if (!problems.isEmpty()) {
                throw new BenchException(String.join("\n", problems));
            }
            Path repo = offloadRepo.orElse(home.resolve("imbue/offload"));
            return new BenchConfig(Optional.of(file), machine, repo, readme.orElse(repo.resolve("README.md")),
                    offloadOptional, projects, probe, exporters, notesShowSpread, keepLogs);
        }

        /** {@code exporters = ["csv", ...]}: formats of installed results exporters, each once. */
        private List<String> exporters(TomlTable root) {
            List<String> names = stringList(root, "exporters", "").orElse(List.of());
            List<String> valid = new ArrayList<>();
            for (String name : names) {
                if (!PROFILE_ID.matcher(name).matches()) {
                    problem(TomlFiles.positionOf(root, "exporters"), "`exporters` names format \"" + name
                            + "\", which is not a format name ([a-z][a-z0-9_-]*, e.g. \"csv\")");
                } else if (valid.contains(name)) {
                    problem(TomlFiles.positionOf(root, "exporters"), "`exporters` names \"" + name + "\" twice");
                } else {
                    valid.add(name);
                }
            }
            return valid;
        }

        private List<ProjectConfig> projects(TomlTable root) {
            if (!root.contains(List.of("projects"))) {
                return defaultProjects(home);
            }
            Object value = root.get(List.of("projects"));
            if (!(value instanceof TomlTable)) {
                problem(TomlFiles.positionOf(root, "projects"), "`projects` must be a table of [projects.NAME] "
                        + "tables, found " + TomlFiles.describeType(value));
                return List.of();
            }
            TomlTable projects = (TomlTable) value;
            if (projects.isEmpty()) {
                problem(TomlFiles.positionOf(root, "projects"), "[projects] lists no project: add a "
                        + "[projects.NAME] table with a `path`, or remove [projects] to use the defaults (mng, sculptor)");
            }
            List<ProjectConfig> result = new ArrayList<>();
            for (String profile : projects.keySet()) {
                project(projects, profile).ifPresent(result::add);
            }
            return result;
        }

        private Optional<ProjectConfig> project(TomlTable projects, String profile) {
            TomlPosition position = TomlFiles.positionOf(projects, profile);
            boolean valid = true;
            if (!PROFILE_ID.matcher(profile).matches()) {
                problem(position, "project name `" + profile + "` in [projects] must match [a-z][a-z0-9_-]* "
                        + "(lower-case letters, digits, '-' or '_', starting with a letter)");
                valid = false;
            }
            Object value = projects.get(List.of(profile));
            if (!(value instanceof TomlTable)) {
                problem(position, "[projects." + profile + "] must be a table with a `path`, found "
                        + TomlFiles.describeType(value));
                return Optional.empty();
            }
            TomlTable table = (TomlTable) value;
            String where = " in [projects." + profile + "]";
            for (String key : table.keySet()) {
                if (!PROJECT_KEYS.contains(key)) {
                    unknownKey(table, key, "unknown key `" + key + "`" + where, PROJECT_KEYS);
                    valid = false;
                }
            }
            if (!table.contains(List.of("path"))) {
                problem(position, "[projects." + profile + "] has no `path`: add path = \"/path/to/" + profile
                        + "\"");
                valid = false;
            }
            int before = problems.size();
            Optional<Path> path = path(table, "path", where);
            Optional<String> baselineRecipe = string(table, "baseline_recipe", where);
            Optional<String> offloadRecipe = string(table, "offload_recipe", where);
            OptionalInt highWorkers = positiveInt(table, "high_workers", where);
            Optional<String> workersEnv = string(table, "workers_env", where);
            if (workersEnv.isPresent() && !ENV_NAME.matcher(workersEnv.get()).matches()) {
                problem(TomlFiles.positionOf(table, "workers_env"), "`workers_env`" + where
                        + " must be an environment variable name ([A-Za-z_][A-Za-z0-9_]*), found \""
                        + workersEnv.get() + "\"");
            }
            Map<String, String> env = env(table, where);
            ProfileText text = new ProfileText(string(table, "title", where), string(table, "suite_label", where),
                    stringList(table, "notes", where), stringList(table, "heading_aliases", where),
                    TomlFiles.at(file, position).replaceAll(":\\s*$", "") + " [projects." + profile + "]");
            if (text.isEmpty()) {
                text = ProfileText.NONE;
            }
            if (!valid || problems.size() > before || path.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ProjectConfig(profile, path.get(), baselineRecipe, offloadRecipe, highWorkers,
                    workersEnv, env, text));
        }

        /** An array of non-empty strings (a key that is absent gives nothing). */
        private Optional<List<String>> stringList(TomlTable table, String key, String where) {
            if (!table.contains(List.of(key))) {
                return Optional.empty();
            }
            Object value = table.get(List.of(key));
            TomlPosition position = TomlFiles.positionOf(table, key);
            if (!(value instanceof TomlArray)) {
                problem(position, "`" + key + "`" + where + " must be an array of strings, found "
                        + TomlFiles.describeType(value));
                return Optional.empty();
            }
            TomlArray array = (TomlArray) value;
            List<String> strings = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                Object item = array.get(i);
                if (!(item instanceof String) || ((String) item).isBlank()) {
                    problem(array.inputPositionOf(i), "`" + key + "`" + where + " must hold non-empty strings, found "
                            + (item instanceof String ? "an empty one" : TomlFiles.describeType(item)));
                    return Optional.empty();
                }
                strings.add((String) item);
            }
            return Optional.of(strings);
        }

        private Map<String, String> env(TomlTable table, String where) {
            if (!table.contains(List.of("env"))) {
                return Map.of();
            }
            Object value = table.get(List.of("env"));
            if (!(value instanceof TomlTable)) {
                problem(TomlFiles.positionOf(table, "env"), "`env`" + where
                        + " must be a table of NAME = \"value\", found " + TomlFiles.describeType(value));
                return Map.of();
            }
            TomlTable env = (TomlTable) value;
            Map<String, String> result = new LinkedHashMap<>();
            for (String name : env.keySet()) {
                TomlPosition position = TomlFiles.positionOf(env, name);
                Object variable = env.get(List.of(name));
                if (!ENV_NAME.matcher(name).matches()) {
                    problem(position, "`" + name + "` in `env`" + where
                            + " is not an environment variable name ([A-Za-z_][A-Za-z0-9_]*)");
                } else if (!(variable instanceof String)) {
                    problem(position, "`env." + name + "`" + where + " must be a string, found "
                            + TomlFiles.describeType(variable));
                } else {
                    result.put(name, (String) variable);
                }
            }
            return result;
        }

        private Optional<String> string(TomlTable table, String key, String where) {
            if (!table.contains(List.of(key))) {
                return Optional.empty();
            }
            Object value = table.get(List.of(key));
            TomlPosition position = TomlFiles.positionOf(table, key);
            if (!(value instanceof String)) {
                problem(position, "`" + key + "`" + where + " must be a string, found " + TomlFiles.describeType(value));
                return Optional.empty();
            }
            String text = (String) value;
            if (text.isBlank()) {
                problem(position, "`" + key + "`" + where + " must not be empty");
                return Optional.empty();
            }
            return Optional.of(text);
        }

        private boolean bool(TomlTable table, String key, String where) {
            if (!table.contains(List.of(key))) {
                return false;
            }
            Object value = table.get(List.of(key));
            if (!(value instanceof Boolean)) {
                problem(TomlFiles.positionOf(table, key), "`" + key + "`" + where + " must be true or false, found "
                        + TomlFiles.describeType(value));
                return false;
            }
            return (Boolean) value;
        }

        private Optional<Path> path(TomlTable table, String key, String where) {
            Optional<String> raw = string(table, key, where);
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(directories.expand(raw.get(), directory));
            } catch (InvalidPathException e) {
                problem(TomlFiles.positionOf(table, key), "`" + key + "`" + where + " is not a valid path: "
                        + e.getMessage());
                return Optional.empty();
            }
        }

        private OptionalInt positiveInt(TomlTable table, String key, String where) {
            if (!table.contains(List.of(key))) {
                return OptionalInt.empty();
            }
            Object value = table.get(List.of(key));
            String requirement = "`" + key + "`" + where + " must be an integer >= 1, found ";
            TomlPosition position = TomlFiles.positionOf(table, key);
            if (!(value instanceof Long)) {
                problem(position, requirement + TomlFiles.describeType(value));
                return OptionalInt.empty();
            }
            long number = (Long) value;
            if (number < 1 || number > Integer.MAX_VALUE) {
                problem(position, requirement + number);
                return OptionalInt.empty();
            }
            return OptionalInt.of((int) number);
        }

        private void unknownKey(TomlTable table, String key, String description, List<String> valid) {
            String suggestion = KeySuggestion.closest(key, valid).map(s -> "; did you mean `" + s + "`?").orElse("");
            problem(TomlFiles.positionOf(table, key), description + suggestion + " (valid keys: "
                    + String.join(", ", valid) + ")");
        }

        private void problem(TomlPosition position, String message) {
            problems.add(TomlFiles.at(file, position) + message);
        }
    }
}
