package dev.offloadbench.cli.wiring;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.offloadbench.cli.plugin.BuiltInPlugin;
import dev.offloadbench.cli.plugin.PluginFailure;
import dev.offloadbench.cli.plugin.PluginLoader;
import dev.offloadbench.cli.plugin.Plugins;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What offload-bench is wired with, made once per process (one invocation, or a whole shell):
 * the plugins (built-in and jars, with their class loaders) and the injector. Made only when a
 * command needs it, so {@code --help}, {@code --version} and {@code completion} load nothing.
 * Closing it closes the plugins' class loaders.
 */
public final class Wiring implements AutoCloseable {
    private final Plugins plugins;
    private final Injector injector;
    private final CommandScope scope;

    private Wiring(Plugins plugins, Injector injector, CommandScope scope) {
        this.plugins = plugins;
        this.injector = injector;
        this.scope = scope;
    }

    /**
     * Loads the plugins (reporting those that fail on {@code err}) and makes the injector.
     *
     * @throws dev.offloadbench.domain.BenchException when the plugins are unsafe or clash
     */
    public static Wiring create(Map<String, String> environment, Path workingDirectory, PrintWriter err) {
        Plugins plugins = new Plugins();
        try {
            plugins.install(BuiltInPlugin.create());
            PluginLoader.fromEnvironment(environment).loadInto(plugins);
            for (PluginFailure failure : plugins.failures()) {
                err.println("warning: " + failure);
            }
            err.flush();
            return create(plugins, new BenchModule(environment, workingDirectory, plugins, new CommandScope()));
        } catch (RuntimeException e) {
            plugins.close();
            throw e;
        }
    }

    /** With the plugins given (tests install plugin objects directly) and this module. */
    static Wiring create(Plugins plugins, BenchModule module) {
        Injector injector;
        try {
            injector = Guice.createInjector(Stage.PRODUCTION, module);
        } catch (CreationException e) {
            throw new IllegalStateException("offload-bench is wired wrongly (a bug): " + e.getMessage(), e);
        }
        return new Wiring(plugins, injector, module.commandScope());
    }

    public Plugins plugins() {
        return plugins;
    }

    /**
     * Runs {@code work} as one command: within a fresh command scope (the configuration read at
     * most once), with {@code command}'s fields injected first.
     */
    public <T> T runCommand(Invocation invocation, Object command, Supplier<T> work) {
        try (CommandScope.Entered entered = scope.enter(invocation)) {
            if (command != null) {
                injector.injectMembers(command);
            }
            return work.get();
        }
    }

    /** An instance of a bound type, within a command already running ({@link #runCommand}). */
    public <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }

    @Override
    public void close() {
        plugins.close();
    }
}
