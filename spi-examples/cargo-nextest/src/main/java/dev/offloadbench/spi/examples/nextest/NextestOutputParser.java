package dev.offloadbench.spi.examples.nextest;

import dev.offloadbench.domain.spi.TestCounts;
import dev.offloadbench.domain.spi.TestOutputParser;
import dev.offloadbench.domain.spi.TestOutputReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of {@code cargo nextest run} (nextest 0.9): its opening line
 * {@code Starting 14 tests across 3 binaries (177 tests skipped)} and its closing summary
 * {@code Summary [   0.021s] 14 tests run: 14 passed, 177 skipped}, which also counts failed,
 * timed-out and flaky tests, tests that could not be executed, and, when the run was cancelled,
 * tests that did not run ({@code 8/10 tests run}). nextest does not print its thread count.
 */
public final class NextestOutputParser implements TestOutputParser {
    /** The name profiles give it. */
    public static final String NAME = "cargo-nextest";

    private static final Pattern STARTING = Pattern.compile(
            "^\\s*Starting (\\d+) tests? across \\d+ binar(?:y|ies)(?: \\((\\d+) (?:tests? )?skipped\\))?");
    private static final Pattern SUMMARY = Pattern.compile(
            "^\\s*Summary \\[[^\\]]*\\] (\\d+)(?:/(\\d+))? tests? run: (.*)$");
    private static final Pattern PASSED = Pattern.compile("^(\\d+) passed(?: \\(([^)]*)\\))?");
    private static final Pattern COUNT = Pattern.compile("(\\d+) ([a-z ]+?)(?: \\([^)]*\\))?$");
    private static final Pattern FLAKY = Pattern.compile("(\\d+) flaky");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TestOutputReader newReader() {
        return new Reader();
    }

    private static final class Reader implements TestOutputReader {
        private TestCounts counts = TestCounts.NONE;

        @Override
        public void line(String line) {
            Matcher starting = STARTING.matcher(line);
            if (starting.find()) {
                counts = counts.withTests(Integer.parseInt(starting.group(1)));
                if (starting.group(2) != null) {
                    counts = counts.withSkipped(Integer.parseInt(starting.group(2)));
                }
                return;
            }
            Matcher summary = SUMMARY.matcher(line);
            if (summary.find()) {
                counts = summary(counts, summary);
            }
        }

        @Override
        public TestCounts counts() {
            return counts;
        }
    }

    /** {@code 8/10 tests run: 5 passed (1 slow, 1 flaky, 1 leaky), 2 failed, 1 exec failed, 1 timed out, 2 skipped}. */
    private static TestCounts summary(TestCounts before, Matcher summary) {
        int finished = Integer.parseInt(summary.group(1));
        int initial = summary.group(2) == null ? finished : Integer.parseInt(summary.group(2));
        TestCounts counts = before.withTests(initial).withNotRun(initial - finished).withSummarySeen(true);
        int failed = 0;
        for (String part : parts(summary.group(3))) {
            String item = part.strip();
            Matcher passed = PASSED.matcher(item);
            if (passed.find()) {
                counts = counts.withPassed(Integer.parseInt(passed.group(1)));
                if (passed.group(2) != null) {
                    Matcher flaky = FLAKY.matcher(passed.group(2));
                    if (flaky.find()) {
                        counts = counts.withFlaky(Integer.parseInt(flaky.group(1)));
                    }
                }
                continue;
            }
            Matcher count = COUNT.matcher(item);
            if (!count.find()) {
                continue;
            }
            int n = Integer.parseInt(count.group(1));
            switch (count.group(2)) {
                case "failed", "timed out" -> failed += n;
                case "exec failed" -> counts = counts.withErrors(n);
                case "skipped" -> counts = counts.withSkipped(n);
                default -> {
                    // a count nextest may add later: nothing said about it
                }
            }
        }
        return counts.withFailed(failed);
    }

    /** The comma-separated parts of the summary, a parenthesis ({@code (1 slow, 1 flaky)}) staying with its count. */
    private static java.util.List<String> parts(String text) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
