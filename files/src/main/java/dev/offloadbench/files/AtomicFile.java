package dev.offloadbench.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Replaces (or creates) a file all at once, the one way this program writes a file that matters.
 *
 * <ul>
 *   <li>The bytes go to a temporary file beside the target, are forced to disk, and the temporary
 *       file is renamed over the target; the folder is forced too, so the rename survives a power
 *       cut. A reader, or a crash at any moment, sees the old file or the new one, never half of one.
 *   <li>A replaced file keeps its owner, group and mode (root gives the replacement to the file's
 *       owner; anyone else is refused rather than silently becoming the owner). A new file gets the
 *       permissions asked for ({@link Options#newFilePermissions}), in folders created with
 *       {@link Options#newFolderPermissions}.
 *   <li>{@link Options#expectingCurrent} guards against a change made meanwhile by another program:
 *       just before the rename the target is read again, and anything but the expected bytes
 *       refuses the write ({@link FileChangedException}).
 *   <li>No surprises: a symbolic link is never followed implicitly ({@link #resolve} follows one
 *       explicitly, for callers that mean to), and a FIFO, device, socket or folder is refused at
 *       once, without being opened ({@link NotRegularFileException}), so nothing can hang.
 *   <li>Temporary files are named {@code .<name>.offload-bench-<pid>-<random>.tmp}. On failure the
 *       temporary file is removed; one left by a process that died (kill -9) is removed by the next
 *       write of the same file.
 * </ul>
 */
public final class AtomicFile {
    /** Marks our temporary files: {@code .README.md.offload-bench-1234-9f2c....tmp}. */
    static final String TEMPORARY_MARK = ".offload-bench-";
    static final String TEMPORARY_SUFFIX = ".tmp";
    /** A write takes moments: a temporary file of ours this old is left over, whoever made it. */
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int PERMISSION_BITS = 07777;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Temporary files this JVM is writing right now: never stale, whatever their age. */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();
    private static final int COMPARE_BLOCK = 1024 * 1024;
    /** The most a heap buffer is read into or written from at a time. */
    static final int IO_BLOCK = 1024 * 1024;

    private AtomicFile() {
    }

    /** How a write behaves beyond the defaults (create missing folders, replace the file whatever its mode). */
    public static final class Options {
        private static final Options DEFAULTS = new Options(null, false, null, null, true, false, () -> false);

        private final byte[] expected;
        private final boolean refuseReadOnly;
        private final Set<PosixFilePermission> newFilePermissions;
        private final Set<PosixFilePermission> newFolderPermissions;
        private final boolean createFolders;
        private final boolean createOnly;
        private final BooleanSupplier cancelled;

        private Options(byte[] expected, boolean refuseReadOnly, Set<PosixFilePermission> newFilePermissions,
                Set<PosixFilePermission> newFolderPermissions, boolean createFolders, boolean createOnly,
                BooleanSupplier cancelled) {
            this.expected = expected;
            this.refuseReadOnly = refuseReadOnly;
            this.newFilePermissions = newFilePermissions;
            this.newFolderPermissions = newFolderPermissions;
            this.createFolders = createFolders;
            this.createOnly = createOnly;
            this.cancelled = cancelled;
        }

        public static Options defaults() {
            return DEFAULTS;
        }

        /**
         * Replace the file only if it still holds exactly these bytes just before the rename; a
         * file changed, removed or replaced meanwhile refuses the write with {@link FileChangedException}.
         * The array is compared block by block as the file is read again, not copied: keep it
         * unchanged until the write returns.
         */
        public Options expectingCurrent(byte[] bytes) {
            // not copied (a README may be large): the caller keeps it unchanged until the write returns
            return new Options(Objects.requireNonNull(bytes, "bytes"), refuseReadOnly, newFilePermissions,
                    newFolderPermissions, createFolders, createOnly, cancelled);
        }

        /** Refuse ({@link ReadOnlyFileException}) to replace a file without write permission; else replace it, mode kept. */
        public Options refusingReadOnly(boolean refuse) {
            return new Options(expected, refuse, newFilePermissions, newFolderPermissions, createFolders, createOnly,
                    cancelled);
        }

        /** The permissions of a file that does not exist yet (a replaced file keeps its own). */
        public Options newFilePermissions(Set<PosixFilePermission> permissions) {
            return new Options(expected, refuseReadOnly, Set.copyOf(permissions), newFolderPermissions, createFolders,
                    createOnly, cancelled);
        }

        /** The permissions of the missing folders the write creates. */
        public Options newFolderPermissions(Set<PosixFilePermission> permissions) {
            return new Options(expected, refuseReadOnly, newFilePermissions, Set.copyOf(permissions), true,
                    createOnly, cancelled);
        }

        /** Whether missing folders are created (the default) or the write fails with {@link NoSuchFileException}. */
        public Options creatingFolders(boolean create) {
            return new Options(expected, refuseReadOnly, newFilePermissions, newFolderPermissions, create, createOnly,
                    cancelled);
        }

        /** Create the file, never replace one: an existing file (or link) fails the write with {@link FileAlreadyExistsException}. */
        public Options createOnly() {
            return new Options(expected, refuseReadOnly, newFilePermissions, newFolderPermissions, createFolders, true,
                    cancelled);
        }

        /**
         * Give the write up, leaving the file as it was, when {@code cancelled} says so (or the thread
         * is interrupted) at the last moment before the rename: {@link InterruptedIOException}.
         */
        public Options unlessCancelled(BooleanSupplier cancelled) {
            return new Options(expected, refuseReadOnly, newFilePermissions, newFolderPermissions, createFolders,
                    createOnly, Objects.requireNonNull(cancelled, "cancelled"));
        }
    }

    /** What a streaming write puts into the temporary file, written to its channel (which it must not close). */
    @FunctionalInterface
    public interface Content {
        void writeTo(WritableByteChannel channel) throws IOException;
    }

    /** {@link #write(Path, byte[], Options)} with the default options. */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, bytes, Options.defaults());
    }

    /**
     * Writes {@code bytes} to {@code file} as the class describes. On failure the file is as it
     * was and no temporary file is left.
     *
     * @throws NotRegularFileException when {@code file} is a symbolic link, FIFO, device, socket or folder
     * @throws ReadOnlyFileException when asked to refuse a read-only file and it is one
     * @throws FileChangedException when the file no longer holds the expected bytes
     * @throws OwnerNotKeptException when the file's owner or group cannot be given to the replacement
     * @throws InterruptedIOException when cancelled ({@link Options#unlessCancelled}) or interrupted before the rename
     */
    public static void write(Path file, byte[] bytes, Options options) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        write(file, channel -> writeFully(channel, ByteBuffer.wrap(bytes)), options);
    }

    /**
     * Writes what {@code content} produces to {@code file}, as {@link #write(Path, byte[], Options)}
     * does: for contents too large to hold in memory (a log, compressed on its way), or made of
     * parts (an edited README: its bytes before and after a section, and the new section).
     */
    public static void write(Path file, Content content, Options options) throws IOException {
        Objects.requireNonNull(content, "content");
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        if (options.createFolders) {
            createFolders(folder, options.newFolderPermissions);
        }
        Optional<Existing> existing = Existing.of(target);
        if (existing.isPresent() && options.createOnly) {
            throw new FileAlreadyExistsException(target.toString());
        }
        if (existing.isPresent() && options.refuseReadOnly && existing.get().readOnly(target)) {
            throw new ReadOnlyFileException(target.toString());
        }
        if (options.expected != null && existing.isEmpty()) {
            throw new FileChangedException(target.toString(), "it was removed meanwhile");
        }
        removeStaleTemporaries(target);
        Path temporary = temporaryFor(target);
        IN_PROGRESS.add(temporary);
        try {
            boolean restricted = existing.isPresent() || options.newFilePermissions != null;
            Files.createFile(temporary, restricted && Existing.posix(folder)
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0]);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                if (existing.isPresent()) {
                    existing.get().giveTo(temporary, target);
                } else if (options.newFilePermissions != null && Existing.posix(folder)) {
                    Files.setPosixFilePermissions(temporary, options.newFilePermissions);
                }
                content.writeTo(channel);
                channel.force(true);
            }
            if (options.expected != null) {
                requireUnchanged(target, options.expected);
            }
            if (Thread.currentThread().isInterrupted() || options.cancelled.getAsBoolean()) {
                throw new InterruptedIOException("cancelled before " + target + " was written; it is as it was");
            }
            if (options.createOnly) {
                createInPlace(temporary, target);
            } else {
                moveIntoPlace(temporary, target);
            }
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temporary, e);
            throw e;
        } finally {
            IN_PROGRESS.remove(temporary);
        }
        syncFolder(folder);
    }

    /**
     * Writes every byte of {@code buffer} (a channel may take fewer than asked at a time), at most
     * {@value #IO_BLOCK} bytes a call: the JDK copies a heap buffer through a native one of the
     * same size, which a large file would otherwise double in memory.
     */
    public static void writeFully(WritableByteChannel channel, ByteBuffer buffer) throws IOException {
        int limit = buffer.limit();
        try {
            while (buffer.position() < limit) {
                buffer.limit(Math.min(limit, buffer.position() + IO_BLOCK));
                channel.write(buffer);
            }
        } finally {
            buffer.limit(limit);
        }
    }

    /**
     * Whether the regular file holds exactly {@code expected}, compared block by block as it is
     * read (never a second copy of a large file in memory); a link or anything but a regular file
     * holds nothing.
     */
    public static boolean holdsExactly(Path file, byte[] expected) throws IOException {
        return holdsExactly(file, ByteBuffer.wrap(expected));
    }

    /** Whether the regular file holds exactly the {@code parts}, one after the other (their positions are left alone). */
    public static boolean holdsExactly(Path file, ByteBuffer... parts) throws IOException {
        requireRegularFile(file);
        long total = 0;
        for (ByteBuffer part : parts) {
            total += part.remaining();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            if (channel.size() != total) {
                return false;
            }
            ByteBuffer block = ByteBuffer.allocate((int) Math.min(COMPARE_BLOCK, Math.max(1, total)));
            for (ByteBuffer original : parts) {
                ByteBuffer part = original.duplicate();
                while (part.hasRemaining()) {
                    block.clear();
                    block.limit(Math.min(block.capacity(), part.remaining()));
                    while (block.hasRemaining()) {
                        if (channel.read(block) <= 0) {
                            return false;
                        }
                    }
                    block.flip();
                    ByteBuffer expected = part.slice().limit(block.remaining());
                    if (!block.equals(expected)) {
                        return false;
                    }
                    part.position(part.position() + block.remaining());
                }
            }
            block.clear();
            return channel.read(block) <= 0;
        }
    }

    /**
     * Follows symbolic links explicitly: the real path of an existing regular file.
     *
     * @throws NoSuchFileException when the file (or a link's target) does not exist
     * @throws NotRegularFileException when it is a FIFO, device, socket or folder (it is not opened)
     */
    public static Path resolve(Path file) throws IOException {
        Path real = file.toRealPath();
        requireRegularFile(real);
        return real;
    }

    /**
     * The bytes of a regular file, read without following a symbolic link; anything else is
     * refused before it is opened.
     */
    public static byte[] readRegularFile(Path file) throws IOException {
        requireRegularFile(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            // one array of the file's size (a large README is held once, not gathered and copied)
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException(file + " is larger than 2 GB");
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) size);
            while (bytes.position() < bytes.capacity()) {
                // in blocks: the JDK reads into a heap buffer through a native one of the same size
                bytes.limit(Math.min(bytes.capacity(), bytes.position() + IO_BLOCK));
                if (channel.read(bytes) <= 0) {
                    break;
                }
            }
            bytes.limit(bytes.capacity());
            byte[] more = Channels.newInputStream(channel).readAllBytes(); // grown meanwhile: the rest too
            if (bytes.hasRemaining() || more.length > 0) {
                byte[] all = Arrays.copyOf(bytes.array(), bytes.position() + more.length);
                System.arraycopy(more, 0, all, bytes.position(), more.length);
                return all;
            }
            return bytes.array();
        }
    }

    /** Refuses, without opening it, anything at {@code file} that is not a regular file (a link included). */
    public static void requireRegularFile(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new NotRegularFileException(file.toString(), Existing.describe(file, attributes));
        }
    }

    /** Whether {@code candidate} is one of the temporary files a write of {@code target} uses. */
    public static boolean isTemporaryOf(Path target, Path candidate) {
        String name = candidate.getFileName().toString();
        return name.startsWith("." + target.getFileName() + TEMPORARY_MARK) && name.endsWith(TEMPORARY_SUFFIX);
    }

    /** Whether the file system holding {@code path} (which need not exist) has POSIX permissions. */
    public static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** An I/O failure as a user reads it: "permission denied" rather than an exception's class name. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file or directory: " + missing.getFile();
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return "it already exists: " + exists.getFile();
        }
        if (e instanceof NotDirectoryException notFolder) {
            return notFolder.getFile() + " is not a folder";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Path temporaryFor(Path target) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return target.resolveSibling("." + target.getFileName() + TEMPORARY_MARK + ProcessHandle.current().pid() + "-"
                + HexFormat.of().formatHex(random) + TEMPORARY_SUFFIX);
    }

    /**
     * Removes temporary files of {@code target} left by a write that never finished: the process
     * that wrote one has ended (or is this one, not writing it now), or it is older than any write takes.
     */
    static void removeStaleTemporaries(Path target) {
        Path folder = target.getParent();
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                entry -> isTemporaryOf(target, entry))) {
            for (Path entry : entries) {
                if (!IN_PROGRESS.contains(entry) && abandoned(target, entry)) {
                    stale.add(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            return; // cleaning up is a courtesy: the write itself decides whether the folder is usable
        }
        for (Path entry : stale) {
            deleteQuietly(entry, null);
        }
    }

    private static boolean abandoned(Path target, Path temporary) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(temporary, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            return false; // not something we made: leave it alone
        }
        if (attributes.lastModifiedTime().compareTo(FileTime.from(Instant.now().minus(ABANDONED_AFTER))) < 0) {
            return true;
        }
        String name = temporary.getFileName().toString();
        String rest = name.substring(("." + target.getFileName() + TEMPORARY_MARK).length());
        int dash = rest.indexOf('-');
        long pid;
        try {
            pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
        } catch (NumberFormatException e) {
            return false;
        }
        if (pid == ProcessHandle.current().pid()) {
            return true; // ours, and not in progress: a write of this process that failed to clean up
        }
        return ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
    }

    private static void createFolders(Path folder, Set<PosixFilePermission> permissions) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path at = folder; at != null && !Files.isDirectory(at); at = at.getParent()) {
            missing.add(0, at);
        }
        for (Path create : missing) {
            try {
                Files.createDirectory(create);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(create)) {
                    throw e;
                }
                continue; // another process made it meanwhile
            }
            if (permissions != null && Existing.posix(create)) {
                // set explicitly: permissions given at creation are narrowed by the umask
                Files.setPosixFilePermissions(create, permissions);
            }
        }
    }

    private static void requireUnchanged(Path target, byte[] expected) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new FileChangedException(target.toString(), "it was removed meanwhile");
        }
        if (!attributes.isRegularFile()) {
            throw new FileChangedException(target.toString(), "it was replaced meanwhile by "
                    + Existing.describe(target, attributes));
        }
        if (!holdsExactly(target, expected)) {
            throw new FileChangedException(target.toString(), "another program changed it meanwhile");
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this is rare (some network file systems); a plain replace is the best left.
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A hard link creates the file only if nothing is there, in one step; then the temporary name goes. */
    private static void createInPlace(Path temporary, Path target) throws IOException {
        try {
            Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            Files.move(temporary, target); // without REPLACE_EXISTING: refuses an existing file
            return;
        }
        Files.delete(temporary);
    }

    /** Makes the rename itself durable where the platform allows syncing a folder (Linux does; not every OS). */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // The file is in place either way; only its survival of a power cut is less certain.
        }
    }

    private static void deleteQuietly(Path temporary, Throwable failure) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    /** The file being replaced: what kind of thing it is, and the owner, group and mode it keeps. */
    private static final class Existing {
        private final Map<String, Object> unix;
        private final Set<PosixFilePermission> permissions;

        private Existing(Map<String, Object> unix, Set<PosixFilePermission> permissions) {
            this.unix = unix;
            this.permissions = permissions;
        }

        static Optional<Existing> of(Path target) throws IOException {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
            if (!attributes.isRegularFile()) {
                throw new NotRegularFileException(target.toString(), describe(target, attributes));
            }
            if (supports(target, "unix")) {
                return Optional.of(new Existing(Files.readAttributes(target, "unix:uid,gid,mode",
                        LinkOption.NOFOLLOW_LINKS), null));
            }
            if (posix(target)) {
                return Optional.of(new Existing(null, Files.getPosixFilePermissions(target,
                        LinkOption.NOFOLLOW_LINKS)));
            }
            return Optional.of(new Existing(null, null));
        }

        /** No write permission for its owner, or none for this process. */
        boolean readOnly(Path target) {
            if (unix != null && (((Integer) unix.get("mode")) & 0200) == 0) {
                return true;
            }
            if (permissions != null && !permissions.contains(PosixFilePermission.OWNER_WRITE)) {
                return true;
            }
            return !Files.isWritable(target);
        }

        /** Gives the replacement the file's owner and group (chown, as root), then its mode. */
        void giveTo(Path temporary, Path target) throws IOException {
            if (unix != null) {
                keepId(temporary, target, "uid", "owner (uid ");
                keepId(temporary, target, "gid", "group (gid ");
                Files.setAttribute(temporary, "unix:mode", ((Integer) unix.get("mode")) & PERMISSION_BITS,
                        LinkOption.NOFOLLOW_LINKS);
            } else if (permissions != null) {
                Files.setPosixFilePermissions(temporary, permissions);
            }
        }

        private void keepId(Path temporary, Path target, String id, String what) throws IOException {
            Object wanted = unix.get(id);
            if (wanted.equals(Files.getAttribute(temporary, "unix:" + id, LinkOption.NOFOLLOW_LINKS))) {
                return;
            }
            try {
                Files.setAttribute(temporary, "unix:" + id, wanted, LinkOption.NOFOLLOW_LINKS);
            } catch (FileSystemException e) {
                throw new OwnerNotKeptException(target.toString(), "its " + what + wanted + ") could not be kept: "
                        + reason(e) + "; update it as its owner, or as root");
            }
        }

        static boolean posix(Path path) {
            return supports(path, "posix");
        }

        private static boolean supports(Path path, String view) {
            try {
                return Files.getFileStore(path).supportsFileAttributeView(view);
            } catch (IOException e) {
                return false;
            }
        }

        /** What a non-regular file is, in words: "a FIFO (named pipe)", "a directory", ... */
        static String describe(Path file, BasicFileAttributes attributes) {
            if (attributes.isSymbolicLink()) {
                return "a symbolic link";
            }
            if (attributes.isDirectory()) {
                return "a directory";
            }
            try {
                int type = ((Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 0170000;
                switch (type) {
                    case 0010000:
                        return "a FIFO (named pipe)";
                    case 0020000:
                        return "a character device";
                    case 0060000:
                        return "a block device";
                    case 0140000:
                        return "a socket";
                    default:
                        break;
                }
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                // no unix view: fall through to the general words
            }
            return "a special file";
        }
    }
}
