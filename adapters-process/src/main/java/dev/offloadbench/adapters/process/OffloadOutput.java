package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.run.TestTally;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Offload's closing block, read one line at a time in constant memory:
 * <pre>
 * Test Results:
 *   Total: 12
 *   Passed: 11
 *   Failed: 1
 *   Not Run: 0      (only when non-zero)
 *   Flaky: 0        (only when non-zero)
 *   Duration: 41.2s
 * Some tests failed.   (or All tests passed!)
 * </pre>
 * A block counts once it has a Total and ends: with its verdict line, any other line, or the
 * end of the output. The last complete block wins.
 */
final class OffloadOutput {
    private static final Pattern FIELD = Pattern.compile("^(Total|Passed|Failed|Not Run|Flaky|Duration):\\s*(.*)$");
    private static final Pattern NUMBER = Pattern.compile("^(\\d{1,9})\\b");

    private final Matcher field = FIELD.matcher("");
    private final Matcher number = NUMBER.matcher("");

    private Block pending;
    private Block seen;

    /** One line of output, colour codes removed. */
    void line(String raw) {
        String line = raw.strip();
        if (line.equals("Test Results:")) {
            close();
            pending = new Block();
            return;
        }
        if (pending == null) {
            return;
        }
        if (line.isEmpty()) {
            return;
        }
        if (field.reset(line).matches()) {
            pending.set(field.group(1), number.reset(field.group(2)));
            return;
        }
        // "All tests passed!", "Some tests failed." or anything else: the block is over.
        close();
    }

    /** The end of the output: a block still open counts if it is complete enough. */
    void end() {
        close();
    }

    private void close() {
        if (pending != null && pending.total != null) {
            seen = pending;
        }
        pending = null;
    }

    /** Whether a block is open: every line counts until it closes. */
    boolean inBlock() {
        return pending != null;
    }

    boolean summarySeen() {
        return seen != null;
    }

    /** The last complete block's counts, or {@link TestTally#NOTHING}. */
    TestTally tally() {
        if (seen == null) {
            return TestTally.NOTHING;
        }
        return new TestTally(OptionalInt.of(seen.total), seen.passed, seen.failed, 0, 0, 0, 0, seen.notRun, seen.flaky,
                OptionalInt.empty(), true, false);
    }

    private static final class Block {
        Integer total;
        int passed;
        int failed;
        int notRun;
        int flaky;

        void set(String name, Matcher number) {
            if (!number.find()) {
                return;
            }
            int n;
            try {
                n = Integer.parseInt(number.group(1));
            } catch (NumberFormatException e) {
                return;
            }
            switch (name) {
                case "Total" -> total = n;
                case "Passed" -> passed = n;
                case "Failed" -> failed = n;
                case "Not Run" -> notRun = n;
                case "Flaky" -> flaky = n;
                default -> {
                    // Duration is not a count.
                }
            }
        }
    }
}
