package dev.offloadbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.cli.plugin.PluginLoader;
import dev.offloadbench.cli.wiring.Wiring;
import dev.offloadbench.domain.spi.RunListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shell is one Bench: its commands share one injector and one set of plugin class loaders, closed with it. */
class OneWiringPerBenchTest {
    @TempDir
    Path dir;

    private Path countingPlugin() throws IOException {
        return PluginJars.in(dir).source("count.Counted", """
                package count;
                public final class Counted implements dev.offloadbench.domain.spi.RunListener {
                    static {
                        try {
                            java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "loaded\\n",
                                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }
                """.formatted(dir.resolve("loads.txt"))).source("count.NeverUsed", "package count; class NeverUsed {}")
                .service(RunListener.class, "count.Counted").jar(dir.resolve("plugins/count.jar"));
    }

    private Bench bench(Path plugin) {
        return new Bench(Map.of("HOME", dir.toString(), "XDG_STATE_HOME", dir.resolve("state").toString(),
                PluginLoader.PLUGINS_VARIABLE, plugin.toString()), dir, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
    }

    @Test
    void commandsOfOneBenchShareTheWiringAndClosingItClosesThePlugins() throws Exception {
        Path plugin = countingPlugin();
        ClassLoader loader;
        try (Bench bench = bench(plugin)) {
            assertThat(bench.run("--version")).isZero();
            assertThat(bench.currentWiring()).as("nothing wired for --version").isEmpty();

            assertThat(bench.run("sessions")).isZero();
            Wiring first = bench.currentWiring().orElseThrow();
            assertThat(bench.run("profiles")).isZero();
            assertThat(bench.run("sessions")).isZero();

            assertThat(bench.currentWiring()).containsSame(first);
            assertThat(Files.readAllLines(dir.resolve("loads.txt"))).as("the plugin was loaded once").hasSize(1);
            loader = first.plugins().listeners().get(0).getClass().getClassLoader();
            assertThat(((java.net.URLClassLoader) loader).findResource("count/NeverUsed.class")).isNotNull();
        }
        assertThat(((java.net.URLClassLoader) loader).findResource("count/NeverUsed.class"))
                .as("its jar is closed").isNull();
        assertThatThrownBy(() -> loader.loadClass("count.NeverUsed")).isInstanceOf(ClassNotFoundException.class);

        try (Bench another = bench(plugin)) {
            assertThat(another.run("sessions")).isZero();
        }
        assertThat(Files.readAllLines(dir.resolve("loads.txt"))).as("a new Bench, new class loaders").hasSize(2);
    }
}
