package dev.offloadbench.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Output of a long test run, as the parsers see it: the lines of a pytest-xdist session (its
 * header, {@code gw0 I / ...} and {@code gw0 [N] / ...} lines, progress-dot lines, verbose
 * {@code [gw3] PASSED ...} lines, the tests' own logging, a failure report and the closing
 * summary) or of an Offload run (the same pytest lines from its sandboxes, then its
 * {@code Test Results:} block). Deterministic, so every run of a benchmark parses the same text.
 */
public final class SampleOutput {
    /** Tests in the sample session; the numbers every fixture agrees on. */
    public static final int TESTS = 5275;
    public static final int WORKERS = 8;
    public static final int FAILED = 1;
    public static final int SKIPPED = 3;
    public static final int PASSED = TESTS - FAILED - SKIPPED;

    private static final String GREEN = "\u001B[32m";
    private static final String YELLOW = "\u001B[33m";
    private static final String RED = "\u001B[31m";
    private static final String BOLD = "\u001B[1m";
    private static final String RESET = "\u001B[0m";

    private SampleOutput() {
    }

    /** Which run printed the output. */
    public enum Kind {
        /** pytest -n 8 under pytest-xdist 3.1, no colours (output to a pipe). */
        XDIST,
        /** The same, with {@code --color=yes}: every progress letter wrapped in its own colour codes, as pytest writes them. */
        XDIST_COLOUR,
        /** Offload: the sandboxes' pytest lines, then its closing block. */
        OFFLOAD
    }

    /** Exactly {@code count} lines of the given kind of run, ending with its summary. */
    public static List<String> lines(Kind kind, int count) {
        boolean colour = kind == Kind.XDIST_COLOUR;
        List<String> header = header(colour);
        List<String> footer = kind == Kind.OFFLOAD ? offloadFooter() : pytestFooter(colour);
        int bodyLines = count - header.size() - footer.size();
        if (bodyLines < 0) {
            throw new IllegalArgumentException("at least " + (header.size() + footer.size()) + " lines, not " + count);
        }
        List<String> lines = new ArrayList<>(count);
        lines.addAll(header);
        for (int i = 0; i < bodyLines; i++) {
            lines.add(bodyLine(i, bodyLines, colour));
        }
        lines.addAll(footer);
        return lines;
    }

    /** The lines joined with {@code \n}, encoded as UTF-8: what the process writes into its pipe. */
    public static byte[] bytes(List<String> lines) {
        StringBuilder text = new StringBuilder(lines.size() * 80);
        for (String line : lines) {
            text.append(line).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** At least {@code size} bytes of output: the given lines repeated, cut at {@code size}. */
    public static byte[] repeated(List<String> lines, int size) {
        byte[] once = bytes(lines);
        byte[] buffer = new byte[size];
        for (int at = 0; at < size; at += once.length) {
            System.arraycopy(once, 0, buffer, at, Math.min(once.length, size - at));
        }
        return buffer;
    }

    private static List<String> header(boolean colour) {
        List<String> lines = new ArrayList<>();
        lines.add(colour ? BOLD + "============================= test session starts ==============================" + RESET
                : "============================= test session starts ==============================");
        lines.add("platform linux -- Python 3.12.3, pytest-8.3.4, pluggy-1.5.0");
        lines.add("rootdir: /home/runner/work/mng/mng");
        lines.add("configfile: pyproject.toml");
        lines.add("plugins: xdist-3.1.0, anyio-4.6.2, asyncio-0.24.0, timeout-2.3.1, cov-6.0.0");
        lines.add("asyncio: mode=Mode.AUTO, default_loop_scope=function");
        lines.add(gwLine(i -> "I"));
        lines.add(gwLine(i -> "C"));
        lines.add(gwLine(i -> "[" + TESTS + "]"));
        lines.add("");
        return lines;
    }

    private static String gwLine(java.util.function.IntFunction<String> state) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < WORKERS; i++) {
            if (i > 0) {
                line.append(" / ");
            }
            line.append("gw").append(i).append(' ').append(state.apply(i));
        }
        return line.toString();
    }

    /** Mostly progress dots, then the tests' own output and verbose result lines. */
    private static String bodyLine(int i, int bodyLines, boolean colour) {
        int percent = (int) ((long) (i + 1) * 100 / bodyLines);
        switch (i % 8) {
            case 0, 1, 2, 3 -> {
                return progress(i, percent, colour);
            }
            case 4 -> {
                return String.format(Locale.ROOT,
                        "2024-11-0%d 12:%02d:%02d,%03d INFO     mng.db.pool: checked out connection %d of 8 (postgres://localhost:5432/test_gw%d)",
                        1 + i % 9, i / 60 % 60, i % 60, i % 1000, 1 + i % 8, i % WORKERS);
            }
            case 5 -> {
                String result = colour ? GREEN + "PASSED" + RESET : "PASSED";
                return String.format(Locale.ROOT, "[gw%d] [%3d%%] %s tests/integration/test_orders.py::test_refund[eur-%d-partial]",
                        i % WORKERS, percent, result, i);
            }
            case 6 -> {
                return "  /usr/lib/python3.12/site-packages/sqlalchemy/orm/session.py:2871: SAWarning: relationship"
                        + " 'Order.items' will copy column orders.id to column order_items.order_id";
            }
            default -> {
                return "    Captured stdout: {\"order\": " + i + ", \"status\": \"refunded\", \"amount\": \"42.00\", \"currency\": \"EUR\"}";
            }
        }
    }

    private static String progress(int i, int percent, boolean colour) {
        StringBuilder line = new StringBuilder(colour ? 72 * 10 + 20 : 80);
        for (int column = 0; column < 72; column++) {
            char letter = (i * 72 + column) % 997 == 0 ? 's' : (i * 72 + column) % 4999 == 0 ? 'x' : '.';
            if (colour) {
                line.append(letter == '.' ? GREEN : YELLOW).append(letter).append(RESET);
            } else {
                line.append(letter);
            }
        }
        String tail = String.format(Locale.ROOT, " [%3d%%]", percent);
        line.append(colour ? GREEN + tail + RESET : tail);
        return line.toString();
    }

    private static List<String> pytestFooter(boolean colour) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("=================================== FAILURES ===================================");
        lines.add("_______________________ test_refund[usd-17-full] ________________________");
        lines.add("[gw5] linux -- Python 3.12.3 /home/runner/work/mng/mng/.venv/bin/python");
        lines.add("");
        lines.add("    def test_refund(currency, amount, mode):");
        lines.add(">       assert refund(order(currency, amount), mode).status == \"refunded\"");
        lines.add("E       AssertionError: assert 'pending' == 'refunded'");
        lines.add("");
        lines.add("tests/integration/test_orders.py:88: AssertionError");
        lines.add("=========================== short test summary info ============================");
        lines.add("FAILED tests/integration/test_orders.py::test_refund[usd-17-full] - AssertionError");
        String summary = String.format(Locale.ROOT, "%d failed, %d passed, %d skipped, 12 warnings in 345.81s (0:05:45)",
                FAILED, PASSED, SKIPPED);
        lines.add(colour ? RED + "======= " + BOLD + summary + RESET + RED + " =======" + RESET
                : "======= " + summary + " =======");
        return lines;
    }

    private static List<String> offloadFooter() {
        return List.of(
                "Test Results:",
                "  Total: " + TESTS,
                "  Passed: " + (TESTS - FAILED),
                "  Failed: " + FAILED,
                "  Duration: 185.9s",
                "Some tests failed.");
    }
}
