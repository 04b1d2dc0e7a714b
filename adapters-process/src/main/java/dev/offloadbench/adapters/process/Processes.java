package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.run.Interrupted;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Starting processes with standard input closed, and ending whole process trees. */
final class Processes {
    /** How long a process tree gets to end after SIGTERM before it is killed. */
    private static final Duration GRACE = Duration.ofSeconds(2);
    /** How long to wait for the rest of the output once the process has ended. */
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private Processes() {
    }

    /** Why a process could not be started. */
    static final class StartFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean notFound;

        StartFailure(IOException cause, boolean notFound) {
            super(cause.getMessage(), cause);
            this.notFound = notFound;
        }

        /** The program is not on the PATH (or the given path does not exist). */
        boolean notFound() {
            return notFound;
        }
    }

    /** Both streams of a finished process, in full. */
    record Captured(int exitCode, boolean timedOut, String stdout, String stderr) {
    }

    /**
     * Starts {@code argv} in {@code directory} with exactly {@code base} plus {@code extra} as its
     * environment, standard input closed (the program reads end-of-file at once).
     */
    static Process start(List<String> argv, Path directory, Map<String, String> base, Map<String, String> extra,
            boolean mergeErrors) throws StartFailure {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(directory.toFile())
                .redirectErrorStream(mergeErrors);
        builder.environment().clear();
        builder.environment().putAll(base);
        builder.environment().putAll(extra);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            // Why it failed is asked of the file system, not read from the message: the folder is
            // there, and nothing answers to the program's name (on the child's PATH, or at its path
            // from the folder).
            boolean notFound = Files.isDirectory(directory) && !present(argv.get(0), builder.environment(), directory);
            throw new StartFailure(e, notFound);
        }
    }

    /**
     * Whether anything stands where the program would be looked for: at its path from
     * {@code directory}, or in a folder of the PATH. A file that is there but cannot run (not
     * executable) is not "not found".
     */
    static boolean present(String program, Map<String, String> environment, Path directory) {
        try {
            if (program.contains("/")) {
                return Files.exists(directory.resolve(program));
            }
            for (String folder : environment.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!folder.isEmpty() && !program.isEmpty() && Files.exists(Path.of(folder, program))) {
                    return true;
                }
            }
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
        return false;
    }

    /** Runs to completion (or timeout, then ends the tree), keeping stdout and stderr apart and whole. */
    static Captured capture(List<String> argv, Path directory, Map<String, String> base, Map<String, String> extra,
            Duration timeout) throws StartFailure {
        Process process = start(argv, directory, base, extra, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outPump = pump(process.getInputStream(), out::writeBytes, "stdout of " + argv.get(0));
        Thread errPump = pump(process.getErrorStream(), err::writeBytes, "stderr of " + argv.get(0));
        boolean timedOut = !waitFor(process, timeout);
        if (timedOut) {
            destroyTree(process);
        }
        join(outPump);
        join(errPump);
        int exitCode = timedOut ? -1 : process.exitValue();
        // ByteArrayOutputStream is synchronized, so a pump still running cannot tear what is read here.
        return new Captured(exitCode, timedOut, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    /** Copies a stream to {@code sink} in a daemon thread, chunk by chunk. */
    static Thread pump(InputStream stream, Consumer<byte[]> sink, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (stream) {
                int n;
                while ((n = stream.read(buffer)) >= 0) {
                    sink.accept(Arrays.copyOf(buffer, n));
                }
            } catch (IOException e) {
                // The stream was closed because the process tree was ended: the output so far is all there is.
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroyTree(process);
            throw new Interrupted("interrupted while waiting for "
                    + process.info().command().orElse("a command") + "; it was stopped");
        }
    }

    /**
     * Waits for the reader, but not for ever: a background child that escaped the tree may hold
     * the pipe open after the process itself has ended.
     */
    static void join(Thread pump) {
        try {
            pump.join(DRAIN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ends the process and everything it started: SIGTERM to all, then, after a grace period,
     * SIGKILL to whatever is left. The descendants are listed first, because once their parent
     * has gone they are no longer its descendants.
     */
    static void destroyTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        tree.addAll(process.descendants().collect(Collectors.toList()));
        tree.forEach(ProcessHandle::destroy);
        if (!allEnded(tree, GRACE)) {
            List<ProcessHandle> survivors = new ArrayList<>();
            for (ProcessHandle handle : tree) {
                if (handle.isAlive()) {
                    survivors.add(handle);
                    handle.descendants().forEach(survivors::add);
                }
            }
            survivors.forEach(ProcessHandle::destroyForcibly);
            allEnded(survivors, GRACE);
        }
    }

    private static boolean allEnded(List<ProcessHandle> handles, Duration within) {
        CompletableFuture<?>[] exits = handles.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The command as one would type it in a shell, for messages. */
    static String display(List<String> argv) {
        return argv.stream().map(Processes::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=+,@%-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
