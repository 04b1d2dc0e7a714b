package dev.offloadbench.adapters.markdown;

/**
 * Markdown text as {@link MarkdownOutline} reads it: a string, or a README's bytes seen one byte
 * per character, so that a large README is outlined where it lies, without a decoded copy, and
 * every offset is a byte offset. What markdown's structure depends on (line breaks, {@code #},
 * fences, list markers) is ASCII, and reads the same either way; only blankness needs the real
 * characters, and {@link #isBlank} decodes the few multi-byte spaces of UTF-8 for it, so that a
 * line is blank exactly when its decoded text {@link String#isBlank is}.
 */
abstract class MarkdownText implements CharSequence {
    /** Whether {@code [from, to)} holds nothing but whitespace ({@link Character#isWhitespace}). */
    abstract boolean isBlank(int from, int to);

    /** The characters {@code [from, to)} as a string (of the view's characters, for a byte view). */
    String slice(int from, int to) {
        return subSequence(from, to).toString();
    }

    static MarkdownText of(String text) {
        return new OfString(text);
    }

    /**
     * {@code bytes[offset, offset + length)} one byte per character; {@code utf8} when they are
     * UTF-8 (else each byte is its own character, as in ISO-8859-1).
     */
    static MarkdownText ofBytes(byte[] bytes, int offset, int length, boolean utf8) {
        return new OfBytes(bytes, offset, length, utf8);
    }

    static boolean isAsciiWhitespace(int c) {
        return c == ' ' || c >= 0x09 && c <= 0x0D || c >= 0x1C && c <= 0x1F;
    }

    private static final class OfString extends MarkdownText {
        private final String text;

        OfString(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        String slice(int from, int to) {
            return text.substring(from, to);
        }

        @Override
        boolean isBlank(int from, int to) {
            for (int i = from; i < to; i++) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static final class OfBytes extends MarkdownText {
        private final byte[] bytes;
        private final int offset;
        private final int length;
        private final boolean utf8;

        OfBytes(byte[] bytes, int offset, int length, boolean utf8) {
            this.bytes = bytes;
            this.offset = offset;
            this.length = length;
            this.utf8 = utf8;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return (char) (bytes[offset + index] & 0xFF);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(bytes, offset + start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        /**
         * ASCII whitespace, and in UTF-8 the whitespace characters above ASCII: U+1680, U+2000 to
         * U+2006, U+2008 to U+200A, U+2028, U+2029, U+205F and U+3000 (not the no-break spaces).
         */
        @Override
        boolean isBlank(int from, int to) {
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

        @Override
        public String toString() {
            return slice(0, length);
        }
    }
}
