package dev.offloadbench.adapters.markdown;

import dev.offloadbench.domain.profile.ProjectHeadings;
import dev.offloadbench.domain.port.out.ReadmeStore;
import dev.offloadbench.domain.profile.BuiltInProfiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;

/** README files for the store's tests, written and compared as bytes. */
final class Readmes {
    /**
     * What the renderer would hand the store, in short. A section's text is replaced only by text
     * that opens alike ("Numbers measured on ..."): anything else in it would be lost, and is refused.
     */
    static final String SECTION = "## Benchmarks\n\nNumbers measured on Tuesday.\n";
    /** The section SECTION replaces: its introduction opens like SECTION's. */
    static final String OLD = "Numbers measured on Monday.";
    /** The built-in projects, as the application tells them apart. */
    static final ProjectHeadings HEADINGS = ProjectHeadings.of(new BuiltInProfiles().profiles());
    static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));

    private Readmes() {
    }

    /** The live Offload README (src/test/resources/offload/README.md, a verbatim copy). */
    static String liveOffload() throws java.io.IOException {
        try (java.io.InputStream in = Readmes.class.getResourceAsStream("/offload/README.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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

    /** The section as the application hands it to the store, reporting {@code covered} projects (default: both). */
    static ReadmeStore.NewSection section(String markdown, String... covered) {
        return new ReadmeStore.NewSection(markdown, HEADINGS,
                covered.length == 0 ? Set.of("mng", "sculptor") : Set.of(covered));
    }

    /** Replaces the section with {@code section} as {@code update-readme} does (no --force). */
    static ReadmeStore.Replacement store(MarkdownReadmeStore store, Path readme, ReadmeStore.NewSection section) {
        return store.replaceSection(readme, current -> section, new ReadmeStore.WriteRules(false, () -> { }));
    }

    /** Replaces the section as {@code update-readme} does (no --force). */
    static ReadmeStore.Replacement replace(MarkdownReadmeStore store, Path readme, String markdown,
            String... covered) {
        return store.replaceSection(readme, current -> section(markdown, covered),
                new ReadmeStore.WriteRules(false, () -> { }));
    }

    /** The unified diff {@code update-readme --dry-run} would print. */
    static String preview(MarkdownReadmeStore store, Path readme, String markdown, String... covered) {
        return store.previewSectionReplacement(readme, current -> section(markdown, covered)).diff();
    }

    /** Writes the README and dates it in the past, so an untouched file is recognisable by its time too. */
    static Path write(Path folder, byte[] bytes) throws IOException {
        Path readme = folder.resolve("README.md");
        Files.write(readme, bytes);
        Files.setLastModifiedTime(readme, LONG_AGO);
        return readme;
    }
}
