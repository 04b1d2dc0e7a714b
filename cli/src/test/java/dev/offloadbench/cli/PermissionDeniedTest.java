package dev.offloadbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A file bench cannot read says so: "permission denied", not just its path. Root reads every
 * file, so when the tests run as root bench runs as {@code nobody} (with {@code setpriv}), from a
 * copy of its class path that {@code nobody} can read.
 */
@EnabledOnOs(OS.LINUX)
class PermissionDeniedTest {
    private static final String RESULTS = """
            {"schema": 1, "machine": "m", "projects": [{"profile": "mng", "testCount": 4, "maxParallel": 5,
             "runs": [{"kind": "baseline", "workers": 1, "seconds": 10.0, "valid": true}]}]}
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void aFolderEveryoneCanRead() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("offload-bench.toml"), "[projects.mng]\npath = \".\"\n");
        Files.writeString(dir.resolve("results.json"), RESULTS);
        Files.writeString(dir.resolve("README.md"), "# P\n\n## Benchmarks\n\nOld.\n");
        for (String file : List.of("offload-bench.toml", "results.json", "README.md")) {
            Files.setPosixFilePermissions(dir.resolve(file), PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            offload-bench.toml | plan                                                           | cannot read {dir}/offload-bench.toml: permission denied
            results.json       | render --results results.json                                  | cannot read results file results.json: permission denied
            README.md          | update-readme --results results.json --readme README.md        | cannot read README README.md: permission denied
            """)
    void aFileThatCannotBeReadSaysPermissionDenied(String file, String args, String expected) throws Exception {
        Files.setPosixFilePermissions(dir.resolve(file), PosixFilePermissions.fromString("---------"));
        byte[] before = Files.readAllBytes(dir.resolve(file));

        Run run = benchWhoCannotRead(args.split(" "));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("error: " + expected.replace("{dir}", dir.toString()))
                .doesNotContain("Exception", "\tat ");
        assertThat(Files.readAllBytes(dir.resolve(file))).isEqualTo(before);
    }

    record Run(int exitCode, String output) {
    }

    private Run benchWhoCannotRead(String... args) throws IOException, InterruptedException {
        boolean root = ((Integer) Files.getAttribute(dir, "unix:uid")) == 0;
        List<String> command = new ArrayList<>();
        if (root) {
            Fixtures.requireTool("setpriv");
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(root ? readableClassPath() : System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Path output = dir.resolve("bench.out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().putAll(Fixtures.environment(dir));
        builder.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("bench ended").isTrue();
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** The class path, its jars copied beside the test (root's ~/.m2 is closed to others). */
    private String readableClassPath() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isRegularFile(path)) {
                Path copy = lib.resolve((n++) + "-" + path.getFileName());
                Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                entries.add(copy.toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
