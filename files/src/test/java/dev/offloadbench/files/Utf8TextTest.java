package dev.offloadbench.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextTest {
    @Test
    void decodesUtf8AndAPartOfIt() {
        byte[] bytes = "\uFEFFcaf\u00e9".getBytes(StandardCharsets.UTF_8);

        assertThat(Utf8Text.decode(bytes)).contains("\uFEFFcaf\u00e9");
        assertThat(Utf8Text.decode(bytes, 3, bytes.length - 3)).contains("caf\u00e9");
    }

    @Test
    void namesTheFirstInvalidByteAndItsOffset() {
        byte[] latin1 = "M\u00e4chine".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(Utf8Text.decode(latin1)).isEmpty();
        assertThat(Utf8Text.whyNot(latin1)).isEqualTo("not UTF-8 text: byte 0xE4 at offset 1 is not valid UTF-8");
    }

    @Test
    void saysWhenItLooksLikeUtf16() {
        byte[] utf16 = "hi".getBytes(StandardCharsets.UTF_16);

        assertThat(Utf8Text.decode(utf16)).isEmpty();
        assertThat(Utf8Text.whyNot(utf16)).isEqualTo("not UTF-8 text: byte 0xFE at offset 0 is not valid UTF-8"
                + " (it looks like UTF-16: convert it to UTF-8)");
    }

    @Test
    void tellsWellFormedUtf8ApartAsJavasDecoderDoesWithoutDecoding() {
        java.util.Random random = new java.util.Random(11);
        byte[][] pieces = {"a".getBytes(StandardCharsets.UTF_8), "\u00e9".getBytes(StandardCharsets.UTF_8),
                "\u2713".getBytes(StandardCharsets.UTF_8), "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8),
                {(byte) 0xC0, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
                {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF}};
        for (int run = 0; run < 5_000; run++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int i = 0, count = 1 + random.nextInt(6); i < count; i++) {
                out.writeBytes(pieces[random.nextInt(pieces.length)]);
            }
            byte[] bytes = out.toByteArray();
            assertThat(Utf8Text.isWellFormed(bytes, 0, bytes.length)).as(java.util.HexFormat.of().formatHex(bytes))
                    .isEqualTo(Utf8Text.decode(bytes).isPresent());
        }
        byte[] cut = "x\u00e9".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8Text.isWellFormed(cut, 0, cut.length - 1)).isFalse(); // a sequence cut by the range
    }
}
