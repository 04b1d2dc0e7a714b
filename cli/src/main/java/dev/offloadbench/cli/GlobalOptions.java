package dev.offloadbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options that must be known before wiring ({@code --config}, {@code --verbose}), picked out
 * of the arguments with picocli ahead of the full parse, wherever they stand on the line.
 */
final class GlobalOptions {
    @Option(names = "--config")
    Path config;

    @Option(names = "--verbose")
    boolean verbose;

    @Parameters
    List<String> rest = new ArrayList<>();

    static GlobalOptions parse(String... args) {
        GlobalOptions options = new GlobalOptions();
        CommandLine parser = new CommandLine(options);
        parser.setUnmatchedArgumentsAllowed(true);
        parser.setUnmatchedOptionsArePositionalParams(true);
        parser.setOverwrittenOptionsAllowed(true);
        try {
            parser.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            // the full parse reports it, with the command's usage
        }
        return options;
    }

    Optional<Path> configFile() {
        return Optional.ofNullable(config);
    }
}
