package dev.offloadbench.adapters.markdown;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.port.out.ReadmeStore;
import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Interrupted;
import dev.offloadbench.files.AtomicFile;
import dev.offloadbench.files.FileChangedException;
import dev.offloadbench.files.LockBusyException;
import dev.offloadbench.files.NotRegularFileException;
import dev.offloadbench.files.OwnerNotKeptException;
import dev.offloadbench.files.ReadOnlyFileException;
import dev.offloadbench.files.UpdateLock;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Replaces the {@code ## Benchmarks} section of a markdown README and nothing else.
 *
 * <p>The section runs from its heading line to the next level-1 or level-2 heading ({@code #} or
 * {@code ##} then a space, a tab or the end of the line, or a setext heading), or to the end of
 * the file; {@code ###} headings belong to it, and lines inside fenced code blocks and HTML
 * comments are never headings. The README must have exactly one such heading. Inside the
 * section, {@link SectionMerge} replaces the introduction and the subsections of the projects
 * the new section reports, and keeps every other subsection byte for byte, in place.
 *
 * <p>Every byte outside the replaced parts is kept: line endings (new text takes the ending of
 * the heading line), a final newline or its absence, a UTF-8 byte order mark, and the encoding
 * (a file that is not valid UTF-8 is treated as ISO-8859-1).
 *
 * <p>Writing is safe: updates of one README take turns ({@link UpdateLock} beside it) and each
 * reads the file afresh once it has the lock; the file is replaced atomically
 * ({@link AtomicFile}) only if it still holds the bytes that were read, keeping its owner, group
 * and mode; a read-only README is refused unless forced; a symbolic link is followed explicitly
 * (its target is edited, and the bar images go beside the target); a FIFO or device is refused
 * without being opened. The result is read back and checked before the missing bar images are created.
 * A cancelled update ({@link WriteRules#cancellation()}) stops while it waits for the lock, or at the
 * last moment before the rename, and leaves the README as it was.
 *
 * <p>The README is read once (for a replacement, under the lock) and the new section rendered
 * ({@link SectionRendering}) for the section it holds then, so that what the new section says of
 * the subsections it keeps is true of what is written.
 */
public final class MarkdownReadmeStore implements ReadmeStore {
    /** An update takes moments; one that holds the lock this long is stuck. */
    private static final Duration LOCK_PATIENCE = Duration.ofMinutes(2);

    private final Seams seams;

    public MarkdownReadmeStore() {
        this(new Seams() { });
    }

    MarkdownReadmeStore(Seams seams) {
        this.seams = seams;
    }

    /** Moments of an update where a test steps in, as another program might: between reading and writing, say. */
    interface Seams {
        /** After the README was read under the update lock, before it is written. */
        default void beforeWrite(Path file) {
        }

        /** After it was written, before it is read back. */
        default void afterWrite(Path file) {
        }
    }

    @Override
    public String currentSection(Path readme) {
        ReadmeFile current = ReadmeFile.read(readme);
        ReadmeSection located = ReadmeSection.locate(MarkdownOutline.of(current.markdown()), readme);
        return MarkdownLines.normalise(current.decode(located.start(), located.contentEnd()));
    }

    @Override
    public Preview previewSectionReplacement(Path readme, SectionRendering rendering) {
        Path file = ReadmeFile.resolve(readme);
        Edit edit = plan(readme, ReadmeFile.read(readme, file), rendering);
        return new Preview(edit.diff(readme.getFileName().toString()), edit.merge().merge());
    }

    @Override
    public Replacement replaceSection(Path readme, SectionRendering rendering, WriteRules rules) {
        boolean viaLink = Files.isSymbolicLink(readme);
        Path file = ReadmeFile.resolve(readme);
        if (!Files.isReadable(file)) {
            // said before the lock is taken beside it: what is wrong is the README itself
            throw new BenchException("cannot read README " + readme + ": permission denied; check that it is a"
                    + " readable file");
        }
        Cancellation cancellation = rules.cancellation();
        try (UpdateLock lock = lock(readme, file, rules.onWait(), cancellation)) {
            ReadmeFile current = ReadmeFile.read(readme, file);
            Edit edit = plan(readme, current, rendering);
            boolean changed = !current.holds(edit.located().start(), edit.located().contentEnd(), edit.newSection());
            ByteBuffer[] parts = current.replacement(edit.located().start(), edit.located().contentEnd(),
                    edit.newSection());
            if (changed) {
                seams.beforeWrite(file);
                write(readme, file, parts, current.bytes(), rules.force(), cancellation);
                seams.afterWrite(file);
            }
            requireWritten(readme, file, parts);
            List<Path> created = BarImages.createMissing(file.getParent(), edit.merge().content());
            return new Replacement(file, viaLink, changed, edit.merge().merge(), created);
        } catch (IOException e) {
            // only closing the lock can fail here: the update itself is done and verified
            throw new BenchException("README " + readme + " was updated, but its update lock could not be removed ("
                    + AtomicFile.reason(e) + "); delete " + UpdateLock.lockFileOf(file) + " by hand", e);
        }
    }

    /**
     * What the README becomes: read once, outlined once; only its section is decoded, merged and
     * encoded again, and the text the section's change could affect (up to where the next
     * section's heading is settled) is outlined again to check that the README will show exactly
     * the new section.
     */
    private static Edit plan(Path readme, ReadmeFile current, SectionRendering rendering) {
        ReadmeSection located = ReadmeSection.locate(MarkdownOutline.of(current.markdown()), readme);
        String old = current.decode(located.start(), located.contentEnd());
        NewSection section = rendering.render(MarkdownLines.normalise(old));
        RenderedSection rendered = RenderedSection.of(section.markdown());
        SectionMerge.Result merged = SectionMerge.merge(old, located.headingLine(), located.lineEnding(), rendered,
                section, readme);
        String after = current.decode(located.contentEnd(), located.settledAt());
        requireShown(merged.content(), after, located.last(), readme);
        return new Edit(current, located, merged, current.encode(merged.content()));
    }

    /**
     * The README from the section's heading to where what follows is settled, with the new
     * section in it, read as the whole README would be: one Benchmarks heading, first; the
     * section's content exactly the new one; and the next section's heading still where it was,
     * with no code fence or comment left open, so that nothing after it reads differently. (What
     * comes before the heading is untouched and held no other Benchmarks heading.)
     */
    private static void requireShown(String content, String after, boolean last, Path readme) {
        MarkdownOutline outline = MarkdownOutline.of(content + after);
        String problem = "would not show the new Benchmarks section after the update; check the README's headings"
                + " and code fences";
        if (!outline.benchmarksHeadings().equals(List.of(0))) {
            throw new BenchException("README " + readme + " " + problem);
        }
        ReadmeSection located = ReadmeSection.locate(outline, readme);
        boolean contentKept = located.start() == 0 && located.contentEnd() == content.length();
        // the next section still starts (and is settled) exactly at the end, or, at the end of the file, none does
        boolean nextSection = outline.sectionEnd(0) < outline.lineCount();
        boolean restSettled = nextSection != last && located.settledAt() == outline.text().length();
        if (!contentKept || !restSettled) {
            throw new BenchException("README " + readme + " " + problem);
        }
    }

    private static UpdateLock lock(Path readme, Path file, Runnable onWait, Cancellation cancellation) {
        try {
            return UpdateLock.acquire(file, LOCK_PATIENCE, onWait, cancellation::isCancelled);
        } catch (InterruptedIOException e) {
            throw new Interrupted("the update of README " + readme + " was interrupted while it waited for another"
                    + " update of it to finish; the README is unchanged");
        } catch (LockBusyException e) {
            throw new BenchException("README " + readme + " is being updated by another process: "
                    + AtomicFile.reason(e) + " (lock file " + e.getFile() + "); let it finish, or stop it, then run"
                    + " the update again", e);
        } catch (IOException e) {
            throw new BenchException("cannot take the update lock " + UpdateLock.lockFileOf(file) + " of README "
                    + readme + ": " + AtomicFile.reason(e) + "; check that " + file.getParent()
                    + " is a writable folder", e);
        }
    }

    private static void write(Path readme, Path file, ByteBuffer[] parts, byte[] read, boolean force,
            Cancellation cancellation) {
        String named = file.equals(readme.toAbsolutePath().normalize()) ? "README " + readme
                : "README " + readme + " (" + file + ")";
        try {
            AtomicFile.write(file, channel -> {
                for (ByteBuffer part : parts) {
                    AtomicFile.writeFully(channel, part.duplicate());
                }
            }, AtomicFile.Options.defaults().expectingCurrent(read).refusingReadOnly(!force).creatingFolders(false)
                    .unlessCancelled(cancellation::isCancelled));
        } catch (InterruptedIOException e) {
            throw new Interrupted("the update of " + named + " was interrupted just before it was written; the README"
                    + " is unchanged");
        } catch (ReadOnlyFileException e) {
            throw new BenchException(named + " is read-only, so it was left unchanged; make it writable (chmod u+w "
                    + file + "), or pass --force to replace it anyway (it stays read-only)", e);
        } catch (FileChangedException e) {
            throw new BenchException(named + " changed while it was being updated (" + AtomicFile.reason(e)
                    + "), so it was left as the other program made it and nothing of that change is lost; look at"
                    + " it, then run the update again", e);
        } catch (OwnerNotKeptException e) {
            throw new BenchException(named + " was left unchanged: " + AtomicFile.reason(e), e);
        } catch (NotRegularFileException e) {
            throw new BenchException(named + " was replaced meanwhile by " + e.kind() + "; it was left alone", e);
        } catch (IOException e) {
            throw new BenchException("could not write " + named + " (" + AtomicFile.reason(e) + "); it was left"
                    + " unchanged. Check that its folder is writable", e);
        }
    }

    /** The file is read back: it must hold exactly what was written (compared as it is read, not kept). */
    private static void requireWritten(Path readme, Path file, ByteBuffer[] parts) {
        boolean written;
        try {
            written = AtomicFile.holdsExactly(file, parts);
        } catch (IOException e) {
            written = false;
        }
        if (!written) {
            throw new BenchException("README " + readme + " was written, but reading it back does not show the new"
                    + " Benchmarks section; another program may have changed it at the same moment: look at the file"
                    + " and run the update again");
        }
    }

    /** The section as it will be, and where it goes. */
    private record Edit(ReadmeFile current, ReadmeSection located, SectionMerge.Result merge, byte[] newSection) {
        /**
         * The change as a unified diff: the section's lines and a few around them, up to the next
         * section's heading and a few lines more, numbered as in the whole file (nothing else changes).
         */
        String diff(String fileName) {
            MarkdownOutline outline = MarkdownOutline.of(current.markdown());
            int first = Math.max(0, located.headingLine() - UnifiedDiff.CONTEXT_LINES);
            // everything after the next section's heading is the same; the diff may align the blank lines before it either way
            int lastLine = located.headingLine();
            while (lastLine + 1 < outline.lineCount() && outline.line(lastLine + 1).start() < located.settledAt()) {
                lastLine++;
            }
            int last = Math.min(outline.lineCount() - 1, lastLine + UnifiedDiff.CONTEXT_LINES);
            int from = outline.line(first).start();
            int to = outline.line(last).end();
            String before = current.decode(from, located.start());
            String after = current.decode(located.contentEnd(), to);
            return UnifiedDiff.between(fileName, before + current.decode(located.start(), located.contentEnd()) + after,
                    before + merge.content() + after, first);
        }
    }
}
