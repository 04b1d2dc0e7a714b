package dev.offloadbench.spi.examples.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's complete minimal plugin, built exactly as it says and loaded: its files are taken
 * from the README, built with Maven against the SPI jar the reactor made, and the jar dropped into
 * a plugin folder. Maven works in a private local repository (the SPI installed there, everything
 * else copied from the machine's own, read-only, as from a mirror): no network, and nothing
 * written to the shared ~/.m2.
 */
class ReadmePluginKitTest {
    private static final Pattern FILE = Pattern.compile(
            "<!-- plugin-kit: (\\S+) -->\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);

    @TempDir
    Path dir;

    /** The files of the minimal plugin, by path, as the README shows them. */
    private static Map<String, String> readmeFiles() throws IOException {
        String readme = Files.readString(BenchJar.repository("README.md"));
        Map<String, String> files = new LinkedHashMap<>();
        Matcher matcher = FILE.matcher(readme);
        while (matcher.find()) {
            files.put(matcher.group(1), matcher.group(2) + "\n");
        }
        return files;
    }

    @Test
    void theReadmeShowsAPomAClassAndAServiceFile() throws IOException {
        Map<String, String> files = readmeFiles();

        assertThat(files).containsOnlyKeys("pom.xml", "src/main/java/com/example/bench/AcmeProfiles.java",
                "src/main/resources/META-INF/services/dev.offloadbench.domain.spi.ProfileProvider");
        assertThat(files.get("pom.xml")).as("the SPI version the README depends on is this build's")
                .contains("<artifactId>offload-bench-spi</artifactId>\n      <version>"
                        + System.getProperty("project.version") + "</version>");
    }

    @Test
    void theReadmesPluginBuildsWithMavenAndLoads() throws Exception {
        Path mvn = onPath("mvn");
        Path project = Files.createDirectories(dir.resolve("acme"));
        for (Map.Entry<String, String> file : readmeFiles().entrySet()) {
            Path target = project.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        Path repository = privateRepository();
        Path settings = Files.writeString(dir.resolve("settings.xml"), """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>machine-local-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(Path.of(System.getProperty("maven.repo.local",
                        System.getProperty("user.home") + "/.m2/repository")).toUri()));

        Process build = new ProcessBuilder(mvn.toString(), "-B", "-q", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repository, "-Dstyle.color=never", "package")
                .directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mvn.out").toFile()).start();
        build.getOutputStream().close();
        if (!build.waitFor(10, TimeUnit.MINUTES)) {
            build.destroyForcibly();
            fail("mvn package did not end in 10 minutes");
        }
        assertThat(build.exitValue()).as(Files.readString(dir.resolve("mvn.out"))).isZero();
        Path jar = project.resolve("target/acme-bench-profile-1.0.jar");
        assertThat(jar).isRegularFile();

        BenchJar bench = new BenchJar(dir);
        Path installed = bench.install(jar);
        Path results = Files.writeString(dir.resolve("results.json"), """
                {"schema": 1, "machine": "box", "projects": [{"profile": "acme", "testCount": 2400, "maxParallel": 50,
                 "runs": [{"kind": "baseline", "workers": 4, "seconds": 300.0, "valid": true},
                          {"kind": "offload", "seconds": 60.0, "valid": true}]}]}
                """);

        BenchJar.Result profiles = bench.run(dir, "profiles");
        assertThat(profiles.output()).containsPattern("acme +Acme API Tests +pytest +"
                + Pattern.quote(installed.toString()));
        BenchJar.Result rendered = bench.run(dir, "render", "--results", results.toString());
        assertThat(rendered.exitCode()).as(rendered.output()).isZero();
        assertThat(rendered.output()).contains("### Acme API Tests")
                .contains("2,400 API tests, each against a server of its own.")
                .contains("Offload fans them out across up to 50 sandboxes, a 5.00x speedup.");

        benchmarksAndPublishesAProjectWithIt(bench);
    }

    /** A project run the way the README's profile says (its recipes, ACME_WORKERS), benchmarked and published. */
    private void benchmarksAndPublishesAProjectWithIt(BenchJar bench) throws Exception {
        BenchJar.requireJustAndPytestXdist();
        Path project = BenchJar.copy(BenchJar.repository("examples/demo/tests"), dir.resolve("acme/tests"));
        Files.writeString(project.resolveSibling("justfile"), """
                test-integration:
                    /usr/bin/python3 -m pytest -q -p no:cacheprovider -n ${ACME_WORKERS:-2} tests

                test-offload:
                    offload -c offload.toml run
                """);
        Files.writeString(project.resolveSibling("offload.toml"), "[offload]\nmax_parallel = 8\n");
        Path readme = Files.writeString(dir.resolve("README.md"), "# Acme\n\n## Benchmarks\n");
        Files.writeString(dir.resolve("offload-bench.toml"), """
                machine = "Test machine"
                readme = "README.md"
                [projects.acme]
                path = "acme"
                """);

        BenchJar.Result plan = bench.run(dir, "plan", "acme");
        assertThat(plan.output()).as("the high run asks for more workers through the profile's variable")
                .contains("ACME_WORKERS=4 just test-integration");
        BenchJar.Result run = bench.run(dir, "run", "acme", "--kinds", "baseline,high", "--update-readme");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).containsPattern("acme +high +4 ");
        assertThat(Files.readString(readme)).contains("### Acme API Tests")
                .contains("28 API tests, each against a server of its own.").doesNotContain("None yet.");
    }

    /** The SPI as {@code mvn install -pl spi -am} puts it in a repository: its jar, its pom, its parent's pom. */
    private Path privateRepository() throws IOException {
        String version = System.getProperty("project.version");
        Path repository = dir.resolve("repository");
        Path spi = Files.createDirectories(repository.resolve("dev/offloadbench/offload-bench-spi/" + version));
        Files.copy(BenchJar.built("spi.jar"), spi.resolve("offload-bench-spi-" + version + ".jar"));
        Files.copy(BenchJar.repository("spi/pom.xml"), spi.resolve("offload-bench-spi-" + version + ".pom"));
        Path parent = Files.createDirectories(repository.resolve("dev/offloadbench/offload-bench-parent/" + version));
        Files.copy(BenchJar.repository("pom.xml"), parent.resolve("offload-bench-parent-" + version + ".pom"));
        return repository;
    }

    private static Path onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(folder -> Path.of(folder, tool)).filter(Files::isExecutable).findFirst()
                .orElseGet(() -> {
                    String message = "`" + tool + "` is not on the PATH; .ci/run installs it";
                    if ("true".equals(System.getenv("CI"))) {
                        fail(message);
                    }
                    Assumptions.assumeTrue(false, message);
                    return null;
                });
    }
}
