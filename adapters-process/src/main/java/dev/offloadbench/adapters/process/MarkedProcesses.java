package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.run.LeftoverProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The processes of a run, found on Linux through {@code /proc}, and ended together. A process
 * belongs to the run when
 * <ul>
 *   <li>it carries the run's marker ({@code OFFLOAD_BENCH_RUN=...} in the environment it was
 *       started with, which every child inherits: a double-forked {@code setsid} daemon too,
 *       whatever process group or session it moved to, whoever its parent is now);</li>
 *   <li>it is in the run's own process group, or in a process group or session that a marked
 *       process leads (a child that cleared its environment stays found that way);</li>
 *   <li>or its parent belongs to the run.</li>
 * </ul>
 * bench itself, and its own process group and session, never belong to a run. Only processes
 * found this way are ever signalled: on a shared machine nothing else is touched.
 */
final class MarkedProcesses {
    /** The environment variable that carries a run's marker. */
    static final String VARIABLE = "OFFLOAD_BENCH_RUN";
    /** How long the processes get to end after SIGTERM before they are killed. */
    static final Duration GRACE = Duration.ofSeconds(3);
    private static final Duration AFTER_KILL = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 50;

    private final Set<String> markers;
    private final long runGroup;
    private final ProcFs.Entry self;
    /** Whether a process (by pid and start time) carries a marker: once it did, it belongs for good. */
    private final Map<Key, Boolean> marked = new HashMap<>();

    /**
     * @param runGroup the process group the run's command leads, or -1 when it has none
     */
    MarkedProcesses(Collection<String> markers, long runGroup) {
        this.markers = Set.copyOf(markers);
        this.runGroup = runGroup;
        long pid = ProcessHandle.current().pid();
        this.self = ProcFs.stat(pid).orElse(new ProcFs.Entry(pid, -1, -1, -1, 'R', -1));
    }

    /** What a sweep ended: each process with the process group it was in when first seen, and what survived. */
    record Outcome(List<Ended> ended, List<LeftoverProcess> survivors) {
    }

    record Ended(LeftoverProcess process, long group) {
    }

    /** The run's processes running now (zombies count as gone). */
    List<ProcFs.Entry> members() {
        List<ProcFs.Entry> running = new ArrayList<>();
        for (ProcFs.Entry entry : ProcFs.all()) {
            if (!entry.gone() && entry.pid() != self.pid()) {
                running.add(entry);
            }
        }
        Set<Long> members = new HashSet<>();
        Set<Long> ledGroups = new HashSet<>();
        Set<Long> ledSessions = new HashSet<>();
        for (ProcFs.Entry entry : running) {
            if (runGroup > 0 && entry.group() == runGroup) {
                members.add(entry.pid());
            }
            if (isMarked(entry)) {
                members.add(entry.pid());
                if (entry.pid() == entry.group() && entry.group() != self.group()) {
                    ledGroups.add(entry.group());
                }
                if (entry.pid() == entry.session() && entry.session() != self.session()) {
                    ledSessions.add(entry.session());
                }
            }
        }
        for (ProcFs.Entry entry : running) {
            if (ledGroups.contains(entry.group()) || ledSessions.contains(entry.session())) {
                members.add(entry.pid());
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ProcFs.Entry entry : running) {
                if (!members.contains(entry.pid()) && members.contains(entry.parent())) {
                    members.add(entry.pid());
                    grew = true;
                }
            }
        }
        return running.stream().filter(entry -> members.contains(entry.pid())).toList();
    }

    /**
     * Ends every process of the run: SIGTERM to each, then, after {@code grace}, SIGKILL to what is
     * left; processes that appear meanwhile (a trap handler, a child forked while ending) are
     * signalled as they are found. Returns once none is left, or, should something survive
     * SIGKILL (a process of another user), after a bounded wait, naming it. An interrupt does not
     * cut this short: it is kept for the caller.
     */
    Outcome end(Duration grace) {
        Map<Key, Seen> seen = new LinkedHashMap<>();
        boolean interrupted = Thread.interrupted();
        try {
            long deadline = System.nanoTime() + grace.toNanos();
            while (true) {
                List<ProcFs.Entry> now = members();
                if (now.isEmpty()) {
                    return outcome(seen, List.of());
                }
                for (ProcFs.Entry entry : now) {
                    Seen process = seen.computeIfAbsent(Key.of(entry), key -> Seen.of(entry));
                    if (!process.terminated) {
                        process.terminated = true;
                        process.handle.ifPresent(MarkedProcesses::terminate);
                    }
                }
                if (System.nanoTime() - deadline >= 0) {
                    break;
                }
                interrupted |= pause();
            }
            long killDeadline = System.nanoTime() + AFTER_KILL.toNanos();
            while (true) {
                List<ProcFs.Entry> now = members();
                if (now.isEmpty()) {
                    return outcome(seen, List.of());
                }
                for (ProcFs.Entry entry : now) {
                    seen.computeIfAbsent(Key.of(entry), key -> Seen.of(entry)).handle.ifPresent(MarkedProcesses::kill);
                }
                if (System.nanoTime() - killDeadline >= 0) {
                    return outcome(seen, now.stream().map(entry -> new LeftoverProcess(entry.pid(),
                            ProcFs.command(entry.pid()))).toList());
                }
                interrupted |= pause();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean isMarked(ProcFs.Entry entry) {
        Key key = Key.of(entry);
        Boolean known = marked.get(key);
        if (Boolean.TRUE.equals(known)) {
            return true;
        }
        boolean carries = ProcFs.environmentValue(entry.pid(), VARIABLE).map(markers::contains).orElse(false);
        marked.put(key, carries);
        return carries;
    }

    private static Outcome outcome(Map<Key, Seen> seen, List<LeftoverProcess> survivors) {
        return new Outcome(seen.values().stream().map(process -> new Ended(process.process, process.group)).toList(),
                survivors);
    }

    private static void terminate(ProcessHandle handle) {
        try {
            handle.destroy();
        } catch (IllegalStateException | SecurityException e) {
            // Not ours to signal: it is reported if it survives.
        }
    }

    private static void kill(ProcessHandle handle) {
        try {
            handle.destroyForcibly();
        } catch (IllegalStateException | SecurityException e) {
            // Not ours to signal: it is reported as it survives.
        }
    }

    /** True when interrupted meanwhile. */
    private static boolean pause() {
        try {
            Thread.sleep(POLL_MILLIS);
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    /** A process by pid and start time, so that a reused pid is never taken for an earlier process. */
    private record Key(long pid, long startTicks) {
        static Key of(ProcFs.Entry entry) {
            return new Key(entry.pid(), entry.startTicks());
        }
    }

    /** A process found once: the handle that signals it (checking its start time) and how it is reported. */
    private static final class Seen {
        final Optional<ProcessHandle> handle;
        final LeftoverProcess process;
        final long group;
        boolean terminated;

        private Seen(Optional<ProcessHandle> handle, LeftoverProcess process, long group) {
            this.handle = handle;
            this.process = process;
            this.group = group;
        }

        static Seen of(ProcFs.Entry entry) {
            return new Seen(ProcessHandle.of(entry.pid()), new LeftoverProcess(entry.pid(), ProcFs.command(entry.pid())),
                    entry.group());
        }
    }
}
