package dev.offloadbench.spi.examples.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's profile jar, dropped into a plugin folder: the demo benchmarked and published with it. */
class DemoProfilePluginTest {
    @TempDir
    Path dir;

    @Test
    void benchmarksAndPublishesTheDemoWithTheProfileFromTheJar() throws Exception {
        BenchJar.requireJustAndPytestXdist();
        Path demo = BenchJar.copy(BenchJar.repository("examples/demo"), dir.resolve("demo"));
        BenchJar bench = new BenchJar(dir);
        bench.install(BenchJar.built("plugin.demo"));
        // and, as examples/demo/run does, the jar the build made listed too: a copy of the same jar, one plugin
        bench.env("OFFLOAD_BENCH_PLUGINS", BenchJar.built("plugin.demo").toString());

        BenchJar.Result profiles = bench.run(demo, "profiles");
        assertThat(profiles.exitCode()).as(profiles.output()).isZero();
        assertThat(profiles.output()).containsOnlyOnce("demo ").contains("demo-profile.jar");

        BenchJar.Result run = bench.run(demo, "--config", "offload-bench.toml", "run", "all", "--kinds",
                "baseline,high", "--update-readme");

        assertThat(run.exitCode()).as(run.output()).isZero();
        String readme = Files.readString(demo.resolve("README.md"));
        assertThat(readme).contains("### Demo Unit Tests").contains("28 small pytest tests")
                .doesNotContain("Not measured yet");
    }
}
