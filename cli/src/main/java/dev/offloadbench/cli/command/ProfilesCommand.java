package dev.offloadbench.cli.command;

import dev.offloadbench.cli.output.TextTable;
import dev.offloadbench.cli.plugin.PluginFailure;
import dev.offloadbench.cli.plugin.Plugins;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.spi.ResultsExporter;
import dev.offloadbench.domain.spi.TestOutputParser;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bench profiles}: every profile with where it comes from (built-in, the configuration, or
 * a plugin jar), then what plugins add besides: listeners, exporters, output parsers.
 */
@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = {"List every profile with its source (built-in, configuration, or the plugin jar), then the"
                + " installed run listeners, results exporters and output parsers, and any plugin that failed to"
                + " load."})
public final class ProfilesCommand implements Callable<Integer> {
    @Inject
    Provider<ProfileRegistry> profiles;
    @Inject
    Provider<Plugins> plugins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ProfileRegistry registry = profiles.get();
        Plugins installed = plugins.get();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Profile", "Report heading", "Runner", "Source"});
        for (Profile profile : registry.all()) {
            rows.add(new String[] {profile.id(), profile.title() + " " + profile.suiteLabel(),
                profile.runs().outputParser().orElse("pytest"), registry.origin(profile.id()).orElse("")});
        }
        out.print(TextTable.of(rows));
        out.println();
        out.println("Run listeners:     " + describe(installed.listeners(), l -> l.getClass().getName(), installed));
        out.println("Results exporters: " + describe(List.copyOf(installed.exporters().values()),
                ResultsExporter::format, installed));
        out.println("Output parsers:    pytest and Offload (built-in)" + (installed.parsers().isEmpty() ? ""
                : ", " + describe(installed.parsers(), TestOutputParser::name, installed)));
        for (PluginFailure failure : installed.failures()) {
            out.println("Not loaded:        " + failure.jar() + ": " + failure.cause());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static <T> String describe(List<T> items, java.util.function.Function<T, String> name, Plugins plugins) {
        if (items.isEmpty()) {
            return "none";
        }
        return items.stream().map(item -> name.apply(item) + " (" + plugins.origin(item) + ")")
                .collect(Collectors.joining(", "));
    }
}
