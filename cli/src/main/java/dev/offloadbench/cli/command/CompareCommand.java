package dev.offloadbench.cli.command;

import dev.offloadbench.cli.output.ComparisonJson;
import dev.offloadbench.cli.output.ComparisonText;
import dev.offloadbench.domain.history.Comparison;
import dev.offloadbench.domain.history.NoiseRule;
import dev.offloadbench.domain.port.in.CompareSessions;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bench compare}: what changed between two sessions beyond noise, and which recorded inputs differ. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two recorded sessions: which runs changed beyond noise, and which recorded inputs"
                + " differ.",
            "Run by run: both times (mean ± σ), their ratio with its"
                + " propagated uncertainty, and whether the change is beyond noise (a Student's t prediction interval"
                + " of the earlier session's samples, or a percentage band when it has too few); beside each run,"
                + " every recorded input that differs (test count, workers, max_parallel, command, versions of"
                + " offload, just, Python, pytest and xdist, commit, Offload config, machine, load).",
            "By default the latest finished session against the previous finished one with the same projects and"
                + " run kinds; one session named is compared with the latest finished one.",
            "Exits 3 when a gate (--fail-on-regression, --fail-on-slower) finds a slower run, else 0."})
public final class CompareCommand implements Callable<Integer> {
    @Inject
    Provider<CompareSessions> comparer;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", arity = "0..1", completionCandidates = SessionCandidates.class,
            description = "The earlier session (an id or latest; default: the previous comparable one).")
    String before;

    @Parameters(index = "1", paramLabel = "B", arity = "0..1", completionCandidates = SessionCandidates.class,
            description = "The later session (default: the latest finished one).")
    String after;

    @Option(names = "--json", description = "Print the comparison as JSON.")
    boolean json;

    @Option(names = "--confidence", paramLabel = "PCT", defaultValue = "99",
            description = "The confidence of the prediction interval, in percent, above 50 and below 100"
                    + " (default: ${DEFAULT-VALUE}).")
    BigDecimal confidence;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "5",
            description = "With too few samples for an interval (fewer than 3): a change of more than PCT percent"
                    + " is beyond noise (default: ${DEFAULT-VALUE}).")
    BigDecimal threshold;

    @Option(names = "--history", paramLabel = "N", defaultValue = "5",
            description = "How many sessions' samples of a run make the history noise is judged by: A's and"
                    + " those of the finished sessions before it (default: ${DEFAULT-VALUE}; 1: A's alone).")
    int history;

    @Option(names = "--fail-on-regression", paramLabel = "PCT",
            description = "Exit 3 when any run is more than PCT percent slower (both runs valid), noise or not.")
    BigDecimal failOnRegression;

    @Option(names = "--fail-on-slower",
            description = "Exit 3 when any run is slower beyond noise (the statistical gate).")
    boolean failOnSlower;

    @Override
    public Integer call() {
        NoiseRule rule = rule();
        if (failOnRegression != null && failOnRegression.signum() < 0) {
            throw new ParameterException(spec.commandLine(), "--fail-on-regression takes a percentage of 0 or more, not "
                    + failOnRegression.toPlainString());
        }
        Comparison comparison = comparer.get().compare(new CompareSessions.Query(Optional.ofNullable(before),
                Optional.ofNullable(after), rule));
        Optional<BigDecimal> gate = Optional.ofNullable(failOnRegression);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? ComparisonJson.write(comparison, gate, failOnSlower)
                : ComparisonText.write(comparison, gate, failOnSlower));
        out.flush();
        boolean regressed = gate.isPresent() && !comparison.slowerByMoreThan(gate.get()).isEmpty()
                || failOnSlower && !comparison.slower().isEmpty();
        return regressed ? ExitCodes.REGRESSION : ExitCodes.OK;
    }

    private NoiseRule rule() {
        try {
            return NoiseRule.DEFAULT.withConfidence(confidence.movePointLeft(2)).withThresholdPercent(threshold)
                    .withHistorySessions(history);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--confidence, --threshold and --history: "
                    + e.getMessage());
        }
    }
}
