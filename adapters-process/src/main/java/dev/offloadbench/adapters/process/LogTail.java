package dev.offloadbench.adapters.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last lines of a log, read from its end: what a command said just before it stopped. */
final class LogTail {
    /** How much of the end of a log is read. */
    private static final int WINDOW = 256 * 1024;

    private LogTail() {
    }

    /**
     * At most {@code count} of the log's last lines, each cut at {@code maxChars} (marked with an
     * ellipsis); none when the log cannot be read.
     */
    static List<String> lastLines(Path log, int count, int maxChars) {
        Deque<String> lines = new ArrayDeque<>();
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            long size = channel.size();
            long from = Math.max(0, size - WINDOW);
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - from));
            while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) > 0) {
                // reading
            }
            boolean[] partial = {from > 0};
            LineSplitter splitter = LineSplitter.decoding(line -> {
                if (partial[0]) {
                    partial[0] = false; // the end of a line that began before the window
                    return;
                }
                lines.addLast(line.length() > maxChars ? line.substring(0, maxChars) + " …" : line);
                if (lines.size() > count) {
                    lines.removeFirst();
                }
            });
            splitter.accept(buffer.array(), 0, buffer.position());
            splitter.finish();
        } catch (IOException e) {
            return List.of();
        }
        return List.copyOf(lines);
    }
}
