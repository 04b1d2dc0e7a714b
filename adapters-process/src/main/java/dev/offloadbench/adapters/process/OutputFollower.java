package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.port.out.RunExecutor.OutputListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Follows a run's log behind the thread that writes it, in a thread of its own, and tells the
 * listener what it finds: every byte in blocks when the listener wants them all (to echo them),
 * otherwise only the latest complete line, at most a few times a second. The writer never waits
 * for it: the follower reads the file, not the pipe, so a slow listener (a terminal, a status
 * line) only makes the follower fall behind. A listener that throws is no longer told anything;
 * the run goes on.
 */
final class OutputFollower {
    /** How often the follower looks at the log; the status line it feeds is redrawn once a second. */
    static final Duration POLL = Duration.ofMillis(50);
    private static final int BLOCK = 256 * 1024;
    /** How far back from the end the latest line is looked for; a longer line is not shown. */
    private static final int TAIL = 4096;
    private static final int LONGEST_SHOWN = 1000;

    private final Path log;
    private final OutputListener listener;
    private final boolean everyByte;
    private final Thread thread;
    private volatile boolean writerDone;

    private OutputFollower(Path log, OutputListener listener, String name) {
        this.log = log;
        this.listener = listener;
        this.everyByte = wantsEveryByte(listener);
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    /** Starts following {@code log}, which exists and is being written. */
    static OutputFollower start(Path log, OutputListener listener, String name) {
        OutputFollower follower = new OutputFollower(log, listener, name);
        follower.thread.start();
        return follower;
    }

    private static boolean wantsEveryByte(OutputListener listener) {
        try {
            return listener.wantsEveryByte();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The log is complete: the follower reads what is left (every byte when the listener wants
     * them all, else the last line) and ends; returns when it has. True when interrupted
     * meanwhile (the interrupt is consumed, for the caller to restore).
     */
    boolean finish() {
        writerDone = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    private void run() {
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(everyByte ? BLOCK : TAIL);
            long position = 0;
            while (true) {
                boolean last = writerDone;
                long size = channel.size();
                if (everyByte) {
                    position = forward(channel, buffer, position, size);
                } else if (size > position) {
                    tellLatestLine(channel, buffer, size);
                    position = size;
                }
                if (last) {
                    return;
                }
                LockSupport.parkNanos(this, POLL.toNanos());
            }
        } catch (IOException | RuntimeException e) {
            // The log cannot be followed (or the listener broke): the run and its log go on regardless.
        }
    }

    /** Every byte from {@code position} to {@code size}, in blocks; the new position. */
    private long forward(FileChannel channel, ByteBuffer buffer, long position, long size) throws IOException {
        long at = position;
        while (at < size) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), size - at));
            int n = channel.read(buffer, at);
            if (n <= 0) {
                break;
            }
            listener.output(buffer.array(), 0, n);
            at += n;
        }
        return at;
    }

    /** The last complete, non-blank line before {@code size}, when the tail holds one. */
    private void tellLatestLine(FileChannel channel, ByteBuffer buffer, long size) throws IOException {
        buffer.clear();
        long from = Math.max(0, size - buffer.capacity());
        buffer.limit((int) (size - from));
        int length = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, from + length);
            if (n <= 0) {
                break;
            }
            length += n;
        }
        String line = latestLine(buffer.array(), length, from == 0);
        if (line != null) {
            listener.latestLine(line);
        }
    }

    /**
     * The last complete line of {@code bytes[0, length)} that has something to show, decoded; null
     * when there is none. Without {@code fromStart} the first piece may be the end of a longer line,
     * which is not shown.
     */
    static String latestLine(byte[] bytes, int length, boolean fromStart) {
        int end = length;
        // the text after the last line ending is a line still being written
        while (end > 0 && !isLineEnd(bytes[end - 1])) {
            end--;
        }
        while (end > 0) {
            int contentEnd = end;
            while (contentEnd > 0 && isLineEnd(bytes[contentEnd - 1])) {
                contentEnd--;
            }
            int start = contentEnd;
            while (start > 0 && !isLineEnd(bytes[start - 1])) {
                start--;
            }
            if (start == 0 && !fromStart) {
                return null;
            }
            if (RunOutput.firstVisible(bytes, start, contentEnd) < contentEnd) {
                int shown = Math.min(contentEnd - start, LONGEST_SHOWN);
                return new String(bytes, start, LineSplitter.completeCharacters(bytes, start, start + shown) - start,
                        StandardCharsets.UTF_8);
            }
            end = start;
        }
        return null;
    }

    private static boolean isLineEnd(byte b) {
        return b == '\n' || b == '\r';
    }
}
