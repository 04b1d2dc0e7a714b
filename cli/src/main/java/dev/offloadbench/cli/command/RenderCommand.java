package dev.offloadbench.cli.command;

import dev.offloadbench.domain.port.in.RenderReport;
import dev.offloadbench.domain.port.in.BrowseSessions;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code bench render}: prints the Benchmarks section rendered from recorded results. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Print the Benchmarks section rendered from recorded results.")
public final class RenderCommand implements Callable<Integer> {
    @Inject
    Provider<RenderReport> renderReport;
    @Inject
    Provider<BrowseSessions> sessions;

    @Spec
    CommandSpec spec;

    @Mixin
    ReportInput input;

    @Override
    public Integer call() {
        String section = renderReport.get().render(new RenderReport.Query(input.results(sessions.get()),
                input.template()));
        spec.commandLine().getOut().print(section);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
