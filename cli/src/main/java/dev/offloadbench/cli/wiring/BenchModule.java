package dev.offloadbench.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.offloadbench.adapters.config.LocalProjectFolders;
import dev.offloadbench.adapters.config.ModalCredentialsFile;
import dev.offloadbench.adapters.config.PytestConfigFinder;
import dev.offloadbench.adapters.config.TomlConfigLoader;
import dev.offloadbench.adapters.config.TomlOffloadConfigReader;
import dev.offloadbench.adapters.markdown.HandlebarsReportRenderer;
import dev.offloadbench.adapters.markdown.MarkdownReadmeStore;
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
import dev.offloadbench.cli.command.CheckCommand;
import dev.offloadbench.cli.command.PlanCommand;
import dev.offloadbench.cli.command.RenderCommand;
import dev.offloadbench.cli.command.ResultsCommand;
import dev.offloadbench.cli.command.RunCommand;
import dev.offloadbench.cli.command.SessionsCommand;
import dev.offloadbench.cli.command.ShellCommand;
import dev.offloadbench.cli.command.UpdateReadmeCommand;
import dev.offloadbench.domain.service.PrerequisiteChecker;
import dev.offloadbench.domain.config.BenchConfig;
import dev.offloadbench.domain.service.planning.Planner;
import dev.offloadbench.domain.port.in.BrowseSessions;
import dev.offloadbench.domain.port.in.CheckPrerequisites;
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
import dev.offloadbench.domain.service.running.SessionCatalog;
import dev.offloadbench.domain.service.running.SessionRunner;
import java.time.Clock;

/**
 * Binds every port to its adapter and every use case to its domain service. The domain carries
 * no annotations: its services are built here, in {@code @Provides} methods. The configuration
 * file is read when a command asks for a service that needs it (commands take such services as
 * providers), so a broken one fails only the commands that use it, with its own message.
 */
public final class BenchModule extends AbstractModule {
    private final Invocation invocation;
    private final ProfileRegistry profiles;

    public BenchModule(Invocation invocation, ProfileRegistry profiles) {
        this.invocation = invocation;
        this.profiles = profiles;
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        binder().disableCircularProxies();
        bind(Invocation.class).toInstance(invocation);
        bind(ProfileRegistry.class).toInstance(profiles);
        bind(BenchCommand.class);
        bind(RenderCommand.class);
        bind(UpdateReadmeCommand.class);
        bind(PlanCommand.class);
        bind(CheckCommand.class);
        bind(RunCommand.class);
        bind(SessionsCommand.class);
        bind(ResultsCommand.class);
        bind(ShellCommand.class);
    }

    @Provides
    BenchConfig config(Invocation invocation) {
        return new TomlConfigLoader().load(invocation.configFile(), invocation.environment(),
                invocation.workingDirectory());
    }

    @Provides
    @Singleton
    ResultsReader resultsReader() {
        return new JsonResultsReader();
    }

    @Provides
    @Singleton
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
    JustfileReader justfileReader(Invocation invocation) {
        return new JustCliReader(invocation.environment());
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
    CommandRunner commandRunner(Invocation invocation) {
        return new ProcessCommandRunner(invocation.environment());
    }

    @Provides
    @Singleton
    MachineProbe machineProbe(CommandRunner runner) {
        return new SystemMachineProbe(runner);
    }

    @Provides
    @Singleton
    ToolLocator toolLocator(Invocation invocation) {
        return new PathToolLocator(invocation.environment());
    }

    @Provides
    @Singleton
    ModalCredentials modalCredentials(Invocation invocation) {
        return new ModalCredentialsFile(invocation.environment());
    }

    @Provides
    @Singleton
    ReportService reportService(ResultsReader reader, ProfileRegistry registry, ReportRenderer renderer,
            ReadmeStore readmes) {
        return new ReportService(reader, registry, renderer, readmes);
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
    RunProbe runProbe(RunExecutor executor, Invocation invocation) {
        return new ProcessRunProbe(executor, invocation.environment());
    }

    @Provides
    PlanBenchmark planBenchmark(BenchConfig config, ProfileRegistry registry, JustfileReader just,
            PytestConfigReader pytest, OffloadConfigReader offload, MachineProbe machine, ReadmeStore readmes,
            ProjectFolders folders, RunProbe probe, Invocation invocation) {
        return new Planner(config, registry, just, pytest, offload, machine, readmes, folders, probe,
                invocation.environment());
    }

    @Provides
    CheckPrerequisites checkPrerequisites(BenchConfig config, ToolLocator tools, ModalCredentials modal,
            CommandRunner runner, MachineProbe machine) {
        return new PrerequisiteChecker(config, tools, modal, runner, machine);
    }

    @Provides
    @Singleton
    RunExecutor runExecutor(Invocation invocation) {
        return new StreamingRunExecutor(invocation.environment());
    }

    @Provides
    @Singleton
    SessionStore sessionStore(Invocation invocation) {
        return new JsonSessionStore(invocation.stateDirectory());
    }

    @Provides
    @Singleton
    SessionLock sessionLock(Invocation invocation) {
        return new FileSessionLock(invocation.stateDirectory());
    }

    @Provides
    BrowseSessions browseSessions(SessionStore store) {
        return new SessionCatalog(store);
    }

    @Provides
    RunBenchmark runBenchmark(CheckPrerequisites checks, PlanBenchmark planner, RunExecutor executor,
            SessionStore store, SessionLock lock, MachineProbe machine) {
        return new SessionRunner(checks, planner, executor, store, lock, machine, Clock.systemUTC());
    }
}
