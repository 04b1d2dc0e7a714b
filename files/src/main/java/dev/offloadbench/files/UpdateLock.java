package dev.offloadbench.files;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One update of a file at a time, across processes: an operating-system lock on a lock file
 * beside it ({@code .README.md.offload-bench.lock}). A second updater waits for the first to
 * finish, then reads the file afresh, so neither update is lost. The system releases the lock
 * when its holder ends, however it ends, so a lock is never stale.
 *
 * <p>The holder removes the lock file before releasing it, so nothing is left beside the file. A
 * waiter that then wins the lock on the removed file sees that the path no longer names the file
 * it locked, and starts again on the new one.
 *
 * <p>POSIX releases every lock a process holds on a file as soon as the process closes any
 * descriptor of it, so within this JVM the updates take turns on a Java lock first and the lock
 * file is only ever opened by its one holder here.
 */
public final class UpdateLock implements AutoCloseable {
    static final String SUFFIX = ".offload-bench.lock";
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private UpdateLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file that serialises updates of {@code target}: hidden, in the same folder. */
    public static Path lockFileOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + SUFFIX);
    }

    /**
     * Takes the lock of {@code target}, waiting up to {@code patience} for another holder.
     *
     * @param onWait called once, before waiting, when another update holds the lock
     * @throws LockBusyException when the lock is still held after {@code patience}
     */
    public static UpdateLock acquire(Path target, Duration patience, Runnable onWait) throws IOException {
        return acquire(target, patience, onWait, () -> false);
    }

    /**
     * Takes the lock of {@code target}, waiting up to {@code patience} for another holder, unless
     * the caller gives up first: {@code cancelled} is asked before the lock is taken and while it
     * waits (as is the thread's interrupt status).
     *
     * @param onWait called once, before waiting, when another update holds the lock
     * @param cancelled true once the caller no longer wants the lock (a signal came, say)
     * @throws LockBusyException when the lock is still held after {@code patience}
     * @throws InterruptedIOException when cancelled or interrupted before the lock was taken
     */
    public static UpdateLock acquire(Path target, Duration patience, Runnable onWait, BooleanSupplier cancelled)
            throws IOException {
        Objects.requireNonNull(onWait, "onWait");
        Objects.requireNonNull(cancelled, "cancelled");
        Path file = lockFileOf(target.toAbsolutePath());
        Instant deadline = Instant.now().plus(patience);
        boolean waited = false;
        stopIfCancelled(file, cancelled);
        if (!IN_THIS_JVM.tryLock()) {
            onWait.run();
            waited = true;
            try {
                while (!IN_THIS_JVM.tryLock(POLL_NANOS, TimeUnit.NANOSECONDS)) {
                    stopIfCancelled(file, cancelled);
                    if (Instant.now().isAfter(deadline)) {
                        throw busy(file, patience);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for " + file);
            }
        }
        try {
            while (true) {
                Object before = identity(file);
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
                try {
                    if (before == null || !before.equals(identity(file))) {
                        channel.close(); // created just now, or replaced meanwhile: look again
                        continue;
                    }
                    FileLock lock = tryLock(channel);
                    while (lock == null) {
                        if (!waited) {
                            onWait.run();
                            waited = true;
                        }
                        if (Instant.now().isAfter(deadline)) {
                            throw busy(file, patience);
                        }
                        LockSupport.parkNanos(POLL_NANOS);
                        stopIfCancelled(file, cancelled);
                        lock = tryLock(channel);
                    }
                    if (!before.equals(identity(file))) {
                        lock.release(); // its holder removed it: the next updater locks a new file
                        channel.close();
                        continue;
                    }
                    writeHolder(channel);
                    return new UpdateLock(file, channel, lock);
                } catch (IOException | RuntimeException | Error e) {
                    closeQuietly(channel, e);
                    throw e;
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            IN_THIS_JVM.unlock();
            throw e;
        }
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** Removes the lock file, then releases the lock: the next updater starts on a new file. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
        } finally {
            try {
                lock.release();
                channel.close();
            } finally {
                IN_THIS_JVM.unlock();
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held in this JVM by a channel outside this class: wait as for another process
        }
    }

    /** Device and inode of what the path names now, or null when nothing is there. */
    private static Object identity(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw new NotRegularFileException(file.toString(), "not a lock file of ours");
            }
            Object key = attributes.fileKey();
            return key != null ? key : attributes.creationTime();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static void writeHolder(FileChannel channel) throws IOException {
        channel.truncate(0);
        ByteBuffer holder = ByteBuffer.wrap(("pid=" + ProcessHandle.current().pid() + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        while (holder.hasRemaining()) {
            channel.write(holder, holder.position());
        }
    }

    private static LockBusyException busy(Path file, Duration patience) {
        String holder = "";
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip();
            if (text.startsWith("pid=")) {
                holder = " by process " + text.substring(4);
            }
        } catch (IOException | RuntimeException e) {
            // the holder is unknown: say what is known
        }
        return new LockBusyException(file.toString(), "another update has held this lock" + holder + " for more than "
                + patience.toSeconds() + " s");
    }

    /** Gives up waiting when the caller cancelled, or the thread was interrupted (its status is kept). */
    private static void stopIfCancelled(Path file, BooleanSupplier cancelled) throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted while waiting for " + file);
        }
        if (cancelled.getAsBoolean()) {
            throw new InterruptedIOException("cancelled while waiting for " + file);
        }
    }

    private static void closeQuietly(FileChannel channel, Throwable failure) {
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
