package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.port.out.RunExecutor;
import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Execution;
import dev.offloadbench.domain.run.ExecutionRequest;
import dev.offloadbench.domain.run.LeftoverProcess;
import dev.offloadbench.domain.run.Termination;
import dev.offloadbench.domain.run.TestTally;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs one benchmark command for real: in its folder, with the base environment plus the
 * request's, standard input closed, stdout and stderr interleaved into one pipe. The wall-clock
 * time runs on {@link System#nanoTime()} from just before the start to the moment the process
 * exits, stamped by a thread that does nothing but wait for that exit (started before the
 * command, so no thread is created, and no thread pool stands, between the exit and the clock).
 *
 * <p>Nothing bench does with the output can slow the command: one thread drains the pipe into
 * the log and does nothing else (large reads, no decoding, no lines); a follower reads the log
 * behind it for the listener (an echo, the latest line); the output is parsed from the log once
 * the command has exited, outside the timed window.
 *
 * <p>{@code just} on the PATH being rust-just's Node wrapper, the command runs its native binary
 * instead (the wrapper would add half a second of Node to every timed run), and that binary's
 * folder comes first on the command's PATH, so that a recipe calling {@code just} again gets it too.
 *
 * <p>Containment: the command gets the request's marker in its environment
 * ({@value MarkedProcesses#VARIABLE}), which every process it starts inherits. On Linux it is
 * started through {@code setsid}, so it leads a process group (and session) of its own. However
 * the run ends (exit, timeout, cancellation, an exception), every process still carrying the
 * marker, in whatever group or session, every member of the run's group, and their descendants
 * are ended, SIGTERM first and SIGKILL after {@link MarkedProcesses#GRACE}, and those that were
 * still running after the command itself had gone are reported. Where there is no {@code /proc}
 * (macOS) the tree is found through the group and the descendants ({@link ProcessTree}).
 * Either way, {@link #execute} returns only once no process of the run is left.
 */
public final class StreamingRunExecutor implements RunExecutor {
    /** How long the rest of the output may take once the process has gone. */
    static final Duration DRAIN = Duration.ofSeconds(5);
    /** Far more than a pipe holds: each read takes whatever the command has written. */
    private static final int CHUNK = 256 * 1024;

    private final Map<String, String> baseEnvironment;
    private final Optional<Path> setsid;
    private final Optional<Path> kill;

    /** @param baseEnvironment what every command inherits, before the request's own variables */
    public StreamingRunExecutor(Map<String, String> baseEnvironment) {
        this(baseEnvironment, findTool(baseEnvironment, "setsid"));
    }

    /** With {@code setsid} given explicitly: empty to use the descendants-only way of ending a tree. */
    StreamingRunExecutor(Map<String, String> baseEnvironment, Optional<Path> setsid) {
        this.baseEnvironment = Map.copyOf(baseEnvironment);
        this.setsid = setsid;
        this.kill = findTool(baseEnvironment, "kill");
    }

    /** Whether commands get a process group of their own ({@code setsid} was found). */
    boolean usesProcessGroups() {
        return setsid.isPresent() && kill.isPresent();
    }

    private static Optional<Path> findTool(Map<String, String> environment, String name) {
        Optional<Path> onPath = new PathToolLocator(environment).locate(name);
        if (onPath.isPresent()) {
            return onPath;
        }
        return new PathToolLocator(Map.of("PATH", "/usr/bin:/bin:/usr/sbin:/sbin")).locate(name);
    }

    @Override
    public Execution execute(ExecutionRequest request, OutputListener output, Cancellation cancellation) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(cancellation, "cancellation");
        List<String> command = request.command();
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command to run");
        }
        Path directory = request.directory();
        if (!Files.isDirectory(directory)) {
            throw new BenchException("cannot run `" + Processes.display(command) + "`: the folder " + directory
                    + (Files.exists(directory) ? " is not a folder" : " does not exist"));
        }
        Map<String, String> environment = new HashMap<>(baseEnvironment);
        environment.putAll(request.environment());
        environment.put(MarkedProcesses.VARIABLE, request.marker());
        PathToolLocator.Program program = locate(command.get(0), environment, directory).orElseThrow(() ->
                new BenchException("cannot run `" + Processes.display(command) + "` in " + directory + ": `"
                        + command.get(0) + "` was not found" + (command.get(0).contains("/") ? "" : " on the PATH")
                        + "; install it or check its name"));
        if (program.wrapper().isPresent()) {
            // a recipe that calls just again gets the native binary too, not the wrapper
            environment.put("PATH", program.path().getParent() + File.pathSeparator + environment.getOrDefault("PATH", ""));
        }

        FileOutputStream log = openLog(request.log());
        if (cancellation.isCancelled()) {
            closeQuietly(log);
            Instant now = Instant.now();
            return new Execution(-1, Termination.CANCELLED, Duration.ZERO, now, now, request.log(), TestTally.NOTHING);
        }

        List<String> argv = new ArrayList<>();
        setsid.filter(path -> kill.isPresent()).ifPresent(path -> argv.add(path.toString()));
        argv.add(program.path().toString());
        argv.addAll(command.subList(1, command.size()));
        ProcessBuilder builder = new ProcessBuilder(argv).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);

        String name = command.get(0);
        ExitWatcher watcher = new ExitWatcher("exit of " + name);
        Process process;
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            watcher.abandon();
            closeQuietly(log);
            throw new BenchException("cannot run `" + Processes.display(command) + "` in " + directory + ": "
                    + e.getMessage(), e);
        }
        watcher.watch(process);
        boolean groups = usesProcessGroups();
        RunContainment containment = new RunContainment(process,
                groups ? ProcessTree.groupLeader(process, kill) : ProcessTree.descendantsOnly(process),
                request.marker(), groups ? process.pid() : -1);
        Drain drain = new Drain(process.getInputStream(), log, "output of " + name);
        closeQuietly(process.getOutputStream());
        OutputFollower follower = OutputFollower.start(request.log(), output, "following the output of " + name);

        boolean interrupted = false;
        Termination termination = null;
        List<LeftoverProcess> leftovers = new ArrayList<>();
        CompletableFuture<Termination> ending = new CompletableFuture<>();
        // completed on the watcher's thread, as it stamps the exit: no hand-off in between
        watcher.onExit(() -> ending.complete(Termination.EXITED));
        request.timeout().ifPresent(timeout -> ending.completeOnTimeout(Termination.TIMED_OUT,
                saturatedMillis(timeout), TimeUnit.MILLISECONDS));
        try {
            try (Cancellation.Registration registration = cancellation.onCancel(
                    () -> ending.complete(Termination.CANCELLED))) {
                try {
                    // The exit is stamped on another thread: what the listener does here cannot lengthen the time.
                    output.started(process.pid(), groups);
                    termination = ending.get();
                } catch (InterruptedException e) {
                    // Being interrupted is being told to stop: the run counts as cancelled.
                    interrupted = true;
                    termination = Termination.CANCELLED;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("waiting for " + name + " failed", e.getCause());
                } finally {
                    // Whatever happened (an exception too), no process of the run outlives this call.
                    if (termination != Termination.EXITED) {
                        leftovers.addAll(containment.endAll());
                    }
                    interrupted |= awaitExit(process);
                    leftovers.addAll(containment.endLeftovers());
                    interrupted |= drain.finish(DRAIN);
                    interrupted |= follower.finish();
                }
            }
            long exitNanos = watcher.exitNanos();
            if (drain.logFailure() != null) {
                throw new BenchException("could not write the output of `" + Processes.display(command) + "` to "
                        + request.log() + ": " + drain.logFailure().getMessage(), drain.logFailure());
            }
            Duration elapsed = Duration.ofNanos(exitNanos - startNanos);
            int exitCode = termination == Termination.EXITED ? process.exitValue() : -1;
            // the clock has stopped: now the output is read, by another runner's parser or by pytest's and Offload's
            TestTally tally = request.outputParser().map(parser -> ParsedLog.read(request.log(), parser))
                    .orElseGet(() -> {
                        RunOutput parsed = RunOutput.read(request.log());
                        parsed.readLogFiles(directory);
                        return parsed.tally();
                    });
            return new Execution(exitCode, termination, elapsed, started, started.plus(elapsed), request.log(),
                    tally, leftovers);
        } finally {
            // Kept for the caller, but only now: reading the log files must not be cut short by it.
            if (interrupted || Thread.interrupted()) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Ends what a bench that died left running: every process carrying one of {@code markers},
     * and the members of groups and sessions they lead. Without {@code /proc} (macOS) nothing
     * can be found, and nothing is ended.
     */
    @Override
    public List<LeftoverProcess> endLeftovers(Collection<String> markers) {
        if (markers.isEmpty() || !ProcFs.available()) {
            return List.of();
        }
        MarkedProcesses.Outcome outcome = new MarkedProcesses(markers, -1).end(MarkedProcesses.GRACE);
        if (!outcome.survivors().isEmpty()) {
            throw new BenchException("processes left running by an earlier bench could not be ended: "
                    + outcome.survivors().stream().map(LeftoverProcess::toString).collect(Collectors.joining(", "))
                    + "; end them (kill -9 PID, as their owner or root) before benchmarking, or their work"
                    + " would be timed with the next run");
        }
        return outcome.ended().stream().map(MarkedProcesses.Ended::process).toList();
    }

    /** Where the child will find its program: a name is looked up on the child's PATH, a path is taken from its folder. */
    private static Optional<PathToolLocator.Program> locate(String name, Map<String, String> environment,
            Path directory) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (name.contains("/")) {
            try {
                Path path = directory.resolve(name).toAbsolutePath().normalize();
                return Files.isRegularFile(path) && Files.isExecutable(path)
                        ? Optional.of(new PathToolLocator.Program(path, Optional.empty())) : Optional.empty();
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
        return new PathToolLocator(environment).program(name);
    }

    /** Opened for writing as it is: the drain writes large blocks, so there is nothing to buffer. */
    private static FileOutputStream openLog(Path log) {
        try {
            Path parent = log.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new FileOutputStream(log.toFile());
        } catch (IOException e) {
            throw new BenchException("cannot write the run's log " + log + ": " + e.getMessage(), e);
        }
    }

    private static long saturatedMillis(Duration timeout) {
        try {
            return Math.max(0, timeout.toMillis());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Waits for the process itself (it has been ended, or is ending); true when interrupted meanwhile. */
    private static boolean awaitExit(Process process) {
        boolean interrupted = Thread.interrupted();
        while (true) {
            try {
                process.waitFor();
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // Nothing more to do with it.
        }
    }

    /**
     * Waits for one process's exit and stamps it on the monotonic clock, in a thread of its own
     * started before the process is, so that between the exit and the clock there is only the
     * JDK's own reaper waking this thread: no thread start, no pool.
     */
    private static final class ExitWatcher {
        private final CompletableFuture<Process> watched = new CompletableFuture<>();
        private final CompletableFuture<Long> exitNanos = new CompletableFuture<>();

        ExitWatcher(String name) {
            Thread thread = new Thread(this::run, name);
            thread.setDaemon(true);
            thread.setPriority(Thread.MAX_PRIORITY);
            thread.start();
        }

        void watch(Process process) {
            watched.complete(process);
        }

        /** The process never started: the thread ends. */
        void abandon() {
            watched.cancel(false);
        }

        /** Runs {@code action} on the watcher's thread right after the exit is stamped (at once if it was). */
        void onExit(Runnable action) {
            exitNanos.thenRun(action);
        }

        /** When the process exited; waits for it. */
        long exitNanos() {
            return exitNanos.join();
        }

        private void run() {
            Process process;
            try {
                process = watched.join();
            } catch (CancellationException | CompletionException e) {
                return;
            }
            while (true) {
                try {
                    process.waitFor();
                    break;
                } catch (InterruptedException e) {
                    // nobody interrupts this thread on purpose: keep waiting
                }
            }
            exitNanos.complete(System.nanoTime());
        }
    }

    /**
     * Moves the command's output from the pipe to the log, in a thread of its own, and does
     * nothing else: large reads, written as they came, never decoded, never split into lines, never
     * waiting for anyone. The log is written under a lock so that, should a process that escaped
     * the tree keep the pipe open, the run can close the log and leave the drain behind.
     */
    private static final class Drain {
        private final InputStream in;
        private final OutputStream log;
        private final Thread thread;
        private final Object lock = new Object();
        private boolean logClosed;
        private IOException logFailure;

        Drain(InputStream in, OutputStream log, String name) {
            this.in = in;
            this.log = log;
            this.thread = new Thread(this::run, name);
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            byte[] buffer = new byte[CHUNK];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    write(buffer, n);
                }
            } catch (IOException e) {
                // The pipe was closed under us: the output so far is all there is.
            }
        }

        private void write(byte[] buffer, int n) {
            synchronized (lock) {
                if (logClosed) {
                    return;
                }
                try {
                    log.write(buffer, 0, n);
                } catch (IOException e) {
                    logFailure = e;
                    logClosed = true;
                    closeQuietly(log);
                }
            }
        }

        /**
         * Waits for the end of the output (at most {@code drain}), then closes the log; true when
         * interrupted meanwhile (the interrupt is consumed, for the caller to restore).
         */
        boolean finish(Duration drain) {
            boolean interrupted = Thread.interrupted();
            long deadline = System.nanoTime() + drain.toNanos();
            while (thread.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            synchronized (lock) {
                if (!logClosed) {
                    logClosed = true;
                    try {
                        log.close();
                    } catch (IOException e) {
                        logFailure = e;
                    }
                }
            }
            return interrupted;
        }

        IOException logFailure() {
            synchronized (lock) {
                return logFailure;
            }
        }
    }
}
