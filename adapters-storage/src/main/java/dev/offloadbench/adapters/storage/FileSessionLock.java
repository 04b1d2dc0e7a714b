package dev.offloadbench.adapters.storage;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.port.out.SessionLock;
import dev.offloadbench.domain.run.Markers;
import dev.offloadbench.files.AtomicFile;
import dev.offloadbench.files.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The session lock as an operating-system lock on {@code <state>/run.lock}: the system releases it
 * when the holding process ends, however it ends (even {@code kill -9}), so a lock is never
 * stale. The holder writes {@code pid=} and {@code since=} into the file so that a refused
 * session can name it. The file is opened without following symbolic links ({@code O_NOFOLLOW}),
 * in a state folder created 0700, and is itself 0600.
 *
 * <p>Beside the lock, {@code run.probes} lists the markers of the probes the holder runs (a probe
 * belongs to no session), one a line, written atomically through {@link AtomicFile}, 0600: a
 * holder that dies while it probes leaves them there for the next one.
 *
 * <p>POSIX releases every lock a process holds on a file as soon as the process closes <em>any</em>
 * descriptor of that file, so a lock held by this JVM is remembered in memory and a second
 * attempt here is refused without ever opening the file.
 */
public final class FileSessionLock implements SessionLock {
    static final String LOCK_FILE = "run.lock";
    static final String PROBES_FILE = "run.probes";
    private static final String ADVICE = "; benchmarks never run concurrently: wait for it to finish, or stop it";
    private static final Pattern PID = Pattern.compile("(?m)^pid=(\\d+)$");
    private static final Pattern SINCE = Pattern.compile("(?m)^since=(\\S+)$");
    /** The holder may have the lock but not yet have written its name: look again for this long. */
    private static final int HOLDER_READ_ATTEMPTS = 10;
    private static final long HOLDER_READ_PAUSE_MILLIS = 20;
    private static final int HOLDER_MAX_BYTES = 4096;

    /** Locks this JVM holds, by the lock file's identity (device and inode), with the holder's lines. */
    private static final Map<Object, String> HELD_HERE = new ConcurrentHashMap<>();
    /** One acquisition at a time in this JVM, so that the check above and the lock are one step. */
    private static final Object ACQUIRING = new Object();

    private final Path stateDirectory;

    public FileSessionLock(Path stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    @Override
    public Held acquire() {
        Path file = lockFile();
        synchronized (ACQUIRING) {
            String heldHere = fileKey(file).map(HELD_HERE::get).orElse(null);
            if (heldHere != null) {
                // Never open the file here: closing that descriptor would release the lock we hold.
                throw refused(heldHere, file);
            }
            return lock(file);
        }
    }

    private Path lockFile() {
        Path file;
        try {
            PrivateFiles.folder(stateDirectory);
            file = stateDirectory.toRealPath().resolve(LOCK_FILE);
        } catch (IOException e) {
            throw new BenchException("cannot create " + stateDirectory + " for the session lock: "
                    + AtomicFile.reason(e), e);
        }
        if (Files.isSymbolicLink(file)) {
            throw new BenchException(notAFile(file, "a symbolic link"));
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new BenchException(notAFile(file, Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)
                    ? "a directory" : "not a regular file"));
        }
        return file;
    }

    private static String notAFile(Path file, String what) {
        return "the session lock " + file + " is " + what + "; bench only ever uses a plain file there (it"
                + " would otherwise write through it): remove it, and bench creates the lock again";
    }

    private static Held lock(Path file) {
        FileChannel channel;
        try {
            // O_NOFOLLOW: a symbolic link put there between the check above and now is refused, never followed
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                    AtomicFile.posix(file) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                            PrivateFiles.FILE)} : new FileAttribute<?>[0]);
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(file)) {
                throw new BenchException(notAFile(file, "a symbolic link"), e);
            }
            throw new BenchException("cannot open the session lock " + file + ": " + AtomicFile.reason(e), e);
        } catch (IOException e) {
            throw new BenchException("cannot open the session lock " + file + ": " + AtomicFile.reason(e), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // This JVM holds the lock under an identity the map did not know. The channel stays
            // open on purpose: closing it would release that other lock.
            throw refused("", file);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new BenchException("cannot take the session lock " + file + ": " + AtomicFile.reason(e), e);
        }
        if (lock == null) {
            // Another process holds it; this JVM holds no lock on the file, so closing is safe.
            closeQuietly(channel);
            throw refused(readHolder(file), file);
        }
        String holder = "pid=" + ProcessHandle.current().pid() + "\nsince="
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
        try {
            channel.truncate(0);
            ByteBuffer text = ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8));
            while (text.hasRemaining()) {
                channel.write(text, channel.size());
            }
            channel.force(true);
            Object key = fileKey(file).orElse(file);
            HELD_HERE.put(key, holder);
            return new HeldLock(key, holder, channel, lock, file.resolveSibling(PROBES_FILE));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new BenchException("cannot write to the session lock " + file + ": " + AtomicFile.reason(e), e);
        }
    }

    /** The file's identity without opening it (a stat), or the path where the system has none. */
    private static Optional<Object> fileKey(Path file) {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return Optional.of(key == null ? file : key);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String readHolder(Path file) {
        for (int attempt = 1; attempt <= HOLDER_READ_ATTEMPTS; attempt++) {
            try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS)) {
                ByteBuffer buffer = ByteBuffer.allocate(HOLDER_MAX_BYTES);
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // the holder's two short lines
                }
                String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
                if (PID.matcher(text).find() || attempt == HOLDER_READ_ATTEMPTS) {
                    return text;
                }
                Thread.sleep(HOLDER_READ_PAUSE_MILLIS);
            } catch (IOException e) {
                return "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }
        return "";
    }

    private static BenchException refused(String holder, Path file) {
        Matcher pid = PID.matcher(holder);
        Matcher since = SINCE.matcher(holder);
        if (pid.find() && since.find()) {
            return new BenchException("another benchmark session is running (pid " + pid.group(1) + ", since "
                    + since.group(1) + ")" + ADVICE);
        }
        if (pid.find(0)) {
            return new BenchException("another benchmark session is running (pid " + pid.group(1) + ")" + ADVICE);
        }
        return new BenchException("another benchmark session is running (which process holds " + file
                + " could not be read)" + ADVICE);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing only gives up a lock we do not hold; nothing is lost.
        }
    }

    /** Released on close; the file stays, its contents naming the last holder. */
    private static final class HeldLock implements Held {
        private final Object key;
        private final String holder;
        private final FileChannel channel;
        private final FileLock lock;
        private final Path probes;
        private boolean closed;

        HeldLock(Object key, String holder, FileChannel channel, FileLock lock, Path probes) {
            this.key = key;
            this.holder = holder;
            this.channel = channel;
            this.lock = lock;
            this.probes = probes;
        }

        @Override
        public long holderPid() {
            return ProcessHandle.current().pid();
        }

        @Override
        public synchronized List<String> recordedProbes() {
            if (!Files.exists(probes, LinkOption.NOFOLLOW_LINKS)) {
                return List.of();
            }
            try {
                String text = new String(AtomicFile.readRegularFile(probes), StandardCharsets.UTF_8);
                // a line that is no marker (the file was edited) names nothing to end
                return text.lines().map(String::strip).filter(Markers::isMarker).distinct().toList();
            } catch (IOException e) {
                throw new BenchException("cannot read " + probes + ", the record of the probes under way: "
                        + AtomicFile.reason(e) + "; remove it, and bench makes it again", e);
            }
        }

        @Override
        public synchronized void recordProbe(String marker) {
            Set<String> markers = new LinkedHashSet<>(recordedProbes());
            markers.add(marker);
            write(markers);
        }

        @Override
        public synchronized void clearProbe(String marker) {
            Set<String> markers = new LinkedHashSet<>(recordedProbes());
            if (markers.remove(marker)) {
                write(markers);
            }
        }

        private void write(Set<String> markers) {
            try {
                if (markers.isEmpty()) {
                    Files.deleteIfExists(probes);
                } else {
                    AtomicFile.write(probes, (String.join("\n", markers) + "\n").getBytes(StandardCharsets.UTF_8),
                            PrivateFiles.writing());
                }
            } catch (IOException e) {
                throw new BenchException("cannot record the probes under way in " + probes + ": "
                        + AtomicFile.reason(e), e);
            }
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                lock.release();
            } catch (IOException ignored) {
                // Closing the channel below releases it as well.
            } finally {
                closeQuietly(channel);
                HELD_HERE.remove(key, holder);
            }
        }
    }
}
