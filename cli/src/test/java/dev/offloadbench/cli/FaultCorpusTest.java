package dev.offloadbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.cli.BenchRunner.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed fault corpus: bad inputs of every kind a user can hand bench (its configuration,
 * Offload's TOML, justfiles, results documents, READMEs, command-line arguments, plugins, the
 * state folder), each run end to end through {@link Bench} as {@link Main} runs it (the real just
 * where a plan is made). Each must end with exit 2 and one {@code error:} message (or, for a plan,
 * its problems) that names the file, and the line where there is one, with no stack trace; and
 * every file must be byte for byte what it was.
 *
 * <p>Each fault starts from a valid project ({@link #validProject}) and breaks one thing. The
 * expected fragments may use {@code {dir}} for the test's folder.
 */
class FaultCorpusTest {
    private static final String CONFIG = """
            machine = "Test machine"
            readme = "README.md"
            [projects.mng]
            path = "proj"
            """;
    private static final String JUSTFILE = """
            test-integration:
                /usr/bin/python3 -m pytest -q -p no:cacheprovider -n ${PYTEST_NUMPROCESSES:-1} tests

            test-offload:
                offload -c offload-modal.toml run
            """;
    private static final String RESULTS = """
            {"schema": 1,
             "machine": "Test machine",
             "projects": [
               {"profile": "mng", "testCount": 4, "maxParallel": 50,
                "runs": [{"kind": "baseline", "workers": 1, "seconds": 10.0, "valid": true},
                         {"kind": "high", "workers": 2, "seconds": 6.5, "valid": true},
                         {"kind": "offload", "seconds": 3.2, "valid": true}]}]}
            """;
    private static final String README = "# Project\n\n## Benchmarks\n\nOld.\n\n## License\n\nMIT\n";
    /** The valid document with {@code "seconds": 10.0} replaced: the place every time fault goes. */
    private static final String SECONDS = "\"seconds\": 10.0";

    @TempDir
    Path dir;

    /** What a fault does to the valid project before bench runs. */
    interface Setup {
        void apply(Path dir) throws IOException;
    }

    record Fault(String name, Setup setup, List<String> args, Map<String, String> environment,
            List<String> expected) {
        @Override
        public String toString() {
            return name;
        }

        Fault withEnvironment(String name, String value) {
            Map<String, String> more = new HashMap<>(environment);
            more.put(name, value);
            return new Fault(this.name, setup, args, more, expected);
        }
    }

    private static Fault fault(String name, Setup setup, List<String> args, String... expected) {
        return new Fault(name, setup, args, Map.of(), List.of(expected));
    }

    // ---- the kinds of faults

    private static Fault config(String name, String toml, String... expected) {
        return fault("config: " + name, dir -> write(dir.resolve("offload-bench.toml"), toml), List.of("plan"),
                expected);
    }

    private static Fault configBytes(String name, byte[] toml, String... expected) {
        return fault("config: " + name, dir -> Files.write(dir.resolve("offload-bench.toml"), toml), List.of("plan"),
                expected);
    }

    private static Fault offloadToml(String name, String toml, String... expected) {
        return fault("offload toml: " + name, dir -> write(dir.resolve("proj/offload-modal.toml"), toml),
                List.of("plan"), expected);
    }

    private static Fault justfile(String name, String justfile, String... expected) {
        return fault("justfile: " + name, dir -> write(dir.resolve("proj/justfile"), justfile), List.of("plan"),
                expected);
    }

    private static Fault results(String name, String json, String... expected) {
        return fault("results: " + name, dir -> write(dir.resolve("bad.json"), json),
                List.of("render", "--results", "{dir}/bad.json"), expected);
    }

    private static Fault seconds(String value, String... expected) {
        return results("seconds " + value, RESULTS.replace(SECONDS, "\"seconds\": " + value), expected);
    }

    private static Fault readme(String name, Setup setup, String... expected) {
        return fault("README: " + name, setup, List.of("update-readme", "--results", "{dir}/results.json",
                "--readme", "{dir}/README.md"), expected);
    }

    private static Fault arguments(String name, List<String> args, String... expected) {
        return fault("arguments: " + name, dir -> { }, args, expected);
    }

    private static Fault plugin(String name, Setup setup, String... expected) {
        return new Fault("plugin: " + name, setup, List.of("plan"),
                Map.of("OFFLOAD_BENCH_PLUGINS", "{dir}/plugins"), List.of(expected));
    }

    private static Fault state(String name, Setup setup, List<String> args, String... expected) {
        return fault("state folder: " + name, setup, args, expected);
    }

    static Stream<Fault> corpus() {
        List<Fault> faults = new ArrayList<>();
        String cfg = "{dir}/offload-bench.toml";

        // ---- the configuration (offload-bench.toml)
        faults.add(config("unterminated string", "machine = \"Test\n", cfg + ":1:"));
        faults.add(config("unknown top-level key", "machin = \"x\"\n" + CONFIG, cfg + ":1:1: unknown top-level key"
                + " `machin`; did you mean `machine`?"));
        faults.add(config("unknown key in a project", CONFIG + "pth = \"x\"\n", cfg + ":5:1: unknown key `pth` in"
                + " [projects.mng]; did you mean `path`?"));
        faults.add(config("project without path", "[projects.mng]\nbaseline_recipe = \"x\"\n",
                cfg + ":1:1: [projects.mng] has no `path`"));
        faults.add(config("path not a string", "[projects.mng]\npath = 5\n",
                cfg + ":2:1: `path` in [projects.mng] must be a string, found an integer"));
        faults.add(config("empty path", "[projects.mng]\npath = \"\"\n",
                cfg + ":2:1: `path` in [projects.mng] must not be empty"));
        faults.add(config("path with a NUL", "[projects.mng]\npath = \"a\\u0000b\"\n",
                cfg + ":2:1: `path` in [projects.mng] is not a valid path"));
        faults.add(config("high_workers zero", CONFIG + "high_workers = 0\n",
                cfg + ":5:1: `high_workers` in [projects.mng] must be an integer >= 1, found 0"));
        faults.add(config("high_workers a string", CONFIG + "high_workers = \"8\"\n",
                cfg + ":5:1: `high_workers` in [projects.mng] must be an integer >= 1, found a string"));
        faults.add(config("high_workers beyond an int", CONFIG + "high_workers = 99999999999\n",
                cfg + ":5:1: `high_workers` in [projects.mng] must be an integer >= 1, found 99999999999"));
        faults.add(config("high_workers beyond a long", CONFIG + "high_workers = 99999999999999999999\n",
                cfg + ":5:"));
        faults.add(config("workers_env not a name", CONFIG + "workers_env = \"1BAD\"\n",
                cfg + ":5:1: `workers_env` in [projects.mng] must be an environment variable name"));
        faults.add(config("env not a table", CONFIG + "env = \"x\"\n",
                cfg + ":5:1: `env` in [projects.mng] must be a table"));
        faults.add(config("env name not a name", CONFIG + "env = { \"BAD-NAME\" = \"x\" }\n",
                cfg + ":5:9: `BAD-NAME` in `env` in [projects.mng] is not an environment variable name"));
        faults.add(config("env value not a string", CONFIG + "env = { A = 1 }\n",
                cfg + ":5:9: `env.A` in [projects.mng] must be a string, found an integer"));
        faults.add(config("projects not a table", "projects = 5\n",
                cfg + ":1:1: `projects` must be a table of [projects.NAME] tables, found an integer"));
        faults.add(config("no project", "[projects]\n", cfg + ":1:1: [projects] lists no project"));
        faults.add(config("project name in capitals", "[projects.Mng]\npath = \"proj\"\n",
                cfg + ":1:1: project name `Mng` in [projects] must match [a-z][a-z0-9_-]*"));
        faults.add(config("offload_optional not a boolean", "offload_optional = \"yes\"\n" + CONFIG,
                cfg + ":1:1: `offload_optional` must be true or false, found a string"));
        faults.add(config("machine empty", "machine = \"\"\n[projects.mng]\npath = \"proj\"\n",
                cfg + ":1:1: `machine` must not be empty"));
        faults.add(config("readme not a string", "readme = 5\n[projects.mng]\npath = \"proj\"\n",
                cfg + ":1:1: `readme` must be a string, found an integer"));
        faults.add(config("a key defined twice", "machine = \"a\"\nmachine = \"b\"\n", cfg + ":2:"));
        faults.add(config("a table defined twice", CONFIG + "[projects.mng]\npath = \"x\"\n", cfg + ":5:"));
        faults.add(configBytes("not UTF-8", "machine = \"M\u00e4\"\n".getBytes(StandardCharsets.ISO_8859_1),
                cfg + " is not UTF-8 text: byte 0xE4 at offset 12 is not valid UTF-8"));
        faults.add(configBytes("UTF-16", CONFIG.getBytes(StandardCharsets.UTF_16),
                cfg + " is not UTF-8 text: byte 0xFE at offset 0", "UTF-16"));
        faults.add(fault("config: larger than any configuration", dir -> sparse(dir.resolve("offload-bench.toml"),
                5L << 20), List.of("plan"), cfg + " is 5242880 bytes; a configuration file is at most"));
        faults.add(fault("config: --config names a folder", dir -> Files.createDirectories(dir.resolve("conf")),
                List.of("--config", "{dir}/conf", "plan"), "Configuration file {dir}/conf (given with --config) is not"
                        + " a file"));
        faults.add(fault("config: --config names nothing", dir -> { }, List.of("--config", "{dir}/nope.toml", "plan"),
                "Configuration file {dir}/nope.toml (given with --config) does not exist"));
        faults.add(new Fault("config: $OFFLOAD_BENCH_CONFIG names nothing", dir -> { }, List.of("plan"),
                Map.of("OFFLOAD_BENCH_CONFIG", "{dir}/gone.toml"), List.of("Configuration file {dir}/gone.toml"
                        + " (named by $OFFLOAD_BENCH_CONFIG) does not exist")));
        faults.add(config("project path is a file", CONFIG.replace("\"proj\"", "\"proj/justfile\""),
                "mng: project folder {dir}/proj/justfile is not a folder", "[projects.mng] in " + cfg));
        faults.add(config("project path does not exist", CONFIG.replace("\"proj\"", "\"gone\""),
                "mng: project folder {dir}/gone does not exist", "[projects.mng] in " + cfg));

        // ---- Offload's TOML (the config the Offload recipe names)
        String offload = "{dir}/proj/offload-modal.toml";
        faults.add(offloadToml("syntax error", "[offload\nmax_parallel = 5\n", offload + ":1:"));
        faults.add(offloadToml("max_parallel zero", "[offload]\nmax_parallel = 0\n",
                offload + ":2:1: `max_parallel` in [offload] must be a positive integer, found 0"));
        faults.add(offloadToml("max_parallel a string", "[offload]\nmax_parallel = \"10\"\n",
                offload + ":2:1: `max_parallel` in [offload] must be a positive integer, found a string"));
        faults.add(offloadToml("max_parallel a float", "[offload]\nmax_parallel = 1e3\n",
                offload + ":2:1: `max_parallel` in [offload] must be a positive integer, found a float"));
        faults.add(offloadToml("no [provider]", "[offload]\nmax_parallel = 5\n",
                "runs offload with config offload-modal.toml, which has no [provider] table"));
        faults.add(offloadToml("offload not a table", "offload = 5\n",
                offload + ":1:1: `offload` must be a table ([offload]), found an integer"));
        faults.add(fault("offload toml: not UTF-8", dir -> Files.write(dir.resolve("proj/offload-modal.toml"),
                "[offload]\n# caf\u00e9\nmax_parallel = 5\n".getBytes(StandardCharsets.ISO_8859_1)), List.of("plan"),
                offload + " is not UTF-8 text: byte 0xE9 at offset 15"));
        faults.add(fault("offload toml: missing", dir -> Files.delete(dir.resolve("proj/offload-modal.toml")),
                List.of("plan"), "Offload config " + offload + " does not exist"));
        faults.add(fault("offload toml: a folder", dir -> {
            Files.delete(dir.resolve("proj/offload-modal.toml"));
            Files.createDirectories(dir.resolve("proj/offload-modal.toml"));
        }, List.of("plan"), "Offload config " + offload + " is not a file"));

        // ---- justfiles
        String just = "{dir}/proj/justfile";
        faults.add(justfile("unclosed interpolation", "test-integration:\n    echo {{nope}\n", just + ":2:"));
        faults.add(justfile("unknown variable", "test-integration:\n    echo {{nope}}\n", just + ":2:", "nope"));
        faults.add(justfile("unknown function", "x := nosuchfn()\ntest-integration:\n    echo {{x}}\n",
                just + ":1:", "nosuchfn"));
        faults.add(justfile("duplicate recipe", JUSTFILE + "\ntest-offload:\n    offload run\n", just + ":"));
        faults.add(justfile("circular dependency", "test-integration: test-offload\n    pytest\n"
                + "test-offload: test-integration\n    offload run\n", just + ":", "circular"));
        faults.add(justfile("a recipe without its colon", "test-integration\n    pytest -n 2\n", just + ":2:"));
        faults.add(justfile("no local recipe", "test-offload:\n    offload -c offload-modal.toml run\n",
                just + " has no recipe `test-integration`", "baseline_recipe = \"RECIPE\""));
        faults.add(justfile("no Offload recipe", "test-integration:\n    /usr/bin/python3 -m pytest -n"
                + " ${PYTEST_NUMPROCESSES:-1} tests\n", just + " has no recipe `test-offload`",
                "offload_recipe = \"RECIPE\""));
        faults.add(fault("justfile: none in the project", dir -> Files.delete(dir.resolve("proj/justfile")),
                List.of("plan"), "mng: no justfile in {dir}/proj"));
        faults.add(fault("justfile: not UTF-8", dir -> Files.write(dir.resolve("proj/justfile"),
                ("# caf\u00e9\n" + JUSTFILE).getBytes(StandardCharsets.ISO_8859_1)), List.of("plan"), just));

        // ---- results documents (render --results)
        String bad = "{dir}/bad.json";
        faults.add(seconds("NaN", bad + ":5:60: NaN is not a number JSON allows"));
        faults.add(seconds("Infinity", bad + ":5:60: Infinity is not a number JSON allows"));
        faults.add(seconds("-Infinity", bad + ":5:60: -Infinity is not a number JSON allows"));
        faults.add(seconds("1e400", bad + ":5:60: projects[0].runs[0].seconds: expected a positive number of"
                + " seconds, at most 10000000, found 1e400, which is more than 10000000 seconds (about 115 days)"));
        faults.add(seconds("1e999999999", bad + ":5:60: projects[0].runs[0].seconds:", "found 1e999999999, which"
                + " is more than 10000000 seconds"));
        faults.add(seconds("1e99999999999", bad + ":5:60: projects[0].runs[0].seconds:", "which is far too large"));
        faults.add(seconds("1e-400", bad + ":5:60: projects[0].runs[0].seconds:", "finer than a nanosecond"));
        faults.add(seconds("0", bad + ":5:60: projects[0].runs[0].seconds: expected a positive number"));
        faults.add(seconds("-1.5", bad + ":5:60: projects[0].runs[0].seconds: expected a positive number"));
        faults.add(seconds("\"ten\"", bad + ":5:60: projects[0].runs[0].seconds: expected a positive number"));
        faults.add(seconds("1" + "0".repeat(150), bad + ":5:", "a number written with more than 100 characters"));
        faults.add(results("trailing garbage", RESULTS + "garbage\n", bad + ":8:1: unexpected text after the end of"
                + " the document"));
        faults.add(results("a second document", RESULTS + "{}\n", bad + ":8:1: unexpected text after the end"));
        faults.add(results("nesting deeper than 1000", RESULTS.replace("\"Test machine\"",
                "[".repeat(1001) + "]".repeat(1001)), bad + ":2:", "nest deeper than 64 levels"));
        faults.add(results("a string of 2 million characters", RESULTS.replace("Test machine",
                "x".repeat(2_000_000)), bad + ":2:", "a string longer than 1000000 characters"));
        faults.add(results("empty", " \n", bad + ": the file is empty"));
        faults.add(results("not JSON", "hello\n", bad + ":1:1: `hello` is not a value"));
        faults.add(results("cut short", RESULTS.substring(0, 120), bad + ":", "the document ends"));
        faults.add(results("schema 2", RESULTS.replace("\"schema\": 1", "\"schema\": 2"),
                bad + ":1:12: schema: unsupported schema version 2"));
        faults.add(results("no projects", "{\"schema\": 1, \"machine\": \"m\"}\n",
                bad + ":1:1: missing required field \"projects\""));
        faults.add(results("workers zero", RESULTS.replace("\"workers\": 1", "\"workers\": 0"),
                bad + ":5:", "projects[0].runs[0].workers: expected an integer from 1 to 10000, found 0"));
        faults.add(results("workers a fraction", RESULTS.replace("\"workers\": 1", "\"workers\": 1.5"),
                bad + ":5:", "projects[0].runs[0].workers: expected an integer from 1 to 10000, found 1.5"));
        faults.add(results("testCount beyond range", RESULTS.replace("\"testCount\": 4", "\"testCount\": 4000000000"),
                bad + ":4:", "projects[0].testCount: expected an integer from 0 to 1000000000, found 4000000000"));
        faults.add(results("a project twice", RESULTS.replace("]}]}", "]}, {\"profile\": \"mng\", \"testCount\": 1,"
                + " \"maxParallel\": 1, \"runs\": []}]}"), bad + ":", "appears twice in projects"));
        faults.add(results("a field twice", RESULTS.replace("\"schema\": 1,", "\"schema\": 1, \"schema\": 1,"),
                bad + ":1:", "field \"schema\" appears twice"));
        faults.add(results("an unknown kind", RESULTS.replace("\"kind\": \"high\"", "\"kind\": \"fast\""),
                bad + ":6:", "expected one of \"baseline\", \"high\", \"offload\", found \"fast\""));
        faults.add(fault("results: UTF-16", dir -> Files.write(dir.resolve("bad.json"),
                RESULTS.getBytes(StandardCharsets.UTF_16)), List.of("render", "--results", "{dir}/bad.json"),
                bad + " is not UTF-8 text: byte 0xFE at offset 0", "UTF-16"));
        faults.add(fault("results: Latin-1", dir -> Files.write(dir.resolve("bad.json"),
                RESULTS.replace("Test machine", "M\u00e4chine").getBytes(StandardCharsets.ISO_8859_1)),
                List.of("render", "--results", "{dir}/bad.json"), bad + " is not UTF-8 text: byte 0xE4 at offset 28"));
        faults.add(fault("results: larger than 16 MiB", dir -> sparse(dir.resolve("bad.json"), 17L << 20),
                List.of("render", "--results", "{dir}/bad.json"), bad + " is 17825792 bytes; a results document is at"
                        + " most 16777216 bytes"));
        faults.add(fault("results: missing", dir -> { }, List.of("render", "--results", "{dir}/bad.json"),
                "results file " + bad + " does not exist"));
        faults.add(fault("results: a folder", dir -> Files.createDirectories(dir.resolve("bad.json")),
                List.of("render", "--results", "{dir}/bad.json"), bad + " is a directory"));

        // ---- READMEs (update-readme)
        String readme = "{dir}/README.md";
        faults.add(readme("no Benchmarks heading", dir -> write(dir.resolve("README.md"), "# Project\n\nText.\n"),
                readme, "Benchmarks"));
        faults.add(readme("two Benchmarks headings", dir -> write(dir.resolve("README.md"), README + README),
                readme, "Benchmarks"));
        faults.add(readme("UTF-16", dir -> Files.write(dir.resolve("README.md"),
                README.getBytes(StandardCharsets.UTF_16)), "README " + readme + " is not UTF-8 text: a UTF-16 byte"
                + " order mark at offset 0"));
        faults.add(readme("UTF-16 without a byte order mark", dir -> Files.write(dir.resolve("README.md"),
                README.getBytes(StandardCharsets.UTF_16LE)), "README " + readme + " is not UTF-8 text: a zero byte"
                + " at offset 1"));
        faults.add(readme("missing", dir -> Files.delete(dir.resolve("README.md")),
                "README " + readme + " does not exist"));
        faults.add(readme("a folder", dir -> {
            Files.delete(dir.resolve("README.md"));
            Files.createDirectories(dir.resolve("README.md"));
        }, readme));
        faults.add(fault("README: a template that does not exist", dir -> { }, List.of("update-readme", "--results",
                "{dir}/results.json", "--readme", "{dir}/README.md", "--template", "{dir}/nope.hbs"), "{dir}/nope.hbs does not exist"));
        faults.add(fault("README: a template with a syntax error", dir -> write(dir.resolve("t.hbs"), "{{#each x}\n"),
                List.of("update-readme", "--results", "{dir}/results.json", "--readme", "{dir}/README.md", "--template",
                        "{dir}/t.hbs"),
                "{dir}/t.hbs"));

        // ---- command-line arguments
        faults.add(arguments("a timeout that overflows", List.of("run", "--timeout", "99999999999999999h"),
                "--timeout", "'99999999999999999h' is too long: a timeout is at most 2777h"));
        faults.add(arguments("an ISO timeout that overflows", List.of("run", "--timeout", "PT99999999999999999H"),
                "--timeout", "is too long"));
        faults.add(arguments("a zero timeout", List.of("run", "--timeout", "0s"), "--timeout",
                "'0s' must be longer than zero"));
        faults.add(arguments("a timeout that is no duration", List.of("run", "--timeout", "soon"), "--timeout",
                "'soon' is not a duration"));
        faults.add(arguments("zero runs", List.of("run", "--runs", "0"), "--runs must be at least 1, not 0"));
        faults.add(arguments("negative warm-ups", List.of("run", "--warmups-offload", "-1"),
                "--warmups-offload must be 0 or more, not -1"));
        faults.add(arguments("an unknown kind", List.of("run", "--kinds", "fast"), "--kinds", "fast"));
        faults.add(arguments("a session id that climbs out", List.of("run", "--resume", "../../etc"),
                "\"../../etc\" is not a session id"));
        faults.add(arguments("results of an unknown session", List.of("results", "20200101-000000"),
                "there is no session `20200101-000000`"));
        faults.add(arguments("an unknown profile", List.of("run", "nope", "--kinds", "baseline"),
                "no project uses profile `nope` in " + cfg));
        faults.add(arguments("new settings with --resume", List.of("run", "--resume", "--runs", "3"),
                "--resume continues a session with the profiles and settings it was started with; leave out --runs"));
        faults.add(arguments("render without results", List.of("render"), "--results", "--session"));

        // ---- plugins
        String plugins = "{dir}/plugins";
        faults.add(new Fault("plugin: the listed path does not exist", dir -> { }, List.of("plan"),
                Map.of("OFFLOAD_BENCH_PLUGINS", "{dir}/gone.jar"), List.of("plugin path {dir}/gone.jar (listed in"
                        + " OFFLOAD_BENCH_PLUGINS) does not exist")));
        // (a jar that fails to load is a warning and the other plugins still load: PluginLoaderTest)
        faults.add(plugin("a plugin folder everyone can write", dir -> {
            jar(dir.resolve("plugins/empty.jar"), Map.of());
            Files.setPosixFilePermissions(dir.resolve("plugins"), PosixFilePermissions.fromString("rwxrwxrwx"));
        }, "refusing to load plugins: plugin folder " + plugins + " can be written by its group and every user",
                "chmod go-w"));
        faults.add(plugin("a plugin jar its group can write", dir -> {
            jar(dir.resolve("plugins/shared.jar"), Map.of());
            Files.setPosixFilePermissions(dir.resolve("plugins/shared.jar"), PosixFilePermissions.fromString("rw-rw-r--"));
        }, "refusing to load plugins: plugin jar " + plugins + "/shared.jar can be written by its group"));
        // ---- the state folder
        String stateFolder = "{dir}/state/offload-bench";
        faults.add(state("the lock is a symbolic link", dir -> {
            Files.createDirectories(dir.resolve("state/offload-bench"));
            write(dir.resolve("precious.txt"), "keep me\n");
            Files.createSymbolicLink(dir.resolve("state/offload-bench/run.lock"), dir.resolve("precious.txt"));
        }, List.of("run", "mng", "--kinds", "baseline"), "the session lock " + stateFolder + "/run.lock is a"
                + " symbolic link"));
        faults.add(state("the lock is a folder", dir -> Files.createDirectories(dir.resolve(
                "state/offload-bench/run.lock")), List.of("run", "mng", "--kinds", "baseline"),
                "the session lock " + stateFolder + "/run.lock is a directory"));
        faults.add(state("the state folder is a file", dir -> write(dir.resolve("state/offload-bench"), "x\n"),
                List.of("run", "mng", "--kinds", "baseline"), "cannot create " + stateFolder
                        + " for the session lock"));
        faults.add(state("a corrupt session asked for", dir -> write(dir.resolve(
                "state/offload-bench/sessions/20200101-000000/session.json"), "{\"schema\": 1,\n \"session\": }\n"),
                List.of("results", "20200101-000000"), stateFolder + "/sessions/20200101-000000/session.json:2:13:"));
        faults.add(state("a session whose time is NaN", dir -> write(dir.resolve(
                "state/offload-bench/sessions/20200101-000000/session.json"), RESULTS.replace(SECONDS,
                        "\"seconds\": NaN")), List.of("render", "--session", "20200101-000000"),
                stateFolder + "/sessions/20200101-000000/session.json:5:60: NaN is not a number JSON allows"));
        faults.add(state("a session in another's folder", dir -> write(dir.resolve(
                "state/offload-bench/sessions/20200101-000000/session.json"), RESULTS.replace("\"schema\": 1,",
                        "\"schema\": 1, \"session\": {\"id\": \"other\"},")), List.of("results", "20200101-000000"),
                stateFolder + "/sessions/20200101-000000/session.json:1:"));
        return faults.stream();
    }

    // ---- the valid project each fault starts from

    @BeforeAll
    static void needsTools() {
        Fixtures.requireTool("just");
    }

    private void validProject() throws IOException {
        write(dir.resolve("offload-bench.toml"), CONFIG);
        write(dir.resolve("proj/justfile"), JUSTFILE);
        write(dir.resolve("proj/offload-modal.toml"), "[offload]\nmax_parallel = 50\n\n[provider]\ntype = \"modal\"\n");
        write(dir.resolve("README.md"), README);
        write(dir.resolve("results.json"), RESULTS);
    }

    @Test
    void theCorpusHoldsAtLeastEightyFaultsOfEveryKind() {
        List<Fault> faults = corpus().toList();

        assertThat(faults).hasSizeGreaterThanOrEqualTo(80);
        assertThat(faults).extracting(Fault::name).doesNotHaveDuplicates();
        for (String kind : List.of("config", "offload toml", "justfile", "results", "README", "arguments", "plugin",
                "state folder")) {
            assertThat(faults).as(kind).anySatisfy(fault -> assertThat(fault.name()).startsWith(kind + ": "));
        }
    }

    @Test
    void theValidProjectItselfIsFine() throws IOException {
        validProject();

        Result plan = bench(Map.of(), "plan");
        Result render = bench(Map.of(), "render", "--results", dir.resolve("results.json").toString());

        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
        assertThat(render.exitCode()).as(render.out() + render.err()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachFaultIsAClearErrorThatChangesNothing(Fault fault) throws IOException {
        validProject();
        fault.setup().apply(dir);
        Map<String, byte[]> before = snapshot();

        Result result = bench(fault.environment(), fault.args().stream()
                .map(arg -> arg.replace("{dir}", dir.toString())).toArray(String[]::new));

        String said = result.out() + result.err();
        assertThat(result.exitCode()).as(said).isEqualTo(2);
        for (String expected : fault.expected()) {
            assertThat(said).contains(expected.replace("{dir}", dir.toString()));
        }
        assertThat(result.err()).as("one error: message (a plan says its problems), or picocli's usage error")
                .satisfiesAnyOf(err -> assertThat(err).startsWith("error: "), err -> assertThat(err).isEmpty(),
                        err -> assertThat(err).contains("Usage: bench"));
        assertThat(said).as("no stack trace").doesNotContain("\tat ", "Exception", "internal error");
        assertThat(snapshot()).as("every file as it was").containsExactlyInAnyOrderEntriesOf(before);
    }

    private Result bench(Map<String, String> extra, String... args) {
        Map<String, String> environment = Fixtures.sessionEnvironment(dir);
        extra.forEach((name, value) -> environment.put(name, value.replace("{dir}", dir.toString())));
        return new BenchRunner(environment, dir).run(args);
    }

    /** Every file and folder under the test's folder: a file's bytes, a link's target, a folder as "/". */
    private Map<String, byte[]> snapshot() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.toList()) {
                String name = dir.relativize(path).toString();
                if (Files.isSymbolicLink(path)) {
                    files.put(name, ("-> " + Files.readSymbolicLink(path)).getBytes(StandardCharsets.UTF_8));
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(name + "/", new byte[0]);
                } else if (Files.size(path) > (1L << 20)) {
                    // the sparse giants: their size and first bytes tell them apart
                    files.put(name, (Files.size(path) + ":" + Arrays.toString(head(path))).getBytes(
                            StandardCharsets.UTF_8));
                } else {
                    files.put(name, Files.readAllBytes(path));
                }
            }
        }
        return files;
    }

    private static byte[] head(Path path) throws IOException {
        try (var in = Files.newInputStream(path)) {
            return in.readNBytes(64);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** A file of {@code size} bytes that takes no disk: one byte at its end. */
    private static void sparse(Path file, long size) throws IOException {
        Files.deleteIfExists(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {'\n'}), size - 1);
        }
    }

    private static void jar(Path file, Map<String, String> entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
    }
}
