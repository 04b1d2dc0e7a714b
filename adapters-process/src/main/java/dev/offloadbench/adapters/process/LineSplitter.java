package dev.offloadbench.adapters.process;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into lines, decoded as UTF-8, in constant memory. A line ends at
 * {@code \n}, {@code \r\n} or a lone {@code \r} (a progress bar rewriting itself); a line
 * longer than {@link #MAX_LINE_BYTES} keeps only its beginning.
 */
final class LineSplitter {
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final Consumer<String> sink;
    private final byte[] line = new byte[MAX_LINE_BYTES];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private int length;
    private boolean truncated;
    /** The previous byte ended a line with {@code \r}, so a {@code \n} right after it ends nothing more. */
    private boolean afterCarriageReturn;

    LineSplitter(Consumer<String> sink) {
        this.sink = sink;
    }

    void accept(byte[] bytes, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                if (!afterCarriageReturn) {
                    emit();
                }
                afterCarriageReturn = false;
            } else if (b == '\r') {
                // A \r at the start of a line (a progress bar redrawn) ends nothing.
                afterCarriageReturn = length > 0 || truncated;
                if (afterCarriageReturn) {
                    emit();
                }
            } else {
                afterCarriageReturn = false;
                if (length < line.length) {
                    line[length++] = b;
                } else {
                    truncated = true;
                }
            }
        }
    }

    /** The end of the stream: an unfinished last line is a line too. */
    void finish() {
        if (length > 0 || truncated) {
            emit();
        }
    }

    private void emit() {
        String text;
        try {
            text = decoder.reset().decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            // Cannot happen with REPLACE; keep the line anyway.
            text = new String(line, 0, length, StandardCharsets.UTF_8);
        }
        if (truncated && text.endsWith("\uFFFD")) {
            // The cut fell inside a character.
            text = text.substring(0, text.length() - 1);
        }
        length = 0;
        truncated = false;
        sink.accept(text);
    }
}
