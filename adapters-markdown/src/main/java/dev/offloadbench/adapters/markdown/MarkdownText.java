package dev.offloadbench.adapters.markdown;

import java.nio.charset.StandardCharsets;

/**
 * Markdown text as {@link MarkdownOutline} reads it: a string, or a README's bytes seen one byte
 * per character, so that a large README is outlined where it lies, without a decoded copy, and
 * every offset is a byte offset. What markdown's structure depends on (line breaks, {@code #},
 * fences, list markers) is ASCII, and reads the same either way; only blankness needs the real
 * characters, and {@link #isBlank} decodes the few multi-byte spaces of UTF-8 for it, so that a
 * line is blank exactly when its decoded text {@link String#isBlank is}.
 *
 * <p>One final class for both (a branch per character, no virtual call), so that the outline of
 * tens of megabytes compiles to a tight loop, also under C1.
 */
final class MarkdownText {
    private final String string;
    private final byte[] bytes;
    private final int offset;
    private final int length;
    private final boolean utf8;

    private MarkdownText(String string, byte[] bytes, int offset, int length, boolean utf8) {
        this.string = string;
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.utf8 = utf8;
    }

    static MarkdownText of(String text) {
        return new MarkdownText(text, null, 0, text.length(), false);
    }

    /**
     * {@code bytes[offset, offset + length)} one byte per character; {@code utf8} when they are
     * UTF-8 (else each byte is its own character, as in ISO-8859-1).
     */
    static MarkdownText ofBytes(byte[] bytes, int offset, int length, boolean utf8) {
        return new MarkdownText(null, bytes, offset, length, utf8);
    }

    int length() {
        return length;
    }

    char charAt(int index) {
        return bytes != null ? (char) (bytes[offset + index] & 0xFF) : string.charAt(index);
    }

    /** Where the line starting at {@code from} ends: the first {@code \n} or {@code \r} at or after it, or the length. */
    int lineEnd(int from) {
        if (bytes != null) {
            int end = offset + length;
            for (int i = offset + from; i < end; i++) {
                byte b = bytes[i];
                if (b == '\n' || b == '\r') {
                    return i - offset;
                }
            }
            return length;
        }
        for (int i = from; i < length; i++) {
            char c = string.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return length;
    }

    /** The characters {@code [from, to)} as a string (of the view's characters, for a byte view). */
    String slice(int from, int to) {
        return bytes != null ? new String(bytes, offset + from, to - from, StandardCharsets.ISO_8859_1)
                : string.substring(from, to);
    }

    /**
     * Whether {@code [from, to)} holds nothing but whitespace ({@link Character#isWhitespace}): in
     * a byte view of UTF-8, ASCII whitespace and the whitespace characters above ASCII, U+1680,
     * U+2000 to U+2006, U+2008 to U+200A, U+2028, U+2029, U+205F and U+3000 (not the no-break spaces).
     */
    boolean isBlank(int from, int to) {
        if (bytes == null) {
            for (int i = from; i < to; i++) {
                if (!Character.isWhitespace(string.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
        int i = offset + from;
        int end = offset + to;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (isAsciiWhitespace(b)) {
                i++;
                continue;
            }
            if (!utf8 || b < 0xE1 || b > 0xE3 || i + 2 >= end) {
                return false;
            }
            int b1 = bytes[i + 1] & 0xFF;
            int b2 = bytes[i + 2] & 0xFF;
            boolean space = b == 0xE1 && b1 == 0x9A && b2 == 0x80
                    || b == 0xE2 && b1 == 0x80 && (b2 >= 0x80 && b2 <= 0x86 || b2 >= 0x88 && b2 <= 0x8A
                            || b2 == 0xA8 || b2 == 0xA9)
                    || b == 0xE2 && b1 == 0x81 && b2 == 0x9F
                    || b == 0xE3 && b1 == 0x80 && b2 == 0x80;
            if (!space) {
                return false;
            }
            i += 3;
        }
        return true;
    }

    static boolean isAsciiWhitespace(int c) {
        return c == ' ' || c >= 0x09 && c <= 0x0D || c >= 0x1C && c <= 0x1F;
    }

    @Override
    public String toString() {
        return slice(0, length);
    }
}
