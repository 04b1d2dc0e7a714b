package dev.offloadbench.cli;

import dev.offloadbench.cli.command.ExitCodes;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.run.Interrupted;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failed command's error as one {@code error:} line; the stack trace only with
 * {@code --verbose}. A user's problem exits 2, a bug 70; work the user interrupted before it
 * changed anything says so ({@code Interrupted: ...}) and exits 130.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    private final boolean verbose;

    ErrorReporter(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        int exitCode;
        BenchException problem = userProblem(e);
        if (problem instanceof Interrupted interrupted) {
            // Ctrl-C in the shell stopped a command that has no handler of its own: it changed nothing
            err.println("Interrupted: " + interrupted.getMessage());
            exitCode = ExitCodes.INTERRUPTED;
        } else if (problem != null) {
            err.println("error: " + problem.getMessage());
            exitCode = ExitCodes.BAD_INPUT;
        } else {
            err.println("error: internal error (a bug in offload-bench; please report it): " + e
                    + (verbose ? "" : " (run with --verbose for the stack trace)"));
            exitCode = ExitCodes.INTERNAL_ERROR;
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCode;
    }

    /** The user's problem behind a failure, also when Guice wrapped it while building a service. */
    static BenchException userProblem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BenchException problem) {
                return problem;
            }
        }
        return null;
    }
}
