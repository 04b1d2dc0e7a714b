package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.run.TestTally;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What pytest (and pytest-xdist) said, read one line at a time in constant memory. Lines come
 * without colour codes. The last value of each kind wins: a log holding several sessions
 * reports the last one.
 */
final class PytestOutput {
    /** {@code collected 5 items}, {@code collected 1 item / 1 deselected / 0 selected}, {@code collected 0 items / 1 error}. */
    private static final Pattern COLLECTED = Pattern.compile("^(?:collecting \\.\\.\\. )?collected (\\d{1,9}) items?\\b(.*)$");
    private static final Pattern SELECTED = Pattern.compile("/ (\\d{1,9}) selected\\b");
    private static final Pattern DESELECTED = Pattern.compile("/ (\\d{1,9}) deselected\\b");
    /** xdist 3.3 and later: {@code created: 2/2 workers}. */
    private static final Pattern CREATED = Pattern.compile("^created: (\\d{1,9})/(\\d{1,9}) workers?$");
    /** xdist 3.3 and later: {@code 2 workers [12 items]}. */
    private static final Pattern WORKERS_ITEMS = Pattern.compile("^(\\d{1,9}) workers? \\[(\\d{1,9}) items?\\]$");
    /** xdist 3.1: {@code gw0 I / gw1 I}, {@code gw0 C / gw1 ok}, {@code gw0 [12] / gw1 [12]}. */
    private static final String GW_ENTRY = "gw\\d+ (?:\\[\\d+\\]|[A-Za-z]+)";
    private static final Pattern GW_LINE = Pattern.compile("^" + GW_ENTRY + "(?: / " + GW_ENTRY + ")*$");
    private static final Pattern GW_ITEMS = Pattern.compile("^gw\\d+ \\[(\\d{1,9})\\]");
    /**
     * The closing summary, with or without {@code =} padding:
     * {@code ==== 1 failed, 8 passed in 0.29s ====}, {@code 1 passed in 65.43s (0:01:05)}. The
     * duration tail is required, so that a test printing "3 passed" is not taken for it.
     */
    private static final Pattern SUMMARY = Pattern.compile(
            "^=*\\s*(.+?)\\s+in\\s+\\d+(?:\\.\\d+)?\\s*s(?:econds?)?(?:\\s+\\(\\d+:\\d{2}:\\d{2}\\))?\\s*=*$");
    private static final Pattern COUNT = Pattern.compile("^(\\d{1,9}) ([a-z]+)$");
    /** Longer lines are no status line of pytest's (a status line of 500 workers is about 8,000 characters). */
    private static final int LONGEST_STATUS = 16_384;
    /** Longer lines are no summary line, and matching them would only cost time. */
    private static final int LONGEST_SUMMARY = 2_048;

    private OptionalInt collected = OptionalInt.empty();
    private OptionalInt workersStarted = OptionalInt.empty();
    private Summary summary;
    private final Matcher collectedLine = COLLECTED.matcher("");
    private final Matcher createdLine = CREATED.matcher("");
    private final Matcher workersItemsLine = WORKERS_ITEMS.matcher("");
    private final Matcher gwLine = GW_LINE.matcher("");
    private final Matcher gwItems = GW_ITEMS.matcher("");
    private final Matcher summaryLine = SUMMARY.matcher("");

    /** What {@link #workerLine} made of a line. */
    enum WorkerLine {
        /** an xdist 3.1 status line, read */
        READ,
        /** certainly none */
        NOT_ONE,
        /** colour codes or non-ASCII characters in it: only its text can tell */
        UNSURE
    }

    /**
     * Every line pytest's patterns can match starts with one of these ("collected", "created",
     * "gw0", "2 workers", "=== ... in 1.2s", "1 passed in", "no tests ran"); most output (progress
     * dots, test paths, tracebacks) does not, and is skipped without a regular expression.
     */
    private static boolean mayBeStatus(char first) {
        return first == 'c' || first == 'g' || first == '=' || first == 'n' || first >= '0' && first <= '9';
    }

    /** One line of output, colour codes removed. */
    void line(String raw) {
        String line = raw.strip();
        if (line.isEmpty() || line.length() > LONGEST_STATUS || !mayBeStatus(line.charAt(0))) {
            return;
        }
        Matcher m;
        if ((m = collectedLine.reset(line)).matches()) {
            collected = OptionalInt.of(selected(Integer.parseInt(m.group(1)), m.group(2)));
        } else if ((m = createdLine.reset(line)).matches()) {
            workersStarted = OptionalInt.of(Integer.parseInt(m.group(1)));
        } else if ((m = workersItemsLine.reset(line)).matches()) {
            workersStarted = OptionalInt.of(Integer.parseInt(m.group(1)));
            collected = OptionalInt.of(Integer.parseInt(m.group(2)));
        } else if (gwLine.reset(line).matches()) {
            String[] entries = line.split(" / ");
            workersStarted = OptionalInt.of(entries.length);
            Matcher items = gwItems.reset(entries[0]);
            if (items.find()) {
                collected = OptionalInt.of(Integer.parseInt(items.group(1)));
            }
        } else if (line.length() <= LONGEST_SUMMARY && (m = summaryLine.reset(line)).matches()) {
            Summary parsed = Summary.parse(m.group(1));
            if (parsed != null) {
                summary = parsed;
            }
        }
    }

    /**
     * An xdist 3.1 status line ({@code gw0 [12] / gw1 [12]}, {@code gw0 I / gw1 C}) read from its
     * bytes, {@code first} being its first visible byte, as {@link #line} would read its text:
     * without decoding or allocating anything. A line with colour codes or non-ASCII bytes in it
     * is {@link WorkerLine#UNSURE}: only its text can tell.
     */
    WorkerLine workerLine(byte[] bytes, int first, int end) {
        int last = end;
        while (last > first && RunOutput.isAsciiBlank(bytes[last - 1])) {
            last--;
        }
        for (int i = first; i < last; i++) {
            if (bytes[i] < 0 || bytes[i] == 0x1B) {
                return WorkerLine.UNSURE;
            }
        }
        if (last - first > LONGEST_STATUS) {
            return WorkerLine.NOT_ONE;
        }
        int entries = 0;
        int items = -1;
        int i = first;
        while (true) {
            // gw\d+
            if (i + 2 >= last || bytes[i] != 'g' || bytes[i + 1] != 'w' || !digit(bytes[i + 2])) {
                return WorkerLine.NOT_ONE;
            }
            i += 3;
            while (i < last && digit(bytes[i])) {
                i++;
            }
            if (i >= last || bytes[i] != ' ') {
                return WorkerLine.NOT_ONE;
            }
            i++;
            // \[\d+\] or [A-Za-z]+
            if (i < last && bytes[i] == '[') {
                int digits = ++i;
                while (i < last && digit(bytes[i])) {
                    i++;
                }
                if (i == digits || i >= last || bytes[i] != ']') {
                    return WorkerLine.NOT_ONE;
                }
                if (entries == 0 && i - digits <= 9) {
                    items = 0;
                    for (int d = digits; d < i; d++) {
                        items = items * 10 + bytes[d] - '0';
                    }
                }
                i++;
            } else {
                int letters = i;
                while (i < last && (bytes[i] >= 'A' && bytes[i] <= 'Z' || bytes[i] >= 'a' && bytes[i] <= 'z')) {
                    i++;
                }
                if (i == letters) {
                    return WorkerLine.NOT_ONE;
                }
            }
            entries++;
            if (i == last) {
                break;
            }
            // " / " before the next entry
            if (i + 3 > last || bytes[i] != ' ' || bytes[i + 1] != '/' || bytes[i + 2] != ' ') {
                return WorkerLine.NOT_ONE;
            }
            i += 3;
        }
        workersStarted = OptionalInt.of(entries);
        if (items >= 0) {
            collected = OptionalInt.of(items);
        }
        return WorkerLine.READ;
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static int selected(int collected, String rest) {
        Matcher selected = SELECTED.matcher(rest);
        if (selected.find()) {
            return Integer.parseInt(selected.group(1));
        }
        Matcher deselected = DESELECTED.matcher(rest);
        if (deselected.find()) {
            return Math.max(0, collected - Integer.parseInt(deselected.group(1)));
        }
        return collected;
    }

    /** What was seen so far. */
    TestTally tally() {
        Summary s = summary == null ? Summary.NONE : summary;
        return new TestTally(collected, s.passed, s.failed, s.errors, s.skipped, s.xfailed, s.xpassed, 0, 0,
                workersStarted, summary != null, s.noTestsRan);
    }

    /** The counts of one summary line. */
    private static final class Summary {
        static final Summary NONE = new Summary();

        int passed;
        int failed;
        int errors;
        int skipped;
        int xfailed;
        int xpassed;
        boolean noTestsRan;

        /** The counts, or null when the text is not a summary after all. */
        static Summary parse(String body) {
            Summary summary = new Summary();
            boolean known = false;
            for (String part : body.split(",")) {
                String item = part.strip();
                if (item.equals("no tests ran")) {
                    summary.noTestsRan = true;
                    known = true;
                    continue;
                }
                Matcher count = COUNT.matcher(item);
                if (!count.matches()) {
                    return null;
                }
                int n = Integer.parseInt(count.group(1));
                known |= summary.add(count.group(2), n);
            }
            return known ? summary : null;
        }

        /** Whether the word is one pytest uses in its summary. */
        private boolean add(String word, int n) {
            switch (word) {
                case "passed" -> passed = n;
                case "failed" -> failed = n;
                case "error", "errors" -> errors = n;
                case "skipped" -> skipped = n;
                case "xfailed" -> xfailed = n;
                case "xpassed" -> xpassed = n;
                case "warning", "warnings", "deselected", "rerun", "reruns" -> {
                    // Counted by pytest, not needed for a run's validity.
                }
                default -> {
                    return false;
                }
            }
            return true;
        }
    }
}
