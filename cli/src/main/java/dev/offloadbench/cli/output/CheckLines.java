package dev.offloadbench.cli.output;

import dev.offloadbench.domain.check.CheckResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prerequisites, one line each: status, name, what was found; then the remedy, indented. */
public final class CheckLines {
    private CheckLines() {
    }

    public static void print(PrintWriter out, List<CheckResult> results) {
        for (CheckResult result : results) {
            out.printf(Locale.ROOT, "%-7s %-20s %s%n", result.status().name().toLowerCase(Locale.ROOT),
                    result.name(), result.detail());
            result.remedy().ifPresent(remedy -> out.printf(Locale.ROOT, "        %-20s -> %s%n", "", remedy));
        }
    }
}
