package dev.offloadbench.cli.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.cli.BenchRunner;
import dev.offloadbench.cli.BenchRunner.Result;
import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.spi.ProfileProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins are real jars, compiled here from source, loaded through their own class loader. */
class PluginLoaderTest {
    @TempDir
    Path dir;

    private Path pluginJar(String profileId) throws IOException {
        Path src = dir.resolve("src/acme/AcmeProfiles.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package acme;
                import dev.offloadbench.domain.model.Profile;
                import dev.offloadbench.domain.spi.ProfileProvider;
                import java.util.List;
                public final class AcmeProfiles implements ProfileProvider {
                    @Override public List<Profile> profiles() {
                        return List.of(new Profile("%s", "Acme", "API Tests", List.of("{{testCount}} API tests.")));
                    }
                }
                """.formatted(profileId));
        Path classes = dir.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), src.toString());
        assertThat(status).isZero();
        Path jar = dir.resolve("plugins/acme.jar");
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, "acme/AcmeProfiles.class", Files.readAllBytes(classes.resolve("acme/AcmeProfiles.class")));
            add(out, "META-INF/services/" + ProfileProvider.class.getName(), "acme.AcmeProfiles\n".getBytes());
        }
        return jar;
    }

    private static void add(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        OutputStream out = jar;
        out.write(bytes);
        jar.closeEntry();
    }

    @Test
    void loadsProfilesFromAPluginJar() throws IOException {
        Path jar = pluginJar("acme");

        List<ProfileProvider> providers = PluginLoader.fromEnvironment(
                Map.of(PluginLoader.PLUGINS_VARIABLE, jar.toString(), "HOME", dir.toString())).providers();

        assertThat(providers).hasSize(1);
        assertThat(providers.get(0).profiles()).extracting(p -> p.id()).containsExactly("acme");
        assertThat(providers.get(0).getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
    }

    @Test
    void findsJarsInTheDefaultPluginFolder() throws IOException {
        Path jar = pluginJar("acme");
        Path folder = dir.resolve("config/offload-bench/plugins");
        Files.createDirectories(folder);
        Files.copy(jar, folder.resolve("acme.jar"));

        assertThat(PluginLoader.fromEnvironment(Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString()))
                .providers()).hasSize(1);
    }

    @Test
    void aPluginProfileRendersLikeABuiltInOne() throws IOException {
        Path jar = pluginJar("acme");
        Path results = dir.resolve("r.json");
        Files.writeString(results, """
                {"schema": 1, "machine": "box", "projects": [{"profile": "acme", "testCount": 1200, "maxParallel": 10,
                 "runs": [{"kind": "baseline", "workers": 2, "seconds": 10.0, "valid": true}]}]}
                """);

        Result result = new BenchRunner(Map.of(PluginLoader.PLUGINS_VARIABLE, jar.toString(), "HOME", dir.toString()))
                .run("render", "--results", results.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("### Acme API Tests").contains("1,200 API tests.");
    }

    @Test
    void aPluginCannotReplaceABuiltInProfile() throws IOException {
        Path jar = pluginJar("mng");

        Result result = new BenchRunner(Map.of(PluginLoader.PLUGINS_VARIABLE, jar.toString(), "HOME", dir.toString()))
                .run("render", "--results", "r.json");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("profile \"mng\" is provided twice");
    }

    @Test
    void aMissingPluginPathIsNamed() {
        assertThatThrownBy(() -> PluginLoader.fromEnvironment(Map.of(PluginLoader.PLUGINS_VARIABLE, "/nowhere/x.jar")))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("/nowhere/x.jar").hasMessageContaining(PluginLoader.PLUGINS_VARIABLE);
    }
}
