package dev.offloadbench.adapters.markdown;

import dev.offloadbench.domain.BenchException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Replaces a file's content all at once: the bytes go to a temporary file in the same folder,
 * which then takes the file's place, so a reader sees the old file or the new one, never half
 * of one. The file keeps its POSIX permissions. On failure the file is untouched and the
 * temporary file is gone.
 */
final class AtomicFileWriter {
    /** Puts the finished temporary file in the target's place. */
    @FunctionalInterface
    interface Mover {
        void move(Path source, Path target) throws IOException;
    }

    private final Mover mover;

    AtomicFileWriter() {
        this(AtomicFileWriter::moveAtomicallyIfPossible);
    }

    AtomicFileWriter(Mover mover) {
        this.mover = mover;
    }

    void write(Path target, byte[] bytes) {
        Path folder = target.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Set<PosixFilePermission> permissions = posixPermissions(target);
            temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (permissions != null) {
                Files.setPosixFilePermissions(temporary, permissions);
            }
            mover.move(temporary, target);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary, e);
            String reason = e instanceof IOException io ? IoProblems.reason(io) : String.valueOf(e.getMessage());
            throw new BenchException("could not write " + target + " (" + reason + "); it was left unchanged."
                    + " Check that its folder is writable", e);
        }
    }

    private static Set<PosixFilePermission> posixPermissions(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return null;
        }
        return Files.getPosixFilePermissions(file);
    }

    private static void moveAtomicallyIfPossible(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temporary, Exception failure) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
