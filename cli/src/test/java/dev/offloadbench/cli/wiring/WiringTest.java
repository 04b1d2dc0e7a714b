package dev.offloadbench.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Stage;
import dev.offloadbench.cli.command.BenchCommand;
import dev.offloadbench.cli.plugin.BuiltInPlugin;
import dev.offloadbench.cli.plugin.Plugins;
import dev.offloadbench.domain.config.BenchConfig;
import dev.offloadbench.domain.port.in.PlanBenchmark;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The wiring: every command's services bound, checked when the injector is made; one configuration per command. */
class WiringTest {
    @TempDir
    Path dir;

    private static List<Class<?>> commandsOf(CommandLine tree) {
        List<Class<?>> classes = new ArrayList<>();
        for (CommandLine command : tree.getSubcommands().values()) {
            classes.add(command.getCommandSpec().userObject().getClass());
            classes.addAll(commandsOf(command));
        }
        return classes;
    }

    @Test
    void theModuleKnowsEveryCommandOfTheTreeSoTheirBindingsAreCheckedAtStartUp() {
        List<Class<?>> tree = commandsOf(new CommandLine(BenchCommand.class));

        assertThat(BenchModule.commands()).containsAll(tree).contains(BenchCommand.class);
        assertThat(tree.stream().filter(BenchModule::needsServices)).as("commands with services")
                .contains(dev.offloadbench.cli.command.RunCommand.class,
                        dev.offloadbench.cli.command.ProfilesCommand.class)
                .doesNotContain(dev.offloadbench.cli.command.CompletionCommand.class);
    }

    @Test
    void anEmptyHomeIsUnsetForTheStateFolderAndTheConfigurationSoNeitherDependsOnTheCurrentFolder() {
        Path account = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(account.resolve(".config/offload-bench/config.toml")),
                "this account has a configuration file of its own");
        Map<String, String> emptyHome = Map.of("HOME", "");

        Path state = new Invocation(emptyHome, dir, Optional.empty()).stateDirectory();
        BenchConfig defaults = new dev.offloadbench.adapters.config.TomlConfigLoader().load(Optional.empty(),
                emptyHome, dir);

        assertThat(state).isAbsolute().isEqualTo(account.resolve(".local/state/offload-bench"));
        assertThat(defaults.offloadRepo()).isEqualTo(account.resolve("imbue/offload"));
    }

    @Test
    void theWholeModuleMakesAnInjector() {
        Plugins plugins = new Plugins().install(BuiltInPlugin.create());

        assertThat(Wiring.create(plugins, new BenchModule(Map.of("HOME", dir.toString()), dir, plugins,
                new CommandScope()))).isNotNull();
    }

    /** A command needing a service nobody binds. */
    static final class NeedsUnbound {
        @Inject
        Provider<Runnable> unbound;
    }

    @Test
    void aMissingBindingFailsWhenTheInjectorIsMadeNotWhenTheCommandRuns() {
        Plugins plugins = new Plugins().install(BuiltInPlugin.create());
        BenchModule module = new BenchModule(Map.of("HOME", dir.toString()), dir, plugins, new CommandScope());

        assertThatThrownBy(() -> Guice.createInjector(Stage.PRODUCTION, module,
                binder -> binder.getMembersInjector(NeedsUnbound.class)))
                .isInstanceOf(CreationException.class)
                .hasMessageContaining("Explicit bindings are required and Runnable is not explicitly bound");
    }

    @Test
    void theConfigurationIsReadOncePerCommandAndAfreshByTheNext() throws IOException {
        Path config = dir.resolve("offload-bench.toml");
        Files.writeString(config, "machine = \"first\"\n");
        Invocation invocation = new Invocation(Map.of("HOME", dir.toString()), dir, Optional.of(config));

        try (Wiring wiring = Wiring.create(invocation.environment(), dir, new PrintWriter(new StringWriter()))) {
            String planned = wiring.runCommand(invocation, null, () -> {
                BenchConfig read = wiring.get(BenchConfig.class);
                assertThat(wiring.get(BenchConfig.class)).isSameAs(read);
                rewrite(config, "machine = \"second\"\n");
                // the planner of the same command plans with what the command read
                return wiring.get(PlanBenchmark.class).plan(new PlanBenchmark.Query(List.of())).machine()
                        .description();
            });
            assertThat(planned).isEqualTo("first");
            String next = wiring.runCommand(invocation, null, () -> wiring.get(BenchConfig.class).machine()
                    .orElseThrow());
            assertThat(next).isEqualTo("second");
        }
    }

    @Test
    void nothingThatDependsOnTheConfigurationExistsOutsideACommand() throws IOException {
        try (Wiring wiring = Wiring.create(Map.of("HOME", dir.toString()), dir, new PrintWriter(new StringWriter()))) {
            assertThatThrownBy(() -> wiring.get(BenchConfig.class)).hasMessageContaining("outside of a command");
        }
    }

    private static void rewrite(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
