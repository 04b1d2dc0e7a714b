package dev.offloadbench.adapters.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A README's encoding, told in one pass over its bytes, exactly as Java's UTF-8 decoder tells it. */
class ReadmeFileTest {
    private static final Path README = Path.of("README.md");

    private static boolean javaSaysUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void tellsUtf8ApartAsJavasDecoderDoes() {
        Random random = new Random(7);
        byte[][] pieces = {"a".getBytes(StandardCharsets.UTF_8), "é".getBytes(StandardCharsets.UTF_8),
                "✓".getBytes(StandardCharsets.UTF_8), "😀".getBytes(StandardCharsets.UTF_8),
                {(byte) 0xC0, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
                {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xC2, (byte) 0xA0}};
        for (int run = 0; run < 5_000; run++) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            int count = 1 + random.nextInt(6);
            for (int i = 0; i < count; i++) {
                if (random.nextInt(4) == 0) {
                    bytes.write(1 + random.nextInt(255)); // any byte but zero
                } else {
                    bytes.writeBytes(pieces[random.nextInt(pieces.length)]);
                }
            }
            byte[] all = bytes.toByteArray();
            assertThat(ReadmeFile.scan(README, all)).as(java.util.HexFormat.of().formatHex(all))
                    .isEqualTo(javaSaysUtf8(all));
        }
    }

    @Test
    void refusesUtf16ByItsByteOrderMarkOrAZeroByteNamingTheOffset() {
        assertThatThrownBy(() -> ReadmeFile.scan(README, new byte[] {(byte) 0xFF, (byte) 0xFE, '#', 0}))
                .isInstanceOf(BenchException.class).hasMessageContaining("a UTF-16 byte order mark at offset 0");
        assertThatThrownBy(() -> ReadmeFile.scan(README, new byte[] {(byte) 0xE9, '#', ' ', 0, 'x'}))
                .hasMessageContaining("a zero byte at offset 3");
    }
}
