package dev.offloadbench.cli.command;

/** What {@code bench} exits with. */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** Refused or finished with INVALID runs: nothing wrong with the input, but the numbers do not count. */
    public static final int INVALID_RUNS = 1;
    /** Bad input or usage: a file, a field, an option; the message says which and how to fix it. */
    public static final int BAD_INPUT = 2;
    /** {@code bench compare} with a regression gate found a run slower than the gate allows. */
    public static final int REGRESSION = 3;
    /** Interrupted by Ctrl-C (SIGINT): 128 + 2, as a shell reports it. */
    public static final int INTERRUPTED = 130;
    /** A bug in offload-bench itself (EX_SOFTWARE). */
    public static final int INTERNAL_ERROR = 70;

    private ExitCodes() {
    }
}
