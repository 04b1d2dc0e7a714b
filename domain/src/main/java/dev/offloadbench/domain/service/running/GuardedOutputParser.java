package dev.offloadbench.domain.service.running;

import dev.offloadbench.domain.spi.TestCounts;
import dev.offloadbench.domain.spi.TestOutputParser;
import dev.offloadbench.domain.spi.TestOutputReader;
import java.util.Objects;
import java.util.Optional;

/**
 * A plugin's output parser for one execution, kept from breaking the run: when it throws (or
 * fails to link, or reads nothing sensible), the rest of the output is passed over, the counts
 * are none, and {@link #failure()} says why, so the run is judged INVALID for that reason.
 */
final class GuardedOutputParser implements TestOutputParser {
    private final TestOutputParser parser;
    private String failure;

    GuardedOutputParser(TestOutputParser parser) {
        this.parser = parser;
    }

    @Override
    public String name() {
        return parser.name();
    }

    @Override
    public TestOutputReader newReader() {
        TestOutputReader reader;
        try {
            reader = Objects.requireNonNull(parser.newReader(), "newReader() returned null");
        } catch (RuntimeException | LinkageError e) {
            fail(e);
            return new Failed();
        }
        return new TestOutputReader() {
            @Override
            public void line(String line) {
                if (failure != null) {
                    return;
                }
                try {
                    reader.line(line);
                } catch (RuntimeException | LinkageError e) {
                    fail(e);
                }
            }

            @Override
            public TestCounts counts() {
                if (failure != null) {
                    return TestCounts.NONE;
                }
                try {
                    return Objects.requireNonNull(reader.counts(), "counts() returned null");
                } catch (RuntimeException | LinkageError e) {
                    fail(e);
                    return TestCounts.NONE;
                }
            }
        };
    }

    /** Why the parser could not read the output, when it could not. */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private void fail(Throwable e) {
        if (failure == null) {
            failure = "output parser " + parser.name() + " failed: " + e;
        }
    }

    private static final class Failed implements TestOutputReader {
        @Override
        public void line(String line) {
        }

        @Override
        public TestCounts counts() {
            return TestCounts.NONE;
        }
    }
}
