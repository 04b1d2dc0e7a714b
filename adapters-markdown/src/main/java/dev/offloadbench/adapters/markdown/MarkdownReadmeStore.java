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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
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
 * <p>The section is rendered again ({@link NewSection#renderFor()}) for the README's section as
 * read under the lock, so that what it says of the subsections it keeps is true of what is written.
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
        String text = ReadmeFile.read(readme).text();
        return MarkdownLines.normalise(ReadmeSection.locate(text, readme).content(text));
    }

    @Override
    public Preview previewSectionReplacement(Path readme, NewSection section) {
        Path file = ReadmeFile.resolve(readme);
        Edit edit = plan(readme, ReadmeFile.read(readme, file), section);
        return new Preview(UnifiedDiff.between(readme.getFileName().toString(), edit.current().text(),
                edit.newText()), edit.merge().merge());
    }

    @Override
    public Replacement replaceSection(Path readme, NewSection section, WriteRules rules) {
        boolean viaLink = Files.isSymbolicLink(readme);
        Path file = ReadmeFile.resolve(readme);
        Cancellation cancellation = rules.cancellation();
        try (UpdateLock lock = lock(readme, file, rules.onWait(), cancellation)) {
            ReadmeFile current = ReadmeFile.read(readme, file);
            Edit edit = plan(readme, current, section);
            boolean changed = !Arrays.equals(edit.newBytes(), current.bytes());
            if (changed) {
                seams.beforeWrite(file);
                write(readme, file, edit.newBytes(), current.bytes(), rules.force(), cancellation);
                seams.afterWrite(file);
            }
            verify(ReadmeFile.read(readme, file).text(), MarkdownLines.normalise(edit.merge().content()), readme,
                    "was written, but reading it back does not show the new Benchmarks section; another program may"
                            + " have changed it at the same moment: look at the file and run the update again");
            List<Path> created = BarImages.createMissing(file.getParent(), edit.merge().content());
            return new Replacement(file, viaLink, changed, edit.merge().merge(), created);
        } catch (IOException e) {
            // only closing the lock can fail here: the update itself is done and verified
            throw new BenchException("README " + readme + " was updated, but its update lock could not be removed ("
                    + AtomicFile.reason(e) + "); delete " + UpdateLock.lockFileOf(file) + " by hand", e);
        }
    }

    /** What the README becomes: the section rendered for the README as it is now, merged into it. */
    private static Edit plan(Path readme, ReadmeFile current, NewSection section) {
        ReadmeSection located = ReadmeSection.locate(current.text(), readme);
        RenderedSection rendered = RenderedSection.of(section.renderFor()
                .apply(MarkdownLines.normalise(located.content(current.text()))));
        SectionMerge.Result merged = SectionMerge.merge(current.text(), located, rendered, section, readme);
        String newText = located.replaceContent(current.text(), merged.content());
        verify(newText, MarkdownLines.normalise(merged.content()), readme, "would not show the new Benchmarks section"
                + " after the update; check the README's headings and code fences");
        byte[] newBytes = current.replace(located.start(), located.contentEnd(), merged.content());
        return new Edit(current, merged, newText, newBytes);
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

    private static void write(Path readme, Path file, byte[] bytes, byte[] read, boolean force,
            Cancellation cancellation) {
        String named = file.equals(readme.toAbsolutePath().normalize()) ? "README " + readme
                : "README " + readme + " (" + file + ")";
        try {
            AtomicFile.write(file, bytes, AtomicFile.Options.defaults().expectingCurrent(read)
                    .refusingReadOnly(!force).creatingFolders(false).unlessCancelled(cancellation::isCancelled));
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

    private static void verify(String text, String content, Path readme, String problem) {
        ReadmeSection located = ReadmeSection.locate(text, readme);
        if (!MarkdownLines.normalise(located.content(text)).equals(content)) {
            throw new BenchException("README " + readme + " " + problem);
        }
    }

    private record Edit(ReadmeFile current, SectionMerge.Result merge, String newText, byte[] newBytes) {
    }
}
