package dev.offloadbench.cli.plugin;

import dev.offloadbench.cli.platform.XdgDirectories;
import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.spi.ProfileProvider;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds profile plugins: each jar gets its own class loader that sees the JDK and the SPI
 * (the domain packages) and nothing else of offload-bench, so a plugin cannot depend on an
 * adapter or clash with its libraries.
 *
 * <p>Plugins are jars listed in {@code OFFLOAD_BENCH_PLUGINS} (files or folders of jars,
 * separated by the path separator), and the jars in {@code $XDG_CONFIG_HOME/offload-bench/plugins}
 * (default {@code ~/.config/offload-bench/plugins}).
 */
public final class PluginLoader {
    public static final String PLUGINS_VARIABLE = "OFFLOAD_BENCH_PLUGINS";

    private final List<Path> jars;

    PluginLoader(List<Path> jars) {
        this.jars = List.copyOf(jars);
    }

    public static PluginLoader fromEnvironment(Map<String, String> environment) {
        List<Path> jars = new ArrayList<>();
        String listed = environment.getOrDefault(PLUGINS_VARIABLE, "");
        for (String entry : listed.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            if (!Files.exists(path)) {
                throw new BenchException("plugin path " + path + " (listed in " + PLUGINS_VARIABLE
                        + ") does not exist; fix or remove it");
            }
            jars.addAll(jarsAt(path));
        }
        Path defaultFolder = new XdgDirectories(environment).config().resolve("plugins");
        if (Files.isDirectory(defaultFolder)) {
            jars.addAll(jarsAt(defaultFolder));
        }
        return new PluginLoader(jars);
    }

    private static List<Path> jarsAt(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new BenchException("cannot list plugin folder " + path + ": " + e.getMessage(), e);
        }
    }

    /** Every profile provider of every plugin jar, in a stable order (jar by jar). */
    public List<ProfileProvider> providers() {
        List<ProfileProvider> providers = new ArrayList<>();
        for (Path jar : jars) {
            providers.addAll(load(jar));
        }
        return providers;
    }

    private static List<ProfileProvider> load(Path jar) {
        URL url;
        try {
            url = jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new BenchException("plugin " + jar + " has no usable location: " + e.getMessage(), e);
        }
        ClassLoader loader = new URLClassLoader("plugin " + jar.getFileName(), new URL[] {url},
                new SpiOnlyClassLoader(PluginLoader.class.getClassLoader()));
        try {
            List<ProfileProvider> found = new ArrayList<>();
            ServiceLoader.load(ProfileProvider.class, loader).forEach(found::add);
            if (found.isEmpty()) {
                throw new BenchException("plugin " + jar + " provides no profile: it needs a file"
                        + " META-INF/services/" + ProfileProvider.class.getName()
                        + " naming its ProfileProvider class");
            }
            return found;
        } catch (ServiceConfigurationError e) {
            throw new BenchException("plugin " + jar + " cannot be loaded: " + e.getMessage(), e);
        }
    }
}
