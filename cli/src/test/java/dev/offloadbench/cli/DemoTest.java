package dev.offloadbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.cli.BenchRunner.Result;
import dev.offloadbench.cli.plugin.PluginLoader;
import dev.offloadbench.domain.spi.ProfileProvider;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled demo ({@code examples/demo}) as {@code examples/demo/run} runs it, on a machine
 * without {@code offload}: its profile plugin compiled from {@code spi-examples}, a whole session
 * with the real just and pytest-xdist, and its README updated. With Offload skipped, the section
 * must not claim anything of Offload or Modal.
 */
class DemoTest {
    /** Maven runs the tests in the cli module's folder. */
    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path dir;

    @BeforeAll
    static void needsTools() {
        Fixtures.requireTool("just");
        Fixtures.requirePytestXdist();
    }

    @Test
    void withOffloadSkippedTheDemosSectionClaimsNothingOfOffloadOrModal() throws IOException {
        Path demo = copyDemo();
        String before = Files.readString(demo.resolve("README.md"));
        Map<String, String> environment = Fixtures.sessionEnvironment(dir);
        environment.put("PATH", pathWithoutOffload());
        environment.put(PluginLoader.PLUGINS_VARIABLE, demoPlugin().toString());

        Result result = new BenchRunner(environment, dir).run("--config", demo.resolve("offload-bench.toml").toString(),
                "run", "all", "--update-readme");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("The offload runs were skipped: offload is not installed")
                .contains("Updated the Benchmarks section of")
                .contains("The Benchmarks section shows the local runs only, and says that Offload was not run.");
        String readme = Files.readString(demo.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## Benchmarks"), readme.indexOf("## License"));
        assertThat(section).startsWith("## Benchmarks\n\nSpeedups measured on Imbue projects with local runs alone:"
                + " Offload was not run. All local baselines were run on a ")
                .contains("### Demo Unit Tests", "(baseline)", "28 small pytest tests")
                .doesNotContain("Modal", "sandbox", "bar-offload", "Offload (", "Offload bypasses");
        assertThat(section.replace("Offload was not run", "")).doesNotContain("Offload");
        assertThat(readme.substring(0, readme.indexOf("## Benchmarks")))
                .isEqualTo(before.substring(0, before.indexOf("## Benchmarks")));
        assertThat(readme.substring(readme.indexOf("## License"))).isEqualTo(before.substring(before.indexOf("## License")));

        // without --update-readme nothing claims a section was written; update-readme --session then finds the README
        BenchRunner bench = new BenchRunner(environment, dir);
        Result again = bench.run("--config", demo.resolve("offload-bench.toml").toString(), "run", "all");
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("The offload runs were skipped").doesNotContain("The Benchmarks section shows")
                .contains("To publish these numbers: bench update-readme --session ");
        // the README as it was, so that the update has something to change even if both sessions timed alike
        Files.writeString(demo.resolve("README.md"), before);
        Result published = bench.run("--config", demo.resolve("offload-bench.toml").toString(), "update-readme",
                "--session", "latest");
        assertThat(published.exitCode()).as(published.err()).isZero();
        assertThat(published.out()).contains("Updated the Benchmarks section of " + demo.resolve("README.md"));
    }

    /**
     * The demo's Offload configuration says {@code type = "local"}: its Offload run needs no Modal
     * account. With offload installed (the test-only fake, which runs the tests locally) and no
     * Modal credentials anywhere, the whole session runs, the Offload run too, and the section
     * names the provider that ran.
     */
    @Test
    void withOffloadInstalledAndNoModalAccountTheDemosLocalOffloadRunIsRunAndPublished() throws IOException {
        Path demo = copyDemo();
        Path fakeOffload = Fixtures.copy("fake-offload-bin", dir);
        Map<String, String> environment = Fixtures.sessionEnvironment(dir);
        environment.remove("MODAL_TOKEN_ID");
        environment.remove("MODAL_TOKEN_SECRET");
        environment.put("PATH", fakeOffload + File.pathSeparator + pathWithoutOffload());
        environment.put(PluginLoader.PLUGINS_VARIABLE, demoPlugin().toString());
        BenchRunner bench = new BenchRunner(environment, dir);

        Result check = bench.run("--config", demo.resolve("offload-bench.toml").toString(), "check");
        Result result = bench.run("--config", demo.resolve("offload-bench.toml").toString(), "run", "all",
                "--update-readme");

        assertThat(check.out()).as("no Modal account here").containsPattern("fail +Modal credentials");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).doesNotContain("skipped").contains("Updated the Benchmarks section of");
        String readme = Files.readString(demo.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## Benchmarks"), readme.indexOf("## License"));
        assertThat(section).contains("Offload (local, max 4)").doesNotContain("Offload was not run");
    }

    private Path copyDemo() throws IOException {
        Path source = REPOSITORY.resolve("examples/demo");
        assertThat(source.resolve("offload-bench.toml")).as("the demo in the repository").exists();
        Path target = dir.resolve("demo");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(f -> !f.toString().contains("__pycache__")
                    && !f.toString().contains(".pytest_cache")).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    /** The demo's profile plugin, compiled from spi-examples/demo-profile as its own jar, the way the demo loads it. */
    private Path demoPlugin() throws IOException {
        Path sources = REPOSITORY.resolve("spi-examples/demo-profile/src/main");
        Path classes = dir.resolve("plugin-classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                sources.resolve("java/dev/offloadbench/spi/examples/demo/DemoProfiles.java").toString());
        assertThat(status).isZero();
        Path jar = dir.resolve("demo-profile.jar");
        String service = "META-INF/services/" + ProfileProvider.class.getName();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, "dev/offloadbench/spi/examples/demo/DemoProfiles.class",
                    Files.readAllBytes(classes.resolve("dev/offloadbench/spi/examples/demo/DemoProfiles.class")));
            add(out, service, Files.readAllBytes(sources.resolve("resources/" + service)));
        }
        return jar;
    }

    private static void add(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        OutputStream out = jar;
        out.write(bytes);
        jar.closeEntry();
    }

    /** This machine's PATH without any folder that holds an {@code offload}: the demo on a machine without it. */
    private static String pathWithoutOffload() {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator))
                .filter(folder -> !Files.exists(Path.of(folder, "offload")))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
