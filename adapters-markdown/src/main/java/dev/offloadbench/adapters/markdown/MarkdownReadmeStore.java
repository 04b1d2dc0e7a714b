package dev.offloadbench.adapters.markdown;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.port.out.ReadmeStore;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Replaces the {@code ## Benchmarks} section of a markdown README and nothing else.
 *
 * <p>The section runs from its heading line to the next level-1 or level-2 ATX heading
 * ({@code #} or {@code ##} then a space, a tab or the end of the line), or to the end of the
 * file; {@code ###} headings belong to it, and lines inside fenced code blocks are never
 * headings. The README must have exactly one such heading.
 *
 * <p>Every byte outside the section is kept: line endings (the new section takes the ending of
 * the heading line), a final newline or its absence, a UTF-8 byte order mark, and the encoding
 * (a file that is not valid UTF-8 is treated as ISO-8859-1). The blank lines that ended the old
 * section also end the new one. Writing is atomic and keeps the file's POSIX permissions; the
 * result is read back and checked before the missing bar images are created beside the README.
 */
public final class MarkdownReadmeStore implements ReadmeStore {
    private final AtomicFileWriter writer;

    public MarkdownReadmeStore() {
        this(new AtomicFileWriter());
    }

    MarkdownReadmeStore(AtomicFileWriter writer) {
        this.writer = writer;
    }

    @Override
    public String currentSection(Path readme) {
        String text = ReadmeFile.read(realFile(readme)).text();
        return MarkdownLines.normalise(ReadmeSection.locate(text, readme).content(text));
    }

    @Override
    public String previewSectionReplacement(Path readme, String section, List<String> keptSubsections) {
        Edit edit = plan(readme, section, keptSubsections);
        return UnifiedDiff.between(readme.getFileName().toString(), edit.current().text(), edit.newText());
    }

    @Override
    public List<Path> replaceSection(Path readme, String section, List<String> keptSubsections) {
        Edit edit = plan(readme, section, keptSubsections);
        if (!Arrays.equals(edit.newBytes(), edit.current().bytes())) {
            writer.write(edit.file(), edit.newBytes());
        }
        verify(ReadmeFile.read(edit.file()).text(), edit.content(), readme,
                "was written, but reading it back does not show the new Benchmarks section; another program may"
                        + " have changed it at the same moment: look at the file and run the update again");
        return BarImages.createMissing(readme, edit.content());
    }

    /** What the README becomes; symbolic links are followed so the file they point to is edited. */
    private Edit plan(Path readme, String section, List<String> keptSubsections) {
        Path file = realFile(readme);
        ReadmeFile current = ReadmeFile.read(file);
        RenderedSection rendered = RenderedSection.of(section);
        ReadmeSection located = ReadmeSection.locate(current.text(), readme);
        String content = KeptSubsections.merge(MarkdownLines.normalise(located.content(current.text())),
                rendered.content(), keptSubsections, readme);
        String newContent = content.replace("\n", located.lineEnding());
        String newText = located.replaceContent(current.text(), newContent);
        verify(newText, content, readme, "would not show the new Benchmarks section after the update;"
                + " check the README's headings and code fences");
        byte[] newBytes = current.replace(located.start(), located.contentEnd(), newContent);
        return new Edit(file, current, content, newText, newBytes);
    }

    private static void verify(String text, String content, Path readme, String problem) {
        ReadmeSection located = ReadmeSection.locate(text, readme);
        if (!MarkdownLines.normalise(located.content(text)).equals(content)) {
            throw new BenchException("README " + readme + " " + problem);
        }
    }

    private static Path realFile(Path readme) {
        try {
            return readme.toRealPath();
        } catch (NoSuchFileException e) {
            throw new BenchException("README " + readme + " does not exist; check the README path", e);
        } catch (IOException e) {
            throw new BenchException("cannot open README " + readme + ": " + IoProblems.reason(e)
                    + "; check the README path", e);
        }
    }

    private record Edit(Path file, ReadmeFile current, String content, String newText, byte[] newBytes) {
    }
}
