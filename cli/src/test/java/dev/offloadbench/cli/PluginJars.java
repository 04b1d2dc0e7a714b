package dev.offloadbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Real plugin jars for tests: Java sources compiled here against the SPI, and service files. */
public final class PluginJars {
    private final Path work;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, List<String>> services = new LinkedHashMap<>();

    private PluginJars(Path work) {
        this.work = work;
    }

    /** A plugin built in {@code work} (a folder of the test's own). */
    public static PluginJars in(Path work) {
        return new PluginJars(work);
    }

    /** A class, by its fully qualified name. */
    public PluginJars source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Lists {@code implementation} in the service file of {@code service} (an SPI interface). */
    public PluginJars service(Class<?> service, String implementation) {
        services.computeIfAbsent(service.getName(), s -> new ArrayList<>()).add(implementation);
        return this;
    }

    /** Compiles the sources and writes the jar. */
    public Path jar(Path jar) throws IOException {
        Path src = Files.createTempDirectory(work, "src");
        Path classes = Files.createTempDirectory(work, "classes");
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                System.getProperty("java.class.path")));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).as("javac").isZero();
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                add(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            for (Map.Entry<String, List<String>> service : services.entrySet()) {
                add(out, "META-INF/services/" + service.getKey(),
                        (String.join("\n", service.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    private static void add(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        OutputStream out = jar;
        out.write(bytes);
        jar.closeEntry();
    }

    /** A plugin of one profile provider, {@code acme.AcmeProfiles}, giving profile {@code id}. */
    public static PluginJars profile(Path work, String id, String title) {
        return in(work).source("acme.AcmeProfiles", """
                package acme;
                import dev.offloadbench.domain.model.Profile;
                import dev.offloadbench.domain.spi.ProfileProvider;
                import java.util.List;
                public final class AcmeProfiles implements ProfileProvider {
                    @Override public List<Profile> profiles() {
                        return List.of(new Profile("%s", "%s", "API Tests", List.of("{{testCount}} API tests.")));
                    }
                }
                """.formatted(id, title)).service(dev.offloadbench.domain.spi.ProfileProvider.class,
                "acme.AcmeProfiles");
    }
}
