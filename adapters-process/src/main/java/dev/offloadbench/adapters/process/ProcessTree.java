package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.run.LeftoverProcess;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A started process and everything it starts, ended as a whole. When the process leads its own
 * process group (it was started through {@code setsid}), the group is signalled with
 * {@code kill -- -PGID}, which also reaches processes whose parent has already gone; every
 * descendant known before the first signal is signalled too, which reaches a process that left
 * the group (a child that called {@code setsid} itself). SIGTERM first, SIGKILL after a grace
 * period. A zombie counts as gone: in a container nobody may ever reap it.
 */
final class ProcessTree {
    private static final Duration GRACE = MarkedProcesses.GRACE;
    private static final Duration AFTER_KILL = Duration.ofSeconds(5);
    private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 20;
    private static final Path PROC = Path.of("/proc");

    private final Process process;
    /** The process group led by the process, or -1 when it shares its parent's group. */
    private final long groupId;
    private final Optional<Path> kill;

    private ProcessTree(Process process, long groupId, Optional<Path> kill) {
        this.process = process;
        this.groupId = groupId;
        this.kill = kill;
    }

    /** A process that leads its own process group (its pgid is its pid), signalled with {@code kill}. */
    static ProcessTree groupLeader(Process process, Optional<Path> kill) {
        return new ProcessTree(process, kill.isPresent() ? process.pid() : -1, kill);
    }

    /** A process in its parent's group: its tree is found through its descendants only. */
    static ProcessTree descendantsOnly(Process process) {
        return new ProcessTree(process, -1, Optional.empty());
    }

    /**
     * Ends the process and everything it started, and returns once none of them is left (or,
     * should something survive SIGKILL, after a bounded wait).
     */
    void end() {
        Map<Long, ProcessHandle> tree = new LinkedHashMap<>();
        add(tree, process.toHandle());
        process.descendants().forEach(handle -> add(tree, handle));
        groupMembers().forEach(handle -> add(tree, handle));
        endAll(tree);
    }

    /**
     * After the process exited by itself: ends what it left behind in its group (background
     * children still running), so that no process of a run outlives it.
     */
    List<LeftoverProcess> endLeftovers() {
        List<ProcessHandle> members = groupMembers();
        if (members.isEmpty()) {
            return List.of();
        }
        Map<Long, ProcessHandle> tree = new LinkedHashMap<>();
        for (ProcessHandle member : members) {
            add(tree, member);
            member.descendants().forEach(handle -> add(tree, handle));
        }
        List<LeftoverProcess> found = tree.values().stream().map(handle -> new LeftoverProcess(handle.pid(),
                handle.info().command().orElse(""))).toList();
        endAll(tree);
        return found;
    }

    private void endAll(Map<Long, ProcessHandle> tree) {
        signalGroup("TERM");
        tree.values().forEach(ProcessTree::terminate);
        if (awaitGone(tree.values(), GRACE)) {
            return;
        }
        signalGroup("KILL");
        for (ProcessHandle handle : List.copyOf(tree.values())) {
            if (running(handle)) {
                // Children started after the snapshot (a shell's trap handler, say).
                handle.descendants().forEach(child -> {
                    add(tree, child);
                    kill(child);
                });
                kill(handle);
            }
        }
        groupMembers().forEach(ProcessTree::kill);
        awaitGone(tree.values(), AFTER_KILL);
    }

    private static void add(Map<Long, ProcessHandle> tree, ProcessHandle handle) {
        tree.putIfAbsent(handle.pid(), handle);
    }

    private static void terminate(ProcessHandle handle) {
        try {
            handle.destroy();
        } catch (IllegalStateException | SecurityException e) {
            // Not ours to signal.
        }
    }

    private static void kill(ProcessHandle handle) {
        try {
            handle.destroyForcibly();
        } catch (IllegalStateException | SecurityException e) {
            // Not ours to signal.
        }
    }

    /** {@code kill -s SIGNAL -- -PGID}: every process in the group, whoever its parent is now. */
    private void signalGroup(String signal) {
        if (groupId <= 0 || kill.isEmpty()) {
            return;
        }
        try {
            Process signaller = new ProcessBuilder(kill.get().toString(), "-s", signal, "--", "-" + groupId)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
            signaller.getOutputStream().close();
            if (!signaller.waitFor(SIGNAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                signaller.destroyForcibly();
            }
        } catch (IOException e) {
            // kill could not be run: the descendants are still signalled one by one.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until none of {@code handles} runs and the group is empty; false when time ran out
     * first. Ending a tree must finish, so an interrupt does not cut the wait short; it is kept
     * for the caller.
     */
    private boolean awaitGone(Collection<ProcessHandle> handles, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                if (handles.stream().noneMatch(ProcessTree::running) && groupMembers().isEmpty()) {
                    return true;
                }
                if (System.nanoTime() - deadline >= 0) {
                    return false;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The running (not zombie) processes of the group, read from /proc; none when there is no group or no /proc. */
    List<ProcessHandle> groupMembers() {
        List<ProcessHandle> members = new ArrayList<>();
        if (groupId <= 0 || !Files.isDirectory(PROC)) {
            return members;
        }
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                long pid;
                try {
                    pid = Long.parseLong(entry.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid == self) {
                    continue;
                }
                Optional<Stat> stat = Stat.read(pid);
                if (stat.isPresent() && stat.get().groupId == groupId && !stat.get().gone()) {
                    ProcessHandle.of(pid).ifPresent(members::add);
                }
            }
        } catch (IOException e) {
            // /proc could not be listed: the known handles still decide.
        }
        return members;
    }

    /** Alive and not a zombie. */
    static boolean running(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        if (!Files.isDirectory(PROC)) {
            return true;
        }
        // No stat while the handle says alive: it has just gone.
        return Stat.read(handle.pid()).map(stat -> !stat.gone()).orElse(false);
    }

    /** The fields of /proc/PID/stat needed here. */
    private record Stat(char state, long groupId) {
        static Optional<Stat> read(long pid) {
            try {
                String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
                // The command name (field 2) may hold spaces and parentheses: fields resume after the last ')'.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Optional.of(new Stat(fields[0].charAt(0), Long.parseLong(fields[2])));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        boolean gone() {
            return state == 'Z' || state == 'X';
        }
    }
}
