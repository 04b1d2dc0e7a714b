package dev.offloadbench.adapters.storage;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.ProfileId;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.port.out.SessionStore;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.files.AtomicFile;
import dev.offloadbench.files.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Sessions as folders under {@code <state>/sessions/<id>/}: {@code session.json}, the schema-1
 * results document plus everything the session knows, rewritten atomically on every save, and
 * one log per execution beside it ({@code mng-baseline-sample-1.log}, gzipped once its run is over:
 * {@code mng-baseline-sample-1.log.gz}). Folders are 0700 and files 0600, and the values of secret-looking variables are never written ({@link SessionDocument}).
 *
 * <p>{@code state} is {@code $XDG_STATE_HOME/offload-bench}; the caller works it out.
 */
public final class JsonSessionStore implements SessionStore {
    static final String SESSION_FILE = "session.json";
    private static final String COMPRESSED = ".gz";
    private static final int GZIP_CHUNK = 1024 * 1024;
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Comparator<Session> OLDEST_FIRST =
            Comparator.comparing(Session::created).thenComparing(Session::id);

    private final Path sessions;

    public JsonSessionStore(Path stateDirectory) {
        this.sessions = stateDirectory.resolve("sessions");
    }

    @Override
    public void save(Session session) {
        Path file = resultsFile(session.id());
        try {
            PrivateFiles.folder(sessions);
            PrivateFiles.folder(file.getParent());
            AtomicFile.write(file, SessionDocument.toJson(session), PrivateFiles.writing());
        } catch (IOException e) {
            throw new BenchException("cannot save session " + session.id() + " to " + file + ": "
                    + AtomicFile.reason(e) + "; check that " + sessions + " is a writable directory", e);
        }
    }

    @Override
    public Optional<Session> load(String id) {
        Path file = resultsFile(id);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(read(id, file));
    }

    @Override
    public boolean exists(String id) {
        return Files.exists(folder(id));
    }

    /** Every folder that holds a readable session.json; the others are in {@link #unreadable()}. */
    @Override
    public List<Session> list() {
        return survey().sessions();
    }

    @Override
    public List<Unreadable> unreadable() {
        return survey().unreadable();
    }

    /** Reads every session; one that cannot be read is set aside with why, never silently left out. */
    private Survey survey() {
        if (!Files.isDirectory(sessions)) {
            return new Survey(List.of(), List.of());
        }
        List<Session> found = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        try (Stream<Path> folders = Files.list(sessions)) {
            for (Path folder : folders.sorted().toList()) {
                String id = folder.getFileName().toString();
                Path file = folder.resolve(SESSION_FILE);
                if (Files.isDirectory(folder) && SIMPLE_NAME.matcher(id).matches() && Files.exists(file)) {
                    try {
                        found.add(read(id, file));
                    } catch (BenchException e) {
                        unreadable.add(new Unreadable(id, e.getMessage()));
                    }
                }
            }
        } catch (IOException e) {
            throw new BenchException("cannot list the sessions in " + sessions + ": " + AtomicFile.reason(e), e);
        }
        found.sort(OLDEST_FIRST);
        return new Survey(List.copyOf(found), List.copyOf(unreadable));
    }

    private record Survey(List<Session> sessions, List<Unreadable> unreadable) {
    }

    @Override
    public Path resultsFile(String id) {
        return folder(id).resolve(SESSION_FILE);
    }

    /** The log's path; the session's folder is created, so the run can open the log at once. */
    @Override
    public Path logFile(String sessionId, String profileId, RunKind kind, boolean warmup, int number) {
        try {
            ProfileId.check(profileId);
        } catch (IllegalArgumentException e) {
            throw new BenchException("cannot name a log after " + e.getMessage(), e);
        }
        if (number < 1) {
            throw new IllegalArgumentException("executions are numbered from 1: " + number);
        }
        Path folder = folder(sessionId);
        Path log = folder.resolve(profileId + "-" + kind.id() + "-" + (warmup ? "warmup" : "sample") + "-" + number
                + ".log");
        try {
            PrivateFiles.folder(sessions);
            PrivateFiles.folder(folder);
            // created here, private, so that the run's output is never readable by others
            PrivateFiles.file(log);
        } catch (IOException e) {
            throw new BenchException("cannot create the session's log " + log + ": " + AtomicFile.reason(e), e);
        }
        return log;
    }

    /**
     * gzip at its fastest level: a chatty run's log shrinks tens of times in seconds. The
     * compressed log is written as every file of a session is (a temporary file, renamed; 0600),
     * then the plain one is removed; a log that cannot be compressed stays as it is.
     */
    @Override
    public Path compressLog(Path log) {
        String name = log.getFileName().toString();
        if (name.endsWith(COMPRESSED) || !Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS)) {
            return log;
        }
        Path compressed = log.resolveSibling(name + COMPRESSED);
        try (InputStream in = Files.newInputStream(log, LinkOption.NOFOLLOW_LINKS)) {
            AtomicFile.write(compressed, channel -> gzip(in, channel), PrivateFiles.writing());
        } catch (IOException e) {
            return log;
        }
        try {
            Files.delete(log);
        } catch (IOException e) {
            // both are there and hold the same output; the compressed one is the one recorded
        }
        return compressed;
    }

    private static void gzip(InputStream in, WritableByteChannel channel) throws IOException {
        FastGzip out = new FastGzip(Channels.newOutputStream(channel));
        try {
            byte[] buffer = new byte[GZIP_CHUNK];
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                out.write(buffer, 0, n);
            }
            out.finish();
        } finally {
            out.release();
        }
    }

    /** gzip at {@link Deflater#BEST_SPEED}; finished without closing the channel it writes to. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, GZIP_CHUNK);
            def.setLevel(Deflater.BEST_SPEED);
        }

        void release() {
            def.end();
        }
    }

    /** A log whether it was compressed or not ({@code run.log} recorded, {@code run.log.gz} there, too). */
    @Override
    public InputStream readLog(Path log) {
        Path file = log;
        String name = log.getFileName().toString();
        if (!Files.exists(file) && !name.endsWith(COMPRESSED) && Files.exists(log.resolveSibling(name + COMPRESSED))) {
            file = log.resolveSibling(name + COMPRESSED);
        }
        try {
            InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
            return file.getFileName().toString().endsWith(COMPRESSED) ? new GZIPInputStream(in, GZIP_CHUNK) : in;
        } catch (NoSuchFileException e) {
            throw new BenchException("the log " + log + " is gone: bench keeps the logs of the last sessions only"
                    + " (keep_logs in the configuration), or it was removed by hand", e);
        } catch (IOException e) {
            throw new BenchException("cannot read the log " + log + ": " + AtomicFile.reason(e), e);
        }
    }

    /** Every log of the session's folder ({@code *.log}, {@code *.log.gz}); session.json and exports stay. */
    @Override
    public RemovedLogs removeLogs(String sessionId) {
        Path folder = folder(sessionId);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return RemovedLogs.NONE;
        }
        RemovedLogs removed = RemovedLogs.NONE;
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(folder, "*.{log,log.gz}")) {
            for (Path log : logs) {
                BasicFileAttributes attributes = Files.readAttributes(log, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attributes.isRegularFile() && Files.deleteIfExists(log)) {
                    removed = removed.plus(new RemovedLogs(1, attributes.size()));
                }
            }
        } catch (IOException e) {
            throw new BenchException("cannot remove the logs of session " + sessionId + " in " + folder + ": "
                    + AtomicFile.reason(e), e);
        }
        return removed;
    }

    private Path folder(String id) {
        if (id == null || !SIMPLE_NAME.matcher(id).matches() || id.equals(".") || id.equals("..")) {
            throw new BenchException("\"" + id + "\" is not a session id: an id is letters, digits, '.', '_' or '-'"
                    + " (like 20261127-141530); see `bench sessions` for the sessions there are");
        }
        return sessions.resolve(id);
    }

    private static Session read(String id, Path file) {
        LocatedJson.Node root = JsonResultsReader.parse(file);
        SessionMapping mapping = new SessionMapping(file.toString());
        Session session = mapping.session(root);
        if (!session.id().equals(id)) {
            LocatedJson.Node written = mapping.idNode(root);
            throw new BenchException(LocatedJson.locate(file.toString(), written.position(), written.path())
                    + "the session in folder " + id + " says its id is \"" + session.id()
                    + "\"; a session's id is its folder's name");
        }
        return session;
    }
}
