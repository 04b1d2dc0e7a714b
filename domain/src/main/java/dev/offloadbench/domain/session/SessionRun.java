package dev.offloadbench.domain.session;

import dev.offloadbench.domain.plan.PlannedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A planned run and what has happened to it so far.
 *
 * @param reason why it stopped or was skipped, for people
 * @param skipped why it was skipped, for code: present only when the status is SKIPPED (a session
 *     recorded before skips were typed may lack it)
 */
public record SessionRun(PlannedRun planned, RunStatus status, String reason, List<Attempt> attempts,
        Optional<SkipReason> skipped) {
    public SessionRun {
        Objects.requireNonNull(planned, "planned");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(skipped, "skipped");
        if (skipped.isPresent() && status != RunStatus.SKIPPED) {
            throw new IllegalArgumentException("only a skipped run says why it was skipped: " + status + " "
                    + skipped.get());
        }
    }

    /** A run that was not skipped. */
    public SessionRun(PlannedRun planned, RunStatus status, String reason, List<Attempt> attempts) {
        this(planned, status, reason, attempts, Optional.empty());
    }

    public static SessionRun pending(PlannedRun planned) {
        return new SessionRun(planned, RunStatus.PENDING, "", List.of());
    }

    /** This run, skipped for {@code why}, said as {@code reason}. */
    public SessionRun skipped(SkipReason why, String reason) {
        return new SessionRun(planned, RunStatus.SKIPPED, reason, attempts, Optional.of(why));
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
        return new SessionRun(planned, status, reason, more, skipped);
    }

    /** This run with another status ({@link #skipped(SkipReason, String)} skips it, saying why). */
    public SessionRun withStatus(RunStatus newStatus, String why) {
        return new SessionRun(planned, newStatus, why, attempts, Optional.empty());
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
