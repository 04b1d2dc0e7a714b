package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.port.out.CommandRunner;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a short command with a base environment plus the given one, standard input closed
 * and stdout and stderr interleaved. Only the last {@value #KEPT_LINES} lines are kept, so a
 * chatty command costs constant memory. On timeout the command and every process it started are
 * ended.
 */
public final class ProcessCommandRunner implements CommandRunner {
    static final int KEPT_LINES = 200;
    static final int MAX_LINE_CHARS = 4_000;

    private final Map<String, String> baseEnvironment;

    /** Commands inherit this process's environment. */
    public ProcessCommandRunner() {
        this(System.getenv());
    }

    /** Commands get {@code baseEnvironment} plus what each call adds. */
    public ProcessCommandRunner(Map<String, String> baseEnvironment) {
        this.baseEnvironment = Map.copyOf(baseEnvironment);
    }

    @Override
    public Completed run(List<String> argv, Path directory, Map<String, String> environment, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("no command to run");
        }
        if (!Files.isDirectory(directory)) {
            throw new BenchException("cannot run `" + Processes.display(argv) + "`: the folder " + directory
                    + " does not exist");
        }
        Process process;
        try {
            process = Processes.start(argv, directory, baseEnvironment, environment, true);
        } catch (Processes.StartFailure e) {
            String why = e.notFound() ? "`" + argv.get(0) + "` was not found on the PATH; install it or check its name"
                    : e.getMessage();
            throw new BenchException("cannot run `" + Processes.display(argv) + "` in " + directory + ": " + why, e);
        }
        OutputTail tail = new OutputTail(KEPT_LINES, MAX_LINE_CHARS);
        Thread pump = Processes.pump(process.getInputStream(), tail::accept, "output of " + argv.get(0));
        boolean timedOut = !Processes.waitFor(process, timeout);
        if (timedOut) {
            Processes.destroyTree(process);
        }
        Processes.join(pump);
        return new Completed(timedOut ? -1 : process.exitValue(), timedOut, tail.text());
    }

    /** The last lines of a byte stream, decoded as UTF-8; each line capped in length. */
    static final class OutputTail {
        private final int keptLines;
        private final int maxLineChars;
        private final Deque<String> lines = new ArrayDeque<>();
        private final StringBuilder current = new StringBuilder();
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer pending = ByteBuffer.allocate(0);
        private boolean lineTruncated;

        OutputTail(int keptLines, int maxLineChars) {
            this.keptLines = keptLines;
            this.maxLineChars = maxLineChars;
        }

        synchronized void accept(byte[] chunk) {
            ByteBuffer input = ByteBuffer.allocate(pending.remaining() + chunk.length);
            input.put(pending).put(chunk).flip();
            CharBuffer chars = CharBuffer.allocate(input.remaining() + 1);
            decoder.decode(input, chars, false);
            pending = input.slice();
            chars.flip();
            while (chars.hasRemaining()) {
                char c = chars.get();
                if (c == '\n') {
                    endLine();
                } else if (current.length() < maxLineChars) {
                    current.append(c);
                } else {
                    lineTruncated = true;
                }
            }
        }

        private void endLine() {
            int end = current.length();
            if (end > 0 && current.charAt(end - 1) == '\r') {
                current.setLength(end - 1);
            }
            lines.addLast(lineTruncated ? current + " …" : current.toString());
            current.setLength(0);
            lineTruncated = false;
            if (lines.size() > keptLines) {
                lines.removeFirst();
            }
        }

        /** The kept lines, joined by {@code \n}; an unfinished last line included. */
        synchronized String text() {
            StringBuilder text = new StringBuilder(String.join("\n", lines));
            if (current.length() > 0 || pending.hasRemaining()) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append(current);
                if (pending.hasRemaining()) {
                    text.append('\uFFFD');
                }
            }
            return text.toString();
        }
    }
}
