package dev.offloadbench.files;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Decoding bytes that must be UTF-8, saying exactly where they are not: the one decoder of the
 * configuration files, results documents, sessions and READMEs, and the one check of UTF-8
 * that decodes nothing.
 */
public final class Utf8Text {
    private Utf8Text() {
    }

    /** The text, or empty when the bytes are not UTF-8 (then {@link #whyNot} says where). */
    public static Optional<String> decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** The text of {@code length} bytes from {@code offset}, or empty when they are not UTF-8. */
    public static Optional<String> decode(byte[] bytes, int offset, int length) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code length} bytes from {@code offset} are well-formed UTF-8 (Unicode's table 3-7:
     * no overlong forms, no surrogates, nothing above U+10FFFF, as Java's decoder has it), in one
     * pass that decodes nothing, for text too large to decode whole.
     */
    public static boolean isWellFormed(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (bytes[i] >= 0) {
                i++;
                continue;
            }
            int sequence = sequenceLength(bytes, i, end);
            if (sequence == 0) {
                return false;
            }
            i += sequence;
        }
        return true;
    }

    /** The length of the well-formed UTF-8 sequence starting at {@code i} with a non-ASCII byte; 0 when it is none. */
    private static int sequenceLength(byte[] bytes, int i, int end) {
        int lead = bytes[i] & 0xFF;
        int min = 0x80;
        int max = 0xBF;
        int continuation;
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuation = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuation = 2;
            if (lead == 0xE0) {
                min = 0xA0;
            } else if (lead == 0xED) {
                max = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuation = 3;
            if (lead == 0xF0) {
                min = 0x90;
            } else if (lead == 0xF4) {
                max = 0x8F;
            }
        } else {
            return 0;
        }
        if (i + continuation >= end) {
            return 0;
        }
        int second = bytes[i + 1] & 0xFF;
        if (second < min || second > max) {
            return 0;
        }
        for (int k = 2; k <= continuation; k++) {
            int next = bytes[i + k] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return 0;
            }
        }
        return continuation + 1;
    }

    /**
     * Why bytes are not UTF-8, for a message: the offending byte and its offset, and UTF-16 named
     * when its byte order mark or its zero bytes give it away.
     */
    public static String whyNot(byte[] bytes) {
        String utf16 = bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) ? " (it looks like UTF-16: convert it to UTF-8)"
                : "";
        int offset = firstInvalidOffset(bytes);
        return String.format(Locale.ROOT, "not UTF-8 text: byte 0x%02X at offset %d is not valid UTF-8%s",
                bytes[offset] & 0xff, offset, utf16);
    }

    private static int firstInvalidOffset(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return Math.max(0, Math.min(in.position(), bytes.length - 1));
            }
            out.clear();
        }
    }
}
