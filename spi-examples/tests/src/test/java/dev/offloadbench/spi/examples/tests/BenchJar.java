package dev.offloadbench.spi.examples.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The offload-bench jar the reactor built ({@code cli/target/offload-bench.jar}), run as a user
 * runs it: {@code java -jar}, in a folder, with an environment of the test's own (its XDG folders
 * inside the test's temporary folder).
 */
final class BenchJar {
    private final Path home;
    private final Map<String, String> environment = new HashMap<>();

    BenchJar(Path home) {
        this.home = home;
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HOME", home.toString());
        environment.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        environment.put("XDG_STATE_HOME", home.resolve("state").toString());
    }

    /** A jar the reactor built, named by a system property the pom sets. */
    static Path built(String property) {
        Path jar = Path.of(System.getProperty(property, "(" + property + " not set)"));
        assertThat(jar).as("%s: run the tests with mvn verify, which builds it first", property).isRegularFile();
        return jar;
    }

    /** {@code $XDG_CONFIG_HOME/offload-bench/plugins}, where a user drops plugin jars. */
    Path pluginFolder() throws IOException {
        return Files.createDirectories(home.resolve("config/offload-bench/plugins"));
    }

    /** Drops a plugin jar into the plugin folder. */
    Path install(Path jar) throws IOException {
        return Files.copy(jar, pluginFolder().resolve(jar.getFileName()));
    }

    /** The sessions folder. */
    Path sessions() {
        return home.resolve("state/offload-bench/sessions");
    }

    BenchJar env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    String env(String name) {
        return environment.get(name);
    }

    Result run(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", built("bench.jar").toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(home, "bench-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("bench " + String.join(" ", args) + " did not end in 5 minutes:\n" + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output));
    }

    record Result(int exitCode, String output) {
    }

    /** Copies a folder (a fixture project) into {@code target}, keeping executable bits. */
    static Path copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (!file.toString().contains("__pycache__")) {
                    Files.copy(file, copy);
                    if (Files.isExecutable(file)) {
                        copy.toFile().setExecutable(true);
                    }
                }
            }
        }
        return target;
    }

    /** A fixture of this module's test resources. */
    static Path fixture(String name) {
        try {
            return Path.of(BenchJar.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new AssertionError("fixture " + name, e);
        }
    }

    /** The repository's own files (the README, examples/demo). */
    static Path repository(String path) {
        return Path.of(System.getProperty("repository.root", "../..")).resolve(path).normalize();
    }

    /** The real just and Debian's pytest-xdist: under CI missing ones fail the test, elsewhere they skip it. */
    static void requireJustAndPytestXdist() throws IOException, InterruptedException {
        boolean just = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "just")));
        Process probe = new ProcessBuilder("/usr/bin/python3", "-c", "import xdist").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        boolean xdist = probe.waitFor() == 0;
        if (!just || !xdist) {
            String message = (just ? "" : "`just` is not on the PATH; ") + (xdist ? ""
                    : "/usr/bin/python3 has no pytest-xdist; ") + ".ci/run installs them";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.assumeTrue(false, message);
        }
    }
}
