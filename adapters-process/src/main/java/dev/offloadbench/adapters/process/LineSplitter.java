package dev.offloadbench.adapters.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into lines, in constant memory, without decoding anything: each line goes
 * to the sink as a range of bytes, most often of the very buffer it was read into. A line ends at
 * {@code \n}, {@code \r\n} or a lone {@code \r} (a progress bar rewriting itself; a {@code \r} at
 * the start of a line ends nothing); a line longer than {@link #MAX_LINE_BYTES} keeps only its
 * beginning, cut before a character it would split.
 */
final class LineSplitter {
    static final int MAX_LINE_BYTES = 64 * 1024;
    /** What a log is read in: large reads, few system calls. */
    static final int READ_CHUNK = 1024 * 1024;

    /** Where lines go: {@code bytes[start, end)}, valid only during the call. */
    @FunctionalInterface
    interface Lines {
        void line(byte[] bytes, int start, int end);
    }

    private final Lines sink;
    /** The beginning of a line that spans two chunks. */
    private final byte[] carry = new byte[MAX_LINE_BYTES];
    private int carried;
    private boolean truncated;
    /** The previous chunk ended a line with {@code \r}, so a {@code \n} first in this one ends nothing more. */
    private boolean afterCarriageReturn;

    LineSplitter(Lines sink) {
        this.sink = sink;
    }

    /** Lines decoded as UTF-8 (malformed bytes replaced), for readers that want text. */
    static LineSplitter decoding(Consumer<String> sink) {
        return new LineSplitter((bytes, start, end) -> sink.accept(new String(bytes, start, end - start,
                StandardCharsets.UTF_8)));
    }

    /** Every line of {@code in}, read in large chunks, to the end. */
    static void readAll(InputStream in, Lines sink) throws IOException {
        LineSplitter splitter = new LineSplitter(sink);
        byte[] buffer = new byte[READ_CHUNK];
        int n;
        while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
            splitter.accept(buffer, 0, n);
        }
        splitter.finish();
    }

    void accept(byte[] bytes, int offset, int count) {
        int end = offset + count;
        int i = offset;
        if (afterCarriageReturn && i < end) {
            afterCarriageReturn = false;
            if (bytes[i] == '\n') {
                i++;
            }
        }
        int lineStart = i;
        for (; i < end; i++) {
            byte b = bytes[i];
            if (b != '\n' && b != '\r') {
                continue;
            }
            if (b == '\n') {
                emit(bytes, lineStart, i);
            } else if (i > lineStart || carried > 0 || truncated) {
                emit(bytes, lineStart, i);
                if (i + 1 < end) {
                    if (bytes[i + 1] == '\n') {
                        i++;
                    }
                } else {
                    afterCarriageReturn = true;
                }
            }
            lineStart = i + 1;
        }
        keep(bytes, lineStart, end);
    }

    /** The end of the stream: an unfinished last line is a line too. */
    void finish() {
        if (carried > 0 || truncated) {
            emit(carry, 0, 0);
        }
        afterCarriageReturn = false;
    }

    private void keep(byte[] bytes, int start, int end) {
        int room = MAX_LINE_BYTES - carried;
        int length = end - start;
        if (length > room) {
            truncated = true;
            length = room;
        }
        System.arraycopy(bytes, start, carry, carried, length);
        carried += length;
    }

    private void emit(byte[] bytes, int start, int end) {
        if (carried == 0 && !truncated) {
            if (end - start > MAX_LINE_BYTES) {
                sink.line(bytes, start, completeCharacters(bytes, start, start + MAX_LINE_BYTES));
            } else {
                sink.line(bytes, start, end);
            }
            return;
        }
        if (bytes != carry) {
            keep(bytes, start, end);
        }
        int length = truncated ? completeCharacters(carry, 0, carried) : carried;
        carried = 0;
        truncated = false;
        sink.line(carry, 0, length);
    }

    /** Where a cut line ends without half a UTF-8 character: before the lead byte of an incomplete one. */
    static int completeCharacters(byte[] bytes, int start, int end) {
        int lead = end - 1;
        while (lead >= start && lead > end - 4 && (bytes[lead] & 0xC0) == 0x80) {
            lead--;
        }
        if (lead < start) {
            return end;
        }
        int b = bytes[lead] & 0xFF;
        int length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return lead + length > end ? lead : end;
    }
}
