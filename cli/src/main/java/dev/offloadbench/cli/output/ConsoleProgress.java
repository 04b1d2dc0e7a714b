package dev.offloadbench.cli.output;

import dev.offloadbench.domain.check.CheckResult;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.port.out.MachineProbe;
import dev.offloadbench.domain.port.out.ProgressListener;
import dev.offloadbench.domain.port.out.SessionStore;
import dev.offloadbench.domain.run.LeftoverProcess;
import dev.offloadbench.domain.session.Attempt;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.spi.RunListener;
import dev.offloadbench.cli.plugin.Plugins;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Tells the person at the terminal what the session does: a line when each execution starts and
 * ends, and, on an interactive terminal, a status line redrawn every second with the project,
 * kind, elapsed time, the estimate from the previous session and the latest output line.
 */
public final class ConsoleProgress implements ProgressListener, AutoCloseable {
    private final PrintWriter out;
    private final boolean live;
    private final boolean echo;
    private final ScheduledExecutorService ticker;
    private volatile String latestLine = "";
    private volatile String current = "";
    private volatile long startedNanos;
    private volatile Optional<Duration> estimate = Optional.empty();
    private ScheduledFuture<?> tick;
    /** Echoed output is decoded block by block; what ends a block in the middle of a character waits here. */
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);
    /** The echoed output does not end with a line break (yet). */
    private boolean lineOpen;

    /**
     * @param live redraw a status line (only on an interactive terminal, and not while output is echoed)
     * @param echo print every output line of the running command as it comes ({@code --show-output})
     */
    public ConsoleProgress(PrintWriter out, boolean live, boolean echo) {
        this.out = out;
        this.live = live;
        this.echo = echo;
        this.ticker = live ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "progress");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    @Override
    public void probeStarted(String profileId, RunKind kind, String purpose, List<String> command,
            java.util.Map<String, String> environment) {
        new ProbeLines(out).probeStarted(profileId, kind, purpose, command, environment);
    }

    @Override
    public void probeFinished(String profileId, RunKind kind, dev.offloadbench.domain.probe.ProbeResult result) {
        new ProbeLines(out).probeFinished(profileId, kind, result);
    }

    @Override
    public void checked(List<CheckResult> results) {
        out.println("Prerequisites:");
        CheckLines.print(out, results);
        out.println();
        out.flush();
    }

    @Override
    public void sessionStarted(Session session, boolean resumed) {
        out.println((resumed ? "Resuming session " : "Session ") + session.id() + " — machine: "
                + session.machine().description());
        out.flush();
    }

    @Override
    public void machineBusy(MachineProbe.Load load) {
        clearStatus();
        String busiest = load.busiest().stream().map(p -> p.command() + " (pid " + p.pid() + ")")
                .collect(Collectors.joining(", "));
        out.printf(Locale.ROOT, "warning: the machine is busy (load %.2f on %d cores%s); close heavy programs"
                + " (browsers, IDEs, containers) for a fair measurement%n", load.oneMinute(), load.cores(),
                busiest.isEmpty() ? "" : "; busiest: " + busiest);
        out.flush();
    }

    @Override
    public synchronized void attemptStarted(String profileId, RunKind kind, List<String> command, boolean warmup,
            int number, int of, Optional<Duration> estimate) {
        current = profileId + " " + kind + (warmup ? " warm-up" : of > 1 ? " sample " + number + "/" + of : "");
        pending = ByteBuffer.allocate(0);
        decoder.reset();
        this.estimate = estimate;
        latestLine = "";
        startedNanos = System.nanoTime();
        out.println("[" + current + "] " + String.join(" ", command)
                + estimate.map(e -> "  (last time " + Durations.of(e) + ")").orElse(""));
        out.flush();
        if (live) {
            tick = ticker.scheduleAtFixedRate(this::drawStatus, 1, 1, TimeUnit.SECONDS);
        }
    }

    @Override
    public boolean echoesOutput() {
        return echo;
    }

    /** A block of output, decoded as UTF-8 (a character cut between two blocks joined again), printed at once. */
    @Override
    public void output(byte[] bytes, int offset, int length) {
        if (!echo) {
            return;
        }
        synchronized (this) {
            ByteBuffer input;
            if (pending.hasRemaining()) {
                input = ByteBuffer.allocate(pending.remaining() + length);
                input.put(pending).put(bytes, offset, length).flip();
            } else {
                input = ByteBuffer.wrap(bytes, offset, length);
            }
            CharBuffer chars = CharBuffer.allocate(input.remaining());
            decoder.decode(input, chars, false);
            pending = ByteBuffer.allocate(input.remaining()).put(input).flip();
            if (chars.position() > 0) {
                out.write(chars.array(), 0, chars.position());
                lineOpen = chars.get(chars.position() - 1) != '\n';
            }
            out.flush();
        }
    }

    @Override
    public void latestOutputLine(String line) {
        latestLine = RunOutputText.withoutColours(line).strip();
    }

    @Override
    public synchronized void attemptFinished(String profileId, RunKind kind, Attempt attempt) {
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
        clearStatus();
        if (echo && pending.hasRemaining()) {
            out.print('\uFFFD'); // the output ended inside a character
            pending = ByteBuffer.allocate(0);
            lineOpen = true;
        }
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
        String counts = attempt.tally().summarySeen()
                ? " — " + attempt.tally().passed() + " passed" + (attempt.tally().failed() > 0
                        ? ", " + attempt.tally().failed() + " failed" : "")
                : "";
        out.println("[" + current + "] " + attempt.seconds().toPlainString() + " s, "
                + attempt.validity().describe() + counts
                + (attempt.warmup() ? " (warm-up: time discarded)" : "")
                + attempt.notes().stream().map(n -> "; " + n).collect(Collectors.joining()));
        out.println("    log: " + attempt.log());
        out.flush();
    }

    @Override
    public void runSkipped(String profileId, RunKind kind, String reason) {
        out.println("[" + profileId + " " + kind + "] skipped: " + reason);
        out.flush();
    }

    @Override
    public void sessionsSkipped(List<SessionStore.Unreadable> unreadable) {
        SessionsText.warnUnreadable(out, unreadable);
        out.flush();
    }

    @Override
    public void probeLeftoversEnded(List<LeftoverProcess> ended) {
        new ProbeLines(out).probeLeftoversEnded(ended);
    }

    @Override
    public void leftoversEnded(String sessionId, List<LeftoverProcess> ended) {
        out.println("Ended " + ended.size() + " process" + (ended.size() == 1 ? "" : "es") + " left running by an"
                + " earlier bench that died during session " + sessionId + " (before anything was timed): "
                + ended.stream().map(LeftoverProcess::toString).collect(Collectors.joining(", ")));
        out.flush();
    }

    private void drawStatus() {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
        String line = latestLine;
        String status = "  " + current + "  " + Durations.of(elapsed)
                + estimate.map(e -> " / ~" + Durations.of(e)).orElse("")
                + (line.isEmpty() ? "" : "  | " + line);
        synchronized (this) {
            out.print("\r\033[K" + (status.length() > 150 ? status.substring(0, 150) : status));
            out.flush();
        }
    }

    private void clearStatus() {
        if (live) {
            out.print("\r\033[K");
        }
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    @Override
    public void listenerFailed(RunListener listener, String event, Throwable cause) {
        clearStatus();
        out.println("warning: run listener " + listener.getClass().getName() + " (" + Plugins.originOf(listener)
                + ") failed in " + event + ": " + cause + "; the session goes on");
        out.flush();
    }
}
