package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.run.TestTally;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run's output says about its tests: pytest's and pytest-xdist's lines, Offload's closing
 * block, and the {@code log: PATH} lines of recipes that send pytest's output to a file (read
 * with {@link #readLogFiles}). Offload's counts win when its block was seen; otherwise pytest's.
 *
 * <p>Lines come as bytes ({@link #line(byte[], int, int)}) and are filtered before anything is
 * decoded: only a line whose first visible character (after blanks and colour codes) can start
 * something these parsers read is decoded, stripped of its colour codes and matched; pytest-xdist's
 * {@code gw0 [4] / gw1 [4]} lines are read from the bytes themselves. A line that cannot match
 * allocates nothing, so a run printing a gigabyte costs little to read.
 */
final class RunOutput {
    /** CSI sequences (colours, cursor moves) and OSC sequences (titles, links). */
    private static final Pattern ANSI = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)|\u001B[@-Z\\\\-_]");
    private static final Pattern LOG_LINE = Pattern.compile("^log:\\s+(\\S.*)$");
    /** Enough for any recipe; a run printing thousands of log lines does not grow memory with them. */
    private static final int MAX_LOG_FILES = 32;
    private static final byte ESC = 0x1B;
    private static final byte[] COLLECT = ascii("collect");
    private static final byte[] CREATED = ascii("created");
    private static final byte[] NO_TESTS_RAN = ascii("no tests ran");
    private static final byte[] TEST_RESULTS = ascii("Test Results:");
    private static final byte[] LOG = ascii("log:");

    private final PytestOutput pytest = new PytestOutput();
    private final OffloadOutput offload = new OffloadOutput();
    private final Set<String> logFiles = new LinkedHashSet<>();
    private final Matcher logLine = LOG_LINE.matcher("");
    private final Matcher ansi = ANSI.matcher("");

    /** The output of a finished run, read from its log; a log that cannot be read says nothing. */
    static RunOutput read(Path log) {
        RunOutput output = new RunOutput();
        try (InputStream in = Files.newInputStream(log)) {
            LineSplitter.readAll(in, output::line);
        } catch (IOException e) {
            // Unreadable (removed meanwhile): what was read counts.
        }
        output.end();
        return output;
    }

    /** One line of the run's own output, as bytes. */
    void line(byte[] bytes, int start, int end) {
        if (offload.inBlock()) {
            line(decode(bytes, start, end));
            return;
        }
        int first = firstVisible(bytes, start, end);
        if (first == end) {
            return; // blank: nothing here reads it
        }
        byte b = bytes[first];
        if (b == 'g') {
            switch (pytest.workerLine(bytes, first, end)) {
                case READ, NOT_ONE -> {
                    return;
                }
                default -> {
                    // colour codes or other characters inside: read as text below
                }
            }
        } else if (!mayMatter(bytes, first, end)) {
            return;
        }
        line(decode(bytes, start, end));
    }

    /** One line of the run's own output, as text. */
    void line(String raw) {
        String line = stripAnsi(raw);
        parse(line);
        if (line.indexOf("log:") >= 0 && logLine.reset(line.strip()).matches() && logFiles.size() < MAX_LOG_FILES) {
            logFiles.add(logLine.group(1).strip());
        }
    }

    private void parse(String line) {
        pytest.line(line);
        offload.line(line);
    }

    private static String decode(byte[] bytes, int start, int end) {
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    private String stripAnsi(String line) {
        return line.indexOf('\u001B') < 0 ? line : ansi.reset(line).replaceAll("");
    }

    /** Colour and cursor codes removed. */
    static String withoutAnsi(String line) {
        return line.indexOf('\u001B') < 0 ? line : ANSI.matcher(line).replaceAll("");
    }

    /**
     * Whether the line, whose first visible byte is at {@code first}, may be one the parsers read
     * (a superset: the parsers decide). pytest: {@code collected}/{@code collecting},
     * {@code created:}, {@code 2 workers [...]}, a summary ({@code ===...} or {@code 3 passed in ...},
     * {@code no tests ran in ...}); Offload: {@code Test Results:}; a recipe's {@code log: PATH}. A
     * non-ASCII first byte may be a blank that {@link String#strip} removes: read as text.
     */
    private static boolean mayMatter(byte[] bytes, int first, int end) {
        byte b = bytes[first];
        switch (b) {
            case '=':
                return true;
            case 'c':
                return startsWith(bytes, first, end, COLLECT) || startsWith(bytes, first, end, CREATED);
            case 'n':
                return startsWith(bytes, first, end, NO_TESTS_RAN);
            case 'T':
                return startsWith(bytes, first, end, TEST_RESULTS);
            case 'l':
                return startsWith(bytes, first, end, LOG);
            default:
                if (b >= '0' && b <= '9') {
                    return countThenWord(bytes, first, end);
                }
                return b < 0;
        }
    }

    /** {@code 12 passed...}, {@code 2 workers...}: digits, one space, a letter. */
    private static boolean countThenWord(byte[] bytes, int first, int end) {
        int i = first;
        while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
            i++;
        }
        return i + 1 < end && bytes[i] == ' ' && (bytes[i + 1] >= 'a' && bytes[i + 1] <= 'z');
    }

    private static boolean startsWith(byte[] bytes, int at, int end, byte[] prefix) {
        if (end - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first byte of the line that {@link #stripAnsi} and {@link String#strip} would keep first:
     * past ASCII blanks and colour codes; {@code end} when there is none. A non-ASCII byte stops the
     * search (it may be a blank only the decoded text can tell).
     */
    static int firstVisible(byte[] bytes, int start, int end) {
        int i = start;
        while (i < end) {
            byte b = bytes[i];
            if (isAsciiBlank(b)) {
                i++;
            } else if (b == ESC) {
                int length = ansiLength(bytes, i, end);
                if (length == 0) {
                    return i;
                }
                i += length;
            } else {
                return i;
            }
        }
        return end;
    }

    /** What {@link Character#isWhitespace} says of the ASCII range. */
    static boolean isAsciiBlank(byte b) {
        return b == ' ' || b >= 0x09 && b <= 0x0D || b >= 0x1C && b <= 0x1F;
    }

    /** The length of the escape sequence {@link #ANSI} matches at {@code at} (an ESC), or 0 when none does. */
    static int ansiLength(byte[] bytes, int at, int end) {
        if (at + 1 >= end) {
            return 0;
        }
        byte kind = bytes[at + 1];
        if (kind == '[') {
            int i = at + 2;
            while (i < end && bytes[i] >= 0x30 && bytes[i] <= 0x3F) {
                i++;
            }
            while (i < end && bytes[i] >= 0x20 && bytes[i] <= 0x2F) {
                i++;
            }
            if (i < end && bytes[i] >= 0x40 && bytes[i] <= 0x7E) {
                return i + 1 - at;
            }
        } else if (kind == ']') {
            int i = at + 2;
            while (i < end && bytes[i] != 0x07 && bytes[i] != ESC) {
                i++;
            }
            if (i < end && bytes[i] == 0x07) {
                return i + 1 - at;
            }
            if (i + 1 < end && bytes[i] == ESC && bytes[i + 1] == '\\') {
                return i + 2 - at;
            }
        }
        // ESC followed by one of @ to Z, or \ to _ (not '[')
        return kind >= 0x40 && kind <= 0x5A || kind >= 0x5C && kind <= 0x5F ? 2 : 0;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The {@code log: PATH} files named so far, in order, resolved against {@code directory}. */
    List<Path> logFiles(Path directory) {
        List<Path> files = new ArrayList<>();
        for (String name : logFiles) {
            try {
                files.add(directory.resolve(name).normalize());
            } catch (InvalidPathException e) {
                // Not a path after all ("log: something else"): nothing to read.
            }
        }
        return files;
    }

    /**
     * Parses the files the output named, after the run, each streamed line by line. A file that
     * does not exist (any more) or cannot be read is passed over: the run's own output stands.
     */
    void readLogFiles(Path directory) {
        for (Path file : logFiles(directory)) {
            readLogFile(file);
        }
    }

    private void readLogFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            LineSplitter.readAll(in, (bytes, start, end) -> {
                if (offload.inBlock() || mayMatterInLogFile(bytes, start, end)) {
                    parse(stripAnsi(decode(bytes, start, end)));
                }
            });
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            // Unreadable: what was read counts.
        }
        end();
    }

    /** In a named log file only the test runners' lines count (no further {@code log:} lines are followed). */
    private boolean mayMatterInLogFile(byte[] bytes, int start, int end) {
        int first = firstVisible(bytes, start, end);
        return first < end && (bytes[first] == 'g' || mayMatter(bytes, first, end));
    }

    /** The end of all output. */
    void end() {
        offload.end();
    }

    /** What the output said so far. */
    TestTally tally() {
        return offload.summarySeen() ? offload.tally() : pytest.tally();
    }
}
