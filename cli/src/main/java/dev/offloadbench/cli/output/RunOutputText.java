package dev.offloadbench.cli.output;

import java.util.regex.Pattern;

/** Output lines of a run, made fit for a one-line status. */
final class RunOutputText {
    /** ANSI escape sequences (colours, cursor moves) that test runners print on terminals. */
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

    private RunOutputText() {
    }

    static String withoutColours(String line) {
        return line.indexOf('\u001B') < 0 ? line : ANSI.matcher(line).replaceAll("");
    }
}
