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
}
