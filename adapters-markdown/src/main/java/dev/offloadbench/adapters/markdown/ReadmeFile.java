package dev.offloadbench.adapters.markdown;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.files.AtomicFile;
import dev.offloadbench.files.NotRegularFileException;
import dev.offloadbench.files.Utf8Text;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A README's bytes, read once, and how to read them: UTF-8 (with or without a byte order mark)
 * when they are valid UTF-8, otherwise ISO-8859-1, which maps every byte to one character and
 * back, so any file survives an edit. The file is never decoded as a whole: {@link #markdown}
 * shows its bytes to the outline as they are (markdown's structure is ASCII), only the
 * Benchmarks section is decoded ({@link #decode}), and an edit writes the original bytes around
 * the new section's ({@link #replacement}).
 */
final class ReadmeFile {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path path;
    private final byte[] bytes;
    private final int bomLength;
    private final Charset charset;

    private ReadmeFile(Path path, byte[] bytes, int bomLength, Charset charset) {
        this.path = path;
        this.bytes = bytes;
        this.bomLength = bomLength;
        this.charset = charset;
    }

    /** Reads a README, following a symbolic link to the file it points to; anything but a regular file is refused. */
    static ReadmeFile read(Path path) {
        return read(path, resolve(path));
    }

    /**
     * The regular file a README path names: the path itself, or the file its symbolic link points
     * to. A FIFO, device or folder is refused without being opened, so nothing can hang.
     */
    static Path resolve(Path path) {
        try {
            return AtomicFile.resolve(path);
        } catch (NoSuchFileException e) {
            throw new BenchException("README " + path + " does not exist; check the README path", e);
        } catch (NotRegularFileException e) {
            throw new BenchException("README " + path + " is " + e.kind() + ", not a regular file; it was refused"
                    + " without being opened (reading it could wait forever). Point the README path at the file", e);
        } catch (IOException e) {
            throw new BenchException("cannot open README " + path + ": " + AtomicFile.reason(e)
                    + "; check the README path", e);
        }
    }

    /**
     * @param path the README as the user named it, for messages
     * @param file the regular file it is ({@link #resolve})
     */
    static ReadmeFile read(Path path, Path file) {
        byte[] bytes;
        try {
            bytes = AtomicFile.readRegularFile(file);
        } catch (NoSuchFileException e) {
            throw new BenchException("README " + path + " does not exist; check the README path", e);
        } catch (NotRegularFileException e) {
            throw new BenchException("README " + path + " is " + e.kind() + ", not a regular file; it was refused"
                    + " without being opened. Point the README path at the file", e);
        } catch (IOException e) {
            throw new BenchException("cannot read README " + path + ": " + AtomicFile.reason(e)
                    + "; check that it is a readable file", e);
        } catch (OutOfMemoryError e) {
            throw new BenchException("README " + path + " is too large for bench's memory (" + (Runtime.getRuntime()
                    .maxMemory() >> 20) + " MB); name it with --readme, which the bench launcher sizes its memory"
                    + " for, or give more (OFFLOAD_BENCH_HEAP_MB)");
        }
        boolean utf8 = scan(path, bytes);
        if (utf8) {
            return new ReadmeFile(path, bytes, startsWithBom(bytes) ? UTF8_BOM.length : 0, StandardCharsets.UTF_8);
        }
        return new ReadmeFile(path, bytes, 0, StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether the bytes are well-formed UTF-8 ({@link Utf8Text#isWellFormed}), after refusing
     * UTF-16 (or UTF-32, or binary) text, whose byte order mark or zero byte (which no text in an
     * 8-bit encoding holds) gives it away: its headings could not be found.
     */
    static boolean scan(Path path, byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
            throw notUtf8(path, "a UTF-16 byte order mark", 0);
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw notUtf8(path, "a zero byte", i);
            }
        }
        return Utf8Text.isWellFormed(bytes, 0, bytes.length);
    }

    private static BenchException notUtf8(Path path, String found, int offset) {
        return new BenchException("README " + path + " is not UTF-8 text: " + found + " at offset " + offset
                + " says it is UTF-16 (or binary); convert it to UTF-8 (iconv -f UTF-16 -t UTF-8), then update it");
    }

    Path path() {
        return path;
    }

    /** The file's bytes, as read; not a copy: nothing may change them. */
    byte[] bytes() {
        return bytes;
    }

    /** The text after any byte order mark, one byte per character, for the outline; offsets are byte offsets. */
    MarkdownText markdown() {
        return MarkdownText.ofBytes(bytes, bomLength, bytes.length - bomLength, charset.equals(StandardCharsets.UTF_8));
    }

    /** The text of {@code [start, end)} of {@link #markdown}, decoded. */
    String decode(int start, int end) {
        return new String(bytes, bomLength + start, end - start, charset);
    }

    /** The new section in the README's encoding: encoded once, or refused naming a character it cannot hold. */
    byte[] encode(String replacement) {
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer encoded = encoder.encode(CharBuffer.wrap(replacement));
            return Arrays.copyOf(encoded.array(), encoded.limit());
        } catch (CharacterCodingException e) {
            throw new BenchException("README " + path + " is " + describeEncoding() + ", which cannot hold "
                    + firstUnencodable(replacement, charset.newEncoder()) + " of the new Benchmarks section;"
                    + " convert the README to UTF-8, or leave that character out of the section", e);
        }
    }

    /**
     * The file with {@code [start, end)} of {@link #markdown} replaced by {@code middle}: the
     * original bytes before and after, untouched, as the parts to write one after the other.
     */
    ByteBuffer[] replacement(int start, int end, byte[] middle) {
        return new ByteBuffer[] {ByteBuffer.wrap(bytes, 0, bomLength + start).slice(), ByteBuffer.wrap(middle),
                ByteBuffer.wrap(bytes, bomLength + end, bytes.length - bomLength - end).slice()};
    }

    /** Whether {@code [start, end)} of {@link #markdown} holds exactly {@code middle} already. */
    boolean holds(int start, int end, byte[] middle) {
        return Arrays.equals(bytes, bomLength + start, bomLength + end, middle, 0, middle.length);
    }

    private String describeEncoding() {
        return charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "not valid UTF-8 (read as ISO-8859-1)";
    }

    private static String firstUnencodable(String text, CharsetEncoder encoder) {
        return text.codePoints()
                .filter(codePoint -> !encoder.canEncode(new String(Character.toChars(codePoint))))
                .mapToObj(codePoint -> String.format(Locale.ROOT, "\"%s\" (U+%04X)",
                        new String(Character.toChars(codePoint)), codePoint))
                .findFirst()
                .orElse("a character");
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= UTF8_BOM.length && Arrays.equals(bytes, 0, UTF8_BOM.length, UTF8_BOM, 0, UTF8_BOM.length);
    }
}
