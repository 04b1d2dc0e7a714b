package dev.offloadbench.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.offloadbench.adapters.config.LocalProjectFolders;
import picocli.CommandLine;
import dev.offloadbench.adapters.config.ModalCredentialsFile;
import dev.offloadbench.adapters.config.PytestConfigFinder;
import dev.offloadbench.adapters.config.TomlConfigLoader;
import dev.offloadbench.adapters.config.TomlOffloadConfigReader;
import dev.offloadbench.adapters.markdown.HandlebarsReportRenderer;
import dev.offloadbench.adapters.markdown.MarkdownReadmeStore;
import dev.offloadbench.adapters.process.GitProjectRevisions;
import dev.offloadbench.adapters.process.JustCliReader;
import dev.offloadbench.adapters.process.PathToolLocator;
import dev.offloadbench.adapters.process.ProcessCommandRunner;
import dev.offloadbench.adapters.process.ProcessRunProbe;
import dev.offloadbench.adapters.process.StreamingRunExecutor;
import dev.offloadbench.adapters.process.SystemMachineProbe;
import dev.offloadbench.adapters.storage.FileSessionLock;
import dev.offloadbench.adapters.storage.JsonResultsReader;
import dev.offloadbench.adapters.storage.JsonSessionStore;
import dev.offloadbench.cli.command.BenchCommand;
import dev.offloadbench.cli.command.ResultsExports;
import dev.offloadbench.cli.plugin.Plugins;
import dev.offloadbench.domain.service.PrerequisiteChecker;
import dev.offloadbench.domain.config.BenchConfig;
import dev.offloadbench.domain.service.planning.Planner;
import dev.offloadbench.domain.port.in.BrowseHistory;
import dev.offloadbench.domain.port.in.BrowseSessions;
import dev.offloadbench.domain.port.in.CheckPrerequisites;
import dev.offloadbench.domain.port.in.CompareSessions;
import dev.offloadbench.domain.port.in.RunBenchmark;
import dev.offloadbench.domain.port.in.PlanBenchmark;
import dev.offloadbench.domain.port.in.RenderReport;
import dev.offloadbench.domain.port.in.UpdateReadme;
import dev.offloadbench.domain.port.out.CommandRunner;
import dev.offloadbench.domain.port.out.JustfileReader;
import dev.offloadbench.domain.port.out.MachineProbe;
import dev.offloadbench.domain.port.out.ModalCredentials;
import dev.offloadbench.domain.port.out.OffloadConfigReader;
import dev.offloadbench.domain.port.out.ProjectFolders;
import dev.offloadbench.domain.port.out.ProjectRevisions;
import dev.offloadbench.domain.port.out.PytestConfigReader;
import dev.offloadbench.domain.port.out.ReadmeStore;
import dev.offloadbench.domain.port.out.ReportRenderer;
import dev.offloadbench.domain.port.out.ResultsReader;
import dev.offloadbench.domain.port.out.RunExecutor;
import dev.offloadbench.domain.port.out.RunProbe;
import dev.offloadbench.domain.port.out.SessionLock;
import dev.offloadbench.domain.port.out.SessionStore;
import dev.offloadbench.domain.port.out.ToolLocator;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.service.ReportService;
import dev.offloadbench.domain.service.containment.MachineLock;
import dev.offloadbench.domain.service.history.SessionComparer;
import dev.offloadbench.domain.service.history.SessionHistory;
import dev.offloadbench.domain.service.running.SessionCatalog;
import dev.offloadbench.domain.service.running.OutputParsers;
import dev.offloadbench.domain.service.running.SessionRunner;
import dev.offloadbench.domain.spi.ResultsExporter;
import dev.offloadbench.domain.spi.RunListener;
import dev.offloadbench.domain.spi.TestOutputParser;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds every port to its adapter, every use case to its domain service, and what the installed
 * plugins provide (listeners, exporters and output parsers with multibinders; profiles through
 * the registry). The domain carries no annotations: its services are built here, in
 * {@code @Provides} methods.
 *
 * <p>One injector serves a whole shell. What depends on the configuration is
 * {@link CommandScoped}: the file is read when a command first asks for a service that needs it
 * (commands take such services as providers), once per command, so a broken one fails only the
 * commands that use it, with its own message. Commands get their services by field injection
 * after picocli has parsed them, so that {@code --help} and {@code --version} wire nothing.
 */
public final class BenchModule extends AbstractModule {
    /**
     * Every command of the tree, from {@link BenchCommand} down its subcommands: those with
     * services get a members injector when the injector is made, so that a missing binding fails
     * at start-up, not when the command runs.
     */
    public static List<Class<?>> commands() {
        List<Class<?>> commands = new ArrayList<>();
        collect(BenchCommand.class, commands);
        return commands;
    }

    private static void collect(Class<?> command, List<Class<?>> commands) {
        commands.add(command);
        CommandLine.Command annotation = command.getAnnotation(CommandLine.Command.class);
        if (annotation != null) {
            for (Class<?> subcommand : annotation.subcommands()) {
                collect(subcommand, commands);
            }
        }
    }

    /** Whether a command has fields for services ({@code @Inject}), injected just before it runs. */
    public static boolean needsServices(Class<?> command) {
        for (Field field : command.getDeclaredFields()) {
            if (field.isAnnotationPresent(Inject.class)) {
                return true;
            }
        }
        return false;
    }

    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Plugins plugins;
    private final CommandScope commandScope;

    /**
     * @param environment the process environment (the same for every command of a shell)
     * @param workingDirectory where bench was started
     */
    public BenchModule(Map<String, String> environment, Path workingDirectory, Plugins plugins,
            CommandScope commandScope) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.plugins = plugins;
        this.commandScope = commandScope;
    }

    CommandScope commandScope() {
        return commandScope;
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        binder().disableCircularProxies();
        bindScope(CommandScoped.class, commandScope);
        bind(Invocation.class).toProvider(CommandScope.seeded(Invocation.class)).in(CommandScoped.class);
        bind(Plugins.class).toInstance(plugins);
        Multibinder<RunListener> listeners = Multibinder.newSetBinder(binder(), RunListener.class);
        plugins.listeners().forEach(listener -> listeners.addBinding().toInstance(listener));
        Multibinder<ResultsExporter> exporters = Multibinder.newSetBinder(binder(), ResultsExporter.class);
        plugins.exporters().values().forEach(exporter -> exporters.addBinding().toInstance(exporter));
        Multibinder<TestOutputParser> parsers = Multibinder.newSetBinder(binder(), TestOutputParser.class);
        plugins.parsers().forEach(parser -> parsers.addBinding().toInstance(parser));
        for (Class<?> command : commands()) {
            if (needsServices(command)) {
                getMembersInjector(command);
            }
        }
    }

    /** The configuration, read once per command. */
    @Provides
    @CommandScoped
    BenchConfig config(Invocation invocation) {
        return new TomlConfigLoader().load(invocation.configFile(), invocation.environment(),
                invocation.workingDirectory());
    }

    /** The installed profiles with the configuration's on top. */
    @Provides
    @CommandScoped
    ProfileRegistry profiles(BenchConfig config) {
        return plugins.profiles().withConfiguration(config);
    }

    @Provides
    ResultsExports resultsExports(Set<ResultsExporter> exporters) {
        return new ResultsExports(exporters, plugins::origin);
    }

    @Provides
    OutputParsers outputParsers(ProfileRegistry profiles, Set<TestOutputParser> parsers) {
        return new OutputParsers(profiles, parsers);
    }

    @Provides
    @Singleton
    ResultsReader resultsReader() {
        return new JsonResultsReader();
    }

    /** Made when a command renders (compiling the template is not for every command). */
    @Provides
    ReportRenderer reportRenderer() {
        return new HandlebarsReportRenderer();
    }

    @Provides
    @Singleton
    ReadmeStore readmeStore() {
        return new MarkdownReadmeStore();
    }

    @Provides
    @Singleton
    JustfileReader justfileReader() {
        return new JustCliReader(environment);
    }

    @Provides
    @Singleton
    PytestConfigReader pytestConfigReader() {
        return new PytestConfigFinder();
    }

    @Provides
    @Singleton
    OffloadConfigReader offloadConfigReader() {
        return new TomlOffloadConfigReader();
    }

    @Provides
    @Singleton
    CommandRunner commandRunner() {
        return new ProcessCommandRunner(environment);
    }

    @Provides
    @Singleton
    MachineProbe machineProbe(CommandRunner runner) {
        return new SystemMachineProbe(runner);
    }

    @Provides
    @Singleton
    ToolLocator toolLocator() {
        return new PathToolLocator(environment);
    }

    @Provides
    @Singleton
    ModalCredentials modalCredentials() {
        return new ModalCredentialsFile(environment);
    }

    @Provides
    ReportService reportService(ResultsReader reader, ProfileRegistry registry, ReportRenderer renderer,
            ReadmeStore readmes, BenchConfig config) {
        return new ReportService(reader, registry, renderer, readmes, config.notesShowSpread());
    }

    @Provides
    RenderReport renderReport(ReportService service) {
        return service;
    }

    @Provides
    UpdateReadme updateReadme(ReportService service) {
        return service;
    }

    @Provides
    @Singleton
    ProjectFolders projectFolders() {
        return new LocalProjectFolders();
    }

    @Provides
    @Singleton
    RunProbe runProbe(RunExecutor executor) {
        return new ProcessRunProbe(executor, environment);
    }

    @Provides
    PlanBenchmark planBenchmark(BenchConfig config, ProfileRegistry registry, JustfileReader just,
            PytestConfigReader pytest, OffloadConfigReader offload, MachineProbe machine, ReadmeStore readmes,
            ProjectFolders folders, RunProbe probe, MachineLock machineLock) {
        return new Planner(config, registry, just, pytest, offload, machine, readmes, folders, probe, environment,
                machineLock);
    }

    /** The session lock as sessions and probes take it, sweeping what a bench that died left running. */
    @Provides
    MachineLock machineLock(SessionLock lock, SessionStore store, RunExecutor executor, RunProbe probe) {
        return new MachineLock(lock, store, executor, probe);
    }

    @Provides
    CheckPrerequisites checkPrerequisites(BenchConfig config, ToolLocator tools, ModalCredentials modal,
            CommandRunner runner, MachineProbe machine, ProjectFolders folders) {
        return new PrerequisiteChecker(config, tools, modal, runner, machine, folders);
    }

    @Provides
    @Singleton
    RunExecutor runExecutor() {
        return new StreamingRunExecutor(environment);
    }

    @Provides
    @Singleton
    SessionStore sessionStore() {
        return new JsonSessionStore(stateDirectory());
    }

    @Provides
    @Singleton
    SessionLock sessionLock() {
        return new FileSessionLock(stateDirectory());
    }

    private Path stateDirectory() {
        return new Invocation(environment, workingDirectory, java.util.Optional.empty()).stateDirectory();
    }

    @Provides
    BrowseSessions browseSessions(SessionStore store) {
        return new SessionCatalog(store);
    }

    @Provides
    CompareSessions compareSessions(BrowseSessions sessions) {
        return new SessionComparer(sessions);
    }

    @Provides
    BrowseHistory browseHistory(BrowseSessions sessions) {
        return new SessionHistory(sessions);
    }

    @Provides
    @Singleton
    ProjectRevisions projectRevisions(CommandRunner runner) {
        return new GitProjectRevisions(runner);
    }

    @Provides
    RunBenchmark runBenchmark(CheckPrerequisites checks, PlanBenchmark planner, RunExecutor executor,
            SessionStore store, MachineLock machineLock, MachineProbe machine, ProjectRevisions revisions,
            Set<RunListener> listeners, OutputParsers parsers) {
        return new SessionRunner(checks, planner, executor, store, machineLock, machine, revisions, Clock.systemUTC(),
                List.copyOf(listeners), parsers);
    }
}
