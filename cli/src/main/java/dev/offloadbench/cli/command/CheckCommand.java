package dev.offloadbench.cli.command;

import dev.offloadbench.cli.output.CheckJson;
import dev.offloadbench.cli.output.CheckLines;
import dev.offloadbench.domain.check.CheckResult;
import dev.offloadbench.domain.port.in.CheckPrerequisites;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench check}: the prerequisites, one line each, with the remedy for what is missing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check the prerequisites: offload, Modal credentials, just, each project's folder and"
                + " justfile, the Offload repository, and how busy the machine is.",
            "Exits 2 when any check fails."})
public final class CheckCommand implements Callable<Integer> {
    @Inject
    Provider<CheckPrerequisites> checker;

    @Spec
    CommandSpec spec;

    @Option(names = "--install", description = "Run `just install` in the Offload repository.")
    boolean install;

    @Option(names = "--online", description = "Ask Modal whether the token is valid (modal token info).")
    boolean online;

    @Option(names = "--json", description = "Print the checks as JSON.")
    boolean json;

    @Override
    public Integer call() {
        List<CheckResult> results = checker.get().check(new CheckPrerequisites.Options(install, online));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(CheckJson.write(results));
        } else {
            CheckLines.print(out, results);
        }
        out.flush();
        return CheckResult.anyFailed(results) ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

}
