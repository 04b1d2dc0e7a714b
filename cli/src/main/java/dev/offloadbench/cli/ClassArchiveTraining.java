package dev.offloadbench.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The work the {@code bench} launcher records its class-data archive (AppCDS) from: the commands
 * people type most, run in this one JVM on a scratch project, their output discarded. Every class
 * they load goes into the archive ({@code -XX:ArchiveClassesAtExit}), so that later commands map
 * those classes instead of loading, verifying and linking them again. It changes nothing outside
 * its scratch folder, which it removes.
 */
public final class ClassArchiveTraining {
    private ClassArchiveTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path scratch = Files.createTempDirectory("offload-bench-training-");
        try {
            train(scratch);
        } finally {
            deleteTree(scratch);
        }
        System.exit(0);
    }

    private static void train(Path scratch) throws IOException {
        Path project = Files.createDirectories(scratch.resolve("project"));
        Files.writeString(project.resolve("justfile"), """
                test-integration:
                    python3 -m pytest -q -n ${XDIST_WORKERS:-2} tests

                test-offload:
                    offload -c offload.toml run
                """);
        Files.writeString(project.resolve("offload.toml"), "[offload]\nmax_parallel = 4\n\n[provider]\ntype = \"local\"\n");
        Files.writeString(project.resolve("pytest.ini"), "[pytest]\naddopts = -p no:cacheprovider\n");
        Path readme = scratch.resolve("README.md");
        Files.writeString(readme, "# Project\n\n## Benchmarks\n\nNumbers to come.\n\n## License\n\nMIT\n");
        Path results = scratch.resolve("results.json");
        Files.writeString(results, """
                {"schema": 1, "machine": "Training machine (2 cores), 4 GB RAM",
                 "projects": [{"profile": "training", "testCount": 12, "maxParallel": 4,
                   "runs": [{"kind": "baseline", "workers": 2, "seconds": 10.0, "valid": true},
                            {"kind": "high", "workers": 4, "seconds": 6.0, "valid": true},
                            {"kind": "offload", "seconds": 3.0, "valid": true}]}]}
                """);
        Path config = scratch.resolve("offload-bench.toml");
        Files.writeString(config, "readme = \"" + readme + "\"\nkeep_logs = 5\n\n[projects.training]\npath = \""
                + project + "\"\ntitle = \"Training\"\nsuite_label = \"Tests\"\nnotes = [\"{{testCount}} tests.\"]\n");
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("XDG_STATE_HOME", scratch.resolve("state").toString());
        environment.put("XDG_CONFIG_HOME", scratch.resolve("config").toString());
        environment.remove("OFFLOAD_BENCH_CONFIG");
        environment.remove("OFFLOAD_BENCH_PLUGINS");
        String c = config.toString();
        List<List<String>> commands = List.of(
                List.of("--version"), List.of("--help"), List.of("run", "--help"), List.of("rnu"),
                List.of("completion", "bash"), List.of("--config", c, "profiles"),
                List.of("--config", c, "plan", "--kinds", "baseline,high"),
                List.of("--config", c, "plan", "--json", "--kinds", "baseline,high"),
                List.of("--config", c, "check", "--json"), List.of("--config", c, "sessions"),
                List.of("--config", c, "sessions", "--prune"),
                List.of("--config", c, "render", "--results", results.toString()),
                List.of("--config", c, "update-readme", "--results", results.toString(), "--dry-run"),
                List.of("--config", c, "update-readme", "--results", results.toString()),
                List.of("--config", c, "results", "latest"));
        PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        for (List<String> command : commands) {
            try (Bench bench = new Bench(environment, scratch, discard, discard)) {
                bench.run(command.toArray(String[]::new));
            } catch (RuntimeException e) {
                // a command that fails here (no just installed, say) still loaded what it loaded
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a scratch folder in the temporary folder: left for the system to clean
        }
    }
}
