package dev.offloadbench.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root of the command tree, shared by the command line and the shell. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Benchmarks whole test suites (pytest-xdist against Offload) and publishes the"
                + " Benchmarks section of a README.",
        subcommands = {RunCommand.class, PlanCommand.class, CheckCommand.class, SessionsCommand.class,
            ResultsCommand.class, CompareCommand.class, HistoryCommand.class, RenderCommand.class, UpdateReadmeCommand.class, ProfilesCommand.class,
            ShellCommand.class, CompletionCommand.class, HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:refused or finished because of INVALID runs (or a run timed out)",
            "2:bad input or usage (the message says what and how to fix it)",
            "3:bench compare found a run slower than its gate allows (--fail-on-regression, --fail-on-slower)",
            "70:internal error (a bug: please report it with --verbose output)",
            "130:interrupted (Ctrl-C; 129 after SIGHUP, 143 after SIGTERM); bench run --resume continues"})
public final class BenchCommand {
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces with error messages.")
    boolean verbose;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = "The configuration file (default: $OFFLOAD_BENCH_CONFIG, ./offload-bench.toml,"
                    + " then $XDG_CONFIG_HOME/offload-bench/config.toml).")
    java.nio.file.Path config;
}
