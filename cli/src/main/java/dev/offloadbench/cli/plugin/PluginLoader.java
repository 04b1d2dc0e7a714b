package dev.offloadbench.cli.plugin;

import dev.offloadbench.files.XdgDirectories;
import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.spi.ProfileProvider;
import dev.offloadbench.domain.spi.ResultsExporter;
import dev.offloadbench.domain.spi.RunListener;
import dev.offloadbench.domain.spi.TestOutputParser;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds and loads plugin jars: the jars in {@code $XDG_CONFIG_HOME/offload-bench/plugins}
 * (default {@code ~/.config/offload-bench/plugins}) and those listed in
 * {@code OFFLOAD_BENCH_PLUGINS} (jars or folders of jars, separated by {@code :}). A jar found
 * twice (the same file or a copy of it) is one plugin; two different jars that provide the same
 * profile are refused, naming both.
 *
 * <p>Nothing is loaded unless every folder and jar is safe ({@link PluginSafety}). Each jar gets
 * a class loader of its own that sees the JDK and the SPI and nothing else of offload-bench, and
 * its {@link ProfileProvider}s, {@link RunListener}s, {@link ResultsExporter}s and
 * {@link TestOutputParser}s are found with {@link ServiceLoader}. A jar that fails in any way
 * (an exception, a missing class, a bad profile) is reported with its cause and left out; the
 * others load.
 */
public final class PluginLoader {
    public static final String PLUGINS_VARIABLE = "OFFLOAD_BENCH_PLUGINS";

    private final List<Path> folders;
    private final List<Path> jars;
    private final PluginSafety safety;

    PluginLoader(List<Path> folders, List<Path> jars, PluginSafety safety) {
        this.folders = List.copyOf(folders);
        this.jars = List.copyOf(jars);
        this.safety = safety;
    }

    /** @throws BenchException when a path listed in {@code OFFLOAD_BENCH_PLUGINS} does not exist */
    public static PluginLoader fromEnvironment(Map<String, String> environment) {
        return fromEnvironment(environment, PluginSafety.ofCurrentUser());
    }

    static PluginLoader fromEnvironment(Map<String, String> environment, PluginSafety safety) {
        List<Path> folders = new ArrayList<>();
        Map<Object, Path> jars = new LinkedHashMap<>();
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
            if (Files.isDirectory(path)) {
                folders.add(path);
            }
            jarsAt(path).forEach(jar -> jars.putIfAbsent(identity(jar), jar));
        }
        Path defaultFolder = new XdgDirectories(environment).config().resolve("plugins");
        if (Files.isDirectory(defaultFolder)) {
            folders.add(defaultFolder);
            jarsAt(defaultFolder).forEach(jar -> jars.putIfAbsent(identity(jar), jar));
        }
        return new PluginLoader(folders, List.copyOf(jars.values()), safety);
    }

    /**
     * The same jar is one plugin, however it is reached (another path, a link) and wherever a copy
     * of it lies (the plugin folder and {@code OFFLOAD_BENCH_PLUGINS}): what counts is its bytes.
     */
    private static Object identity(Path jar) {
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sha256.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            // unreadable: it is itself, and loading it will say what is wrong
            return jar.toAbsolutePath().normalize();
        }
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

    /** The jars that will be loaded, in order. */
    List<Path> jars() {
        return jars;
    }

    /**
     * Loads every jar into {@code plugins}, after checking that all of them are safe.
     *
     * @throws BenchException when a folder or jar is unsafe (then nothing is loaded), or when two
     *     plugins provide the same name
     */
    public void loadInto(Plugins plugins) {
        folders.forEach(safety::requireSafeFolder);
        jars.forEach(safety::requireSafeJar);
        for (Path jar : jars) {
            load(jar, plugins);
        }
    }

    private static void load(Path jar, Plugins plugins) {
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("plugin " + jar.getFileName(), new URL[] {jar.toUri().toURL()},
                    new SpiOnlyClassLoader(PluginLoader.class.getClassLoader()));
        } catch (MalformedURLException e) {
            plugins.failed(new PluginFailure(jar, "it has no usable location (" + e.getMessage() + ")"));
            return;
        }
        Plugin plugin;
        try {
            List<Profile> profiles = new ArrayList<>();
            for (ProfileProvider provider : ServiceLoader.load(ProfileProvider.class, loader)) {
                profiles.addAll(List.copyOf(provider.profiles()));
            }
            plugin = new Plugin(jar.toAbsolutePath().normalize().toString(), profiles, all(RunListener.class, loader),
                    all(ResultsExporter.class, loader), all(TestOutputParser.class, loader));
            Plugins.validate(plugin);
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            closeQuietly(loader);
            plugins.failed(new PluginFailure(jar, describe(e)));
            return;
        }
        if (plugin.isEmpty()) {
            closeQuietly(loader);
            plugins.failed(new PluginFailure(jar, "it provides nothing: it needs a file META-INF/services/"
                    + ProfileProvider.class.getName() + " (or RunListener, ResultsExporter, TestOutputParser in"
                    + " the same package) naming its classes"));
            return;
        }
        plugins.own(loader);
        plugins.install(plugin);
    }

    private static <T> List<T> all(Class<T> service, ClassLoader loader) {
        List<T> found = new ArrayList<>();
        ServiceLoader.load(service, loader).forEach(found::add);
        return found;
    }

    /** The failure and its causes, as one line: what went wrong, down to the first thrower. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (text.length() > 0) {
                text.append(": ");
            }
            String message = e.getMessage();
            boolean plain = e instanceof ServiceConfigurationError && message != null;
            text.append(plain ? message : e.getClass().getName() + (message == null ? "" : ": " + message));
        }
        return text.toString();
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
