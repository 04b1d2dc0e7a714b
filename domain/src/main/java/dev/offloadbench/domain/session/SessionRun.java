package dev.offloadbench.domain.session;

import dev.offloadbench.domain.plan.PlannedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A planned run and what has happened to it so far. */
public record SessionRun(PlannedRun planned, RunStatus status, String reason, List<Attempt> attempts) {
    public SessionRun {
        Objects.requireNonNull(planned, "planned");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        attempts = List.copyOf(attempts);
    }

    public static SessionRun pending(PlannedRun planned) {
        return new SessionRun(planned, RunStatus.PENDING, "", List.of());
    }

    public List<Attempt> samples() {
        return attempts.stream().filter(a -> !a.warmup()).toList();
    }

    public List<Attempt> warmups() {
        return attempts.stream().filter(Attempt::warmup).toList();
    }

    public SessionRun with(Attempt attempt) {
        List<Attempt> more = new ArrayList<>(attempts);
        more.add(attempt);
        return new SessionRun(planned, status, reason, more);
    }

    public SessionRun withStatus(RunStatus newStatus, String why) {
        return new SessionRun(planned, newStatus, why, attempts);
    }

    /**
     * Continuing an unfinished run: its finished timed samples are kept (never lose a finished
     * measurement); warm-ups and what was interrupted are dropped, so the missing samples run after
     * fresh warm-ups.
     */
    public SessionRun resumed() {
        List<Attempt> kept = attempts.stream()
                .filter(a -> !a.warmup() && a.termination() == dev.offloadbench.domain.run.Termination.EXITED)
                .toList();
        return new SessionRun(planned, RunStatus.PENDING, "", kept);
    }
}
