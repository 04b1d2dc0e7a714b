package dev.offloadbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.cli.BenchRunner.Result;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every error is one line starting with {@code error:}; a typo gets the closest command or option, not the usage. */
class UsageErrorsTest {
    @TempDir
    Path dir;

    private Result bench(String... args) {
        return new BenchRunner(Map.of("HOME", dir.toString(), "XDG_STATE_HOME", dir.resolve("state").toString()), dir)
                .run(args);
    }

    @Test
    void aMistypedCommandGetsTheClosestOne() {
        Result result = bench("rnu", "all");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("error: unknown command 'rnu'; did you mean run? (bench --help shows the"
                + " usage)\n");
    }

    @Test
    void aCommandTooFarFromAnyIsAnsweredWithTheCommands() {
        assertThat(bench("benchmark").err()).startsWith("error: unknown command 'benchmark'; the commands are run,"
                + " plan, check, sessions, results, compare, history, render, update-readme, profiles, shell, completion,"
                + " help");
    }

    @Test
    void aMistypedOptionGetsTheClosestOne() {
        Result result = bench("run", "--kindz", "baseline");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: unknown option '--kindz'; did you mean --kinds? (bench run --help"
                + " shows the usage)\n");
    }

    @Test
    void aBadValueAndAMissingOneAreErrorsToo() {
        assertThat(bench("run", "--kinds", "fast").err()).startsWith("error: Invalid value for option '--kinds'")
                .contains("unknown run kind \"fast\"").doesNotContain("Usage:");
        assertThat(bench("update-readme", "--results", "r.json").err())
                .startsWith("error: Missing --readme PATH: a results document does not say which README it is for");
        assertThat(bench("results", "a", "b").err()).startsWith("error: unexpected argument 'b'");
    }

    @Test
    void aUserProblemIsOneErrorLineAndExitsTwo() {
        Result result = bench("render", "--results", "nowhere.json");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString().startsWith("error: ");
    }

    @CommandLine.Command(name = "anything")
    static final class Anything {
    }

    @Test
    void aBugIsAnErrorLineToExitingSeventy() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new Anything());
        command.setErr(new PrintWriter(err, true));

        int exitCode = new ErrorReporter(false).handleExecutionException(new NullPointerException("x is null"),
                command, null);

        assertThat(exitCode).isEqualTo(70);
        assertThat(err.toString()).startsWith("error: internal error (a bug in offload-bench; please report it):"
                + " java.lang.NullPointerException: x is null (run with --verbose for the stack trace)");
    }
}
