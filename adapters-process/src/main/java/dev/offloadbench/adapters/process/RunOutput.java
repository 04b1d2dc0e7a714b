package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.run.TestTally;
import java.io.IOException;
import java.io.InputStream;
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
 * What a run's output says about its tests, read line by line as it comes: pytest's and
 * pytest-xdist's lines, Offload's closing block, and the {@code log: PATH} lines of recipes that
 * send pytest's output to a file (read with {@link #readLogFiles}). Offload's counts win when its
 * block was seen; otherwise pytest's. Safe to read from another thread while lines still arrive.
 */
final class RunOutput {
    /** CSI sequences (colours, cursor moves) and OSC sequences (titles, links). */
    private static final Pattern ANSI = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)|\u001B[@-Z\\\\-_]");
    private static final Pattern LOG_LINE = Pattern.compile("^log:\\s+(\\S.*)$");
    /** Enough for any recipe; a run printing thousands of log lines does not grow memory with them. */
    private static final int MAX_LOG_FILES = 32;
    private static final int READ_CHUNK = 64 * 1024;

    private final PytestOutput pytest = new PytestOutput();
    private final OffloadOutput offload = new OffloadOutput();
    private final Set<String> logFiles = new LinkedHashSet<>();

    /** One line of the run's own output. */
    synchronized void line(String raw) {
        String line = stripAnsi(raw);
        parse(line);
        Matcher log = LOG_LINE.matcher(line.strip());
        if (log.matches() && logFiles.size() < MAX_LOG_FILES) {
            logFiles.add(log.group(1).strip());
        }
    }

    private void parse(String line) {
        pytest.line(line);
        offload.line(line);
    }

    /** Colour and cursor codes removed. */
    static String stripAnsi(String line) {
        return line.indexOf('\u001B') < 0 ? line : ANSI.matcher(line).replaceAll("");
    }

    /** The {@code log: PATH} files named so far, in order, resolved against {@code directory}. */
    synchronized List<Path> logFiles(Path directory) {
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
        LineSplitter splitter = new LineSplitter(line -> {
            synchronized (this) {
                parse(stripAnsi(line));
            }
        });
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[READ_CHUNK];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                splitter.accept(buffer, 0, n);
            }
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            // Unreadable: what was read counts.
        }
        splitter.finish();
        end();
    }

    /** The end of all output. */
    synchronized void end() {
        offload.end();
    }

    /** What the output said so far. */
    synchronized TestTally tally() {
        return offload.summarySeen() ? offload.tally() : pytest.tally();
    }
}
