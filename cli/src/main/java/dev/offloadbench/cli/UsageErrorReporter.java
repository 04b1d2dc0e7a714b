package dev.offloadbench.cli;

import dev.offloadbench.domain.EditDistance;
import dev.offloadbench.cli.command.ExitCodes;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli cannot parse: one {@code error:} line saying what is wrong, the closest
 * command or option when something was mistyped ({@code bench rnu all}: did you mean run?), and
 * where the usage is, instead of the whole usage. Exits 2.
 */
final class UsageErrorReporter implements IParameterExceptionHandler {
    private final boolean verbose;

    UsageErrorReporter(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + describe(e, command) + " (" + command.getCommandSpec().qualifiedName()
                + " --help shows the usage)");
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /** The names a typo is one or two edits away from (a swap of neighbours is one: rnu, run). */
    static List<String> closest(String typed, java.util.Collection<String> names) {
        if (typed.replaceFirst("^-+", "").length() < 3) {
            return List.of(); // too short to tell a typo from another word
        }
        int best = Integer.MAX_VALUE;
        List<String> closest = new java.util.ArrayList<>();
        for (String name : names) {
            int distance = EditDistance.between(typed, name);
            if (distance < best) {
                best = distance;
                closest.clear();
            }
            if (distance == best) {
                closest.add(name);
            }
        }
        return best <= Math.min(2, Math.max(1, typed.length() / 3)) ? closest : List.of();
    }

    private static String describe(ParameterException e, CommandLine command) {
        if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return e.getMessage();
        }
        String first = unmatched.getUnmatched().get(0);
        List<String> suggestions = closest(first, first.startsWith("-")
                ? command.getCommandSpec().optionsMap().keySet() : command.getSubcommands().keySet());
        String suggestion = suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?";
        if (!first.startsWith("-") && !command.getSubcommands().isEmpty()
                && command.getCommandSpec().positionalParameters().isEmpty()) {
            return "unknown command '" + first + "'" + (suggestions.isEmpty()
                    ? "; the commands are " + String.join(", ", command.getSubcommands().keySet()) : suggestion);
        }
        if (first.startsWith("-")) {
            return "unknown option '" + first + "'" + suggestion;
        }
        return "unexpected argument" + (unmatched.getUnmatched().size() > 1 ? "s " : " ")
                + String.join(" ", unmatched.getUnmatched().stream().map(a -> "'" + a + "'").toList()) + suggestion;
    }
}
