package dev.offloadbench.cli.command;

import dev.offloadbench.domain.port.in.RenderReport;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench render}: prints the Benchmarks section rendered from recorded results. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Print the Benchmarks section rendered from recorded results.")
public final class RenderCommand implements Callable<Integer> {
    private final RenderReport renderReport;

    @Spec
    CommandSpec spec;

    @Option(names = "--results", required = true, paramLabel = "FILE",
            description = "The results document (JSON, schema 1).")
    Path results;

    @Option(names = "--template", paramLabel = "FILE",
            description = "A Handlebars template to use instead of the built-in one.")
    Path template;

    @Inject
    RenderCommand(RenderReport renderReport) {
        this.renderReport = renderReport;
    }

    @Override
    public Integer call() {
        String section = renderReport.render(new RenderReport.Query(results, Optional.ofNullable(template)));
        spec.commandLine().getOut().print(section);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
