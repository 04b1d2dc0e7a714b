package dev.offloadbench.adapters.markdown;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** README files for the store's tests, written and compared as bytes. */
final class Readmes {
    /** What the renderer would hand the store, in short. */
    static final String SECTION = "## Benchmarks\n\nNew numbers.\n";
    static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));

    private Readmes() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Writes the README and dates it in the past, so an untouched file is recognisable by its time too. */
    static Path write(Path folder, byte[] bytes) throws IOException {
        Path readme = folder.resolve("README.md");
        Files.write(readme, bytes);
        Files.setLastModifiedTime(readme, LONG_AGO);
        return readme;
    }
}
