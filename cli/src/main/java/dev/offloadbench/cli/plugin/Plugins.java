package dev.offloadbench.cli.plugin;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.spi.ResultsExporter;
import dev.offloadbench.domain.spi.RunListener;
import dev.offloadbench.domain.spi.TestOutputParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything installed: the built-in plugin and every plugin jar that loaded, each through
 * {@link #install}. A profile id, an exporter's format or a parser's name that two plugins
 * provide is refused, naming both. Owns the plugins' class loaders: {@link #close} closes them,
 * once offload-bench is done (an invocation, or a whole shell).
 */
public final class Plugins implements AutoCloseable {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    private final ProfileRegistry profiles = new ProfileRegistry();
    private final List<RunListener> listeners = new ArrayList<>();
    private final Map<String, ResultsExporter> exporters = new LinkedHashMap<>();
    private final Map<String, TestOutputParser> parsers = new LinkedHashMap<>();
    private final Map<Object, String> origins = new IdentityHashMap<>();
    private final List<PluginFailure> failures = new ArrayList<>();
    private final List<AutoCloseable> loaders = new ArrayList<>();

    /**
     * Installs what a plugin provides, all or nothing.
     *
     * @throws BenchException when it provides a name another plugin already provides, or a name
     *     that is not valid
     */
    public Plugins install(Plugin plugin) {
        validate(plugin);
        String origin = plugin.origin();
        for (ResultsExporter exporter : plugin.exporters()) {
            String format = exporter.format();
            ResultsExporter earlier = exporters.get(format);
            if (earlier != null) {
                throw new BenchException("results format \"" + format + "\" is provided twice: by "
                        + origins.get(earlier) + " and by " + origin + "; remove one of them");
            }
        }
        for (TestOutputParser parser : plugin.parsers()) {
            String name = parser.name();
            TestOutputParser earlier = parsers.get(name);
            if (earlier != null) {
                throw new BenchException("output parser \"" + name + "\" is provided twice: by "
                        + origins.get(earlier) + " and by " + origin + "; remove one of them");
            }
        }
        profiles.install(origin, plugin.profiles());
        for (RunListener listener : plugin.listeners()) {
            listeners.add(listener);
            origins.put(listener, origin);
        }
        for (ResultsExporter exporter : plugin.exporters()) {
            exporters.put(exporter.format(), exporter);
            origins.put(exporter, origin);
        }
        for (TestOutputParser parser : plugin.parsers()) {
            parsers.put(parser.name(), parser);
            origins.put(parser, origin);
        }
        return this;
    }

    /**
     * Checks what a plugin provides on its own: valid names, each once.
     *
     * @throws BenchException saying which name is wrong
     */
    static void validate(Plugin plugin) {
        List<String> formats = new ArrayList<>();
        for (ResultsExporter exporter : plugin.exporters()) {
            String format = requireName(exporter.format(), "results exporter " + exporter.getClass().getName(),
                    plugin.origin());
            if (formats.contains(format)) {
                throw new BenchException(plugin.origin() + " provides results format \"" + format + "\" twice");
            }
            formats.add(format);
        }
        List<String> names = new ArrayList<>();
        for (TestOutputParser parser : plugin.parsers()) {
            String name = requireName(parser.name(), "output parser " + parser.getClass().getName(), plugin.origin());
            if (names.contains(name)) {
                throw new BenchException(plugin.origin() + " provides output parser \"" + name + "\" twice");
            }
            names.add(name);
        }
        List<String> ids = new ArrayList<>();
        for (var profile : plugin.profiles()) {
            if (ids.contains(profile.id())) {
                throw new BenchException(plugin.origin() + " provides profile \"" + profile.id() + "\" twice");
            }
            ids.add(profile.id());
        }
    }

    private static String requireName(String name, String what, String origin) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BenchException(what + " of " + origin + " is named \"" + name
                    + "\"; a name is lower-case letters, digits, '-' or '_', starting with a letter");
        }
        return name;
    }

    /** A plugin that could not be loaded, reported while the others work. */
    void failed(PluginFailure failure) {
        failures.add(failure);
    }

    /** A class loader to close with the plugins. */
    void own(AutoCloseable loader) {
        loaders.add(loader);
    }

    /** The installed profiles (built-in and plugins'), before the configuration adds its own. */
    public ProfileRegistry profiles() {
        return profiles;
    }

    public List<RunListener> listeners() {
        return Collections.unmodifiableList(listeners);
    }

    /** By format name, in installation order. */
    public Map<String, ResultsExporter> exporters() {
        return Collections.unmodifiableMap(exporters);
    }

    public List<TestOutputParser> parsers() {
        return List.copyOf(parsers.values());
    }

    /** Where an installed listener, exporter or parser comes from: {@code built-in} or a jar's path. */
    public String origin(Object contribution) {
        return origins.getOrDefault(contribution, "unknown origin");
    }

    /**
     * Where an object's class comes from, for a message about it: the plugin jar whose class
     * loader loaded it, else {@code built-in}.
     */
    public static String originOf(Object object) {
        ClassLoader loader = object.getClass().getClassLoader();
        if (loader instanceof java.net.URLClassLoader plugin && plugin.getParent() instanceof SpiOnlyClassLoader) {
            java.net.URL[] urls = plugin.getURLs();
            if (urls.length > 0) {
                try {
                    return java.nio.file.Path.of(urls[0].toURI()).toString();
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    return urls[0].toString();
                }
            }
        }
        return ProfileRegistry.BUILT_IN;
    }

    public List<PluginFailure> failures() {
        return Collections.unmodifiableList(failures);
    }

    @Override
    public void close() {
        for (AutoCloseable loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                // its jar stays open until the process ends: nothing else to do
            } catch (Exception e) {
                // the same
            }
        }
        loaders.clear();
    }
}
