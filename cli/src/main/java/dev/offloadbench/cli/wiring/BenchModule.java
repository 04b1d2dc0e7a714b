package dev.offloadbench.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.offloadbench.adapters.markdown.HandlebarsReportRenderer;
import dev.offloadbench.adapters.markdown.MarkdownReadmeStore;
import dev.offloadbench.adapters.storage.JsonResultsReader;
import dev.offloadbench.cli.command.BenchCommand;
import dev.offloadbench.cli.command.RenderCommand;
import dev.offloadbench.cli.command.UpdateReadmeCommand;
import dev.offloadbench.domain.port.in.RenderReport;
import dev.offloadbench.domain.port.in.UpdateReadme;
import dev.offloadbench.domain.port.out.ReadmeStore;
import dev.offloadbench.domain.port.out.ReportRenderer;
import dev.offloadbench.domain.port.out.ResultsReader;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.service.ReportAssembler;
import dev.offloadbench.domain.service.ReportService;

/**
 * Binds every port to its adapter and every use case to its domain service. The domain carries
 * no annotations: its services are built here, in {@code @Provides} methods.
 */
public final class BenchModule extends AbstractModule {
    private final ProfileRegistry profiles;

    public BenchModule(ProfileRegistry profiles) {
        this.profiles = profiles;
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        binder().disableCircularProxies();
        bind(BenchCommand.class);
        bind(RenderCommand.class);
        bind(UpdateReadmeCommand.class);
    }

    @Provides
    @Singleton
    ProfileRegistry profiles() {
        return profiles;
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
    ReportService reportService(ResultsReader reader, ProfileRegistry registry, ReportRenderer renderer,
            ReadmeStore readmes) {
        return new ReportService(reader, new ReportAssembler(registry), renderer, readmes);
    }

    @Provides
    RenderReport renderReport(ReportService service) {
        return service;
    }

    @Provides
    UpdateReadme updateReadme(ReportService service) {
        return service;
    }
}
