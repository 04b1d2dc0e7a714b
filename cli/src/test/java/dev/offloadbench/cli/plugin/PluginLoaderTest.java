package dev.offloadbench.cli.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.cli.BenchRunner;
import dev.offloadbench.cli.BenchRunner.Result;
import dev.offloadbench.cli.PluginJars;
import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.spi.ProfileProvider;
import dev.offloadbench.domain.spi.RunListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins are real jars, compiled here from source, each loaded through a class loader of its own. */
class PluginLoaderTest {
    @TempDir
    Path dir;

    private Plugins load(Map<String, String> environment) {
        Plugins plugins = new Plugins().install(BuiltInPlugin.create());
        PluginLoader.fromEnvironment(environment).loadInto(plugins);
        return plugins;
    }

    private Map<String, String> listing(Path... jars) {
        StringBuilder listed = new StringBuilder();
        for (Path jar : jars) {
            listed.append(listed.length() == 0 ? "" : ":").append(jar);
        }
        return Map.of(PluginLoader.PLUGINS_VARIABLE, listed.toString(), "HOME", dir.toString());
    }

    @Test
    void loadsProfilesFromAPluginJarThroughAClassLoaderOfItsOwn() throws IOException {
        Path jar = PluginJars.profile(dir, "acme", "Acme").jar(dir.resolve("plugins/acme.jar"));

        try (Plugins plugins = load(listing(jar))) {
            assertThat(plugins.profiles().get("acme").title()).isEqualTo("Acme");
            assertThat(plugins.profiles().origin("acme")).contains(jar.toString());
            assertThat(plugins.profiles().origin("mng")).contains("built-in");
            assertThat(plugins.failures()).isEmpty();
        }
    }

    @Test
    void findsJarsInTheDefaultPluginFolder() throws IOException {
        Path folder = dir.resolve("config/offload-bench/plugins");
        PluginJars.profile(dir, "acme", "Acme").jar(folder.resolve("acme.jar"));

        try (Plugins plugins = load(Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString()))) {
            assertThat(plugins.profiles().find("acme")).isPresent();
        }
    }

    @Test
    void theSameJarFoundTwiceOrCopiedIsOnePlugin() throws IOException {
        Path folder = dir.resolve("config/offload-bench/plugins");
        Path jar = PluginJars.profile(dir, "demo", "Demo").jar(folder.resolve("demo.jar"));
        Path link = Files.createSymbolicLink(dir.resolve("link.jar"), jar);
        Path copy = Files.copy(jar, Files.createDirectories(dir.resolve("build")).resolve("demo-1.0.jar"));

        Result result = new BenchRunner(Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString(), "HOME",
                dir.toString(), PluginLoader.PLUGINS_VARIABLE, jar + ":" + folder + ":" + link + ":" + copy))
                .run("profiles");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsOnlyOnce("demo ");
    }

    @Test
    void twoJarsWithTheSameProfileIdAreRefusedNamingBoth() throws IOException {
        Path first = PluginJars.profile(dir, "demo", "Demo").jar(dir.resolve("a/demo.jar"));
        Path second = PluginJars.profile(dir, "demo", "Other demo").jar(dir.resolve("b/demo-copy.jar"));

        Result result = new BenchRunner(listing(first, second)).run("profiles");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: profile \"demo\" is provided twice: by " + first + " and by " + second);
    }

    @Test
    void aPluginCannotReplaceABuiltInProfile() throws IOException {
        Path jar = PluginJars.profile(dir, "mng", "Mng").jar(dir.resolve("mng.jar"));

        Result result = new BenchRunner(listing(jar)).run("render", "--results", "r.json");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("profile \"mng\" is provided twice: by built-in and by " + jar);
    }

    @Test
    void aPluginProfileRendersLikeABuiltInOne() throws IOException {
        Path jar = PluginJars.profile(dir, "acme", "Acme").jar(dir.resolve("acme.jar"));
        Path results = dir.resolve("r.json");
        Files.writeString(results, """
                {"schema": 1, "machine": "box", "projects": [{"profile": "acme", "testCount": 1200, "maxParallel": 10,
                 "runs": [{"kind": "baseline", "workers": 2, "seconds": 10.0, "valid": true}]}]}
                """);

        Result result = new BenchRunner(listing(jar)).run("render", "--results", results.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("### Acme API Tests").contains("1,200 API tests.");
    }

    @Test
    void aFailingPluginIsReportedWithItsJarAndCauseWhileTheOthersWork() throws IOException {
        Path good = PluginJars.profile(dir, "acme", "Acme").jar(dir.resolve("plugins/1-acme.jar"));
        Path throwing = PluginJars.in(dir).source("boom.Boom", """
                package boom;
                public final class Boom implements dev.offloadbench.domain.spi.ProfileProvider {
                    public Boom() { throw new IllegalStateException("boom at start"); }
                }
                """).service(ProfileProvider.class, "boom.Boom").jar(dir.resolve("plugins/2-boom.jar"));
        Path badProfile = PluginJars.profile(dir, "Not An Id", "Bad").jar(dir.resolve("plugins/3-bad.jar"));
        Path linking = PluginJars.in(dir).source("link.Link", """
                package link;
                public final class Link implements dev.offloadbench.domain.spi.RunListener {
                    // an adapter class: not part of the SPI, so it cannot be found from a plugin
                    private final Object executor = new dev.offloadbench.adapters.process.StreamingRunExecutor(
                            java.util.Map.of());
                }
                """).service(RunListener.class, "link.Link").jar(dir.resolve("plugins/4-link.jar"));
        Path empty = PluginJars.in(dir).source("none.Nothing", "package none; public class Nothing {}")
                .jar(dir.resolve("plugins/5-empty.jar"));

        Result result = new BenchRunner(listing(dir.resolve("plugins"))).run("profiles");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("acme").contains(good.toString());
        assertThat(result.err())
                .contains("warning: plugin " + throwing + " was not loaded: ")
                .contains("boom.Boom could not be instantiated").contains("IllegalStateException: boom at start")
                .contains("warning: plugin " + badProfile + " was not loaded: ").contains("profile id \"Not An Id\"")
                .contains("warning: plugin " + linking + " was not loaded: ")
                .contains("NoClassDefFoundError: dev/offloadbench/adapters/process/StreamingRunExecutor")
                .contains("warning: plugin " + empty + " was not loaded: it provides nothing");
        assertThat(result.err().lines().filter(l -> l.startsWith("warning: plugin"))).hasSize(4);
    }

    @Test
    void aPluginSeesTheSpiAndTheModelButNoServiceAdapterOrLibraryClass() throws Exception {
        Path jar = PluginJars.in(dir).source("spy.Spy", """
                package spy;
                public final class Spy implements dev.offloadbench.domain.spi.RunListener {
                }
                """).service(RunListener.class, "spy.Spy").jar(dir.resolve("spy.jar"));

        try (Plugins plugins = load(listing(jar))) {
            ClassLoader plugin = plugins.listeners().get(0).getClass().getClassLoader();

            assertThat(plugin.loadClass(Profile.class.getName())).isSameAs(Profile.class);
            assertThat(plugin.loadClass(RunListener.class.getName())).isSameAs(RunListener.class);
            for (String hidden : new String[] {"dev.offloadbench.domain.service.ReportService",
                "dev.offloadbench.domain.profile.ProfileRegistry", "dev.offloadbench.domain.BenchException",
                "dev.offloadbench.adapters.process.StreamingRunExecutor",
                "dev.offloadbench.adapters.storage.JsonSessionStore", "dev.offloadbench.cli.Main",
                "com.google.inject.Guice", "com.fasterxml.jackson.core.JsonFactory"}) {
                assertThatThrownBy(() -> plugin.loadClass(hidden)).as(hidden)
                        .isInstanceOf(ClassNotFoundException.class);
            }
            assertThat(plugin.getResource("templates/benchmarks.hbs")).as("offload-bench's resources").isNull();
        }
    }

    @Test
    void aMissingPluginPathIsNamed() {
        assertThatThrownBy(() -> PluginLoader.fromEnvironment(Map.of(PluginLoader.PLUGINS_VARIABLE, "/nowhere/x.jar")))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("/nowhere/x.jar").hasMessageContaining(PluginLoader.PLUGINS_VARIABLE);
    }
}
