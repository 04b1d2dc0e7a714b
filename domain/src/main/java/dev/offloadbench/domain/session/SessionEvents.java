package dev.offloadbench.domain.session;

import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.spi.FinishedRun;
import dev.offloadbench.domain.spi.FinishedSession;
import dev.offloadbench.domain.spi.StartedSession;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** A session as the plugin SPI shows it to listeners and exporters. */
public final class SessionEvents {
    private SessionEvents() {
    }

    public static StartedSession started(Session session, boolean resumed) {
        return new StartedSession(session.id(), resumed,
                session.projects().stream().map(SessionProject::profileId).toList());
    }

    /**
     * One recorded execution.
     *
     * @param number 1-based, among the warm-ups or among the timed samples of its run
     */
    public static FinishedRun finishedRun(String sessionId, String profileId, PlannedRun planned, Attempt attempt,
            int number) {
        return new FinishedRun(sessionId, profileId, planned.kind(), workers(planned, attempt), attempt.seconds(),
                attempt.validity().valid(), attempt.validity().reason(), attempt.warmup(), number, attempt.finished());
    }

    /** The session's results and every execution it recorded, in the order they ran. */
    public static FinishedSession finished(Session session) {
        List<FinishedRun> runs = new ArrayList<>();
        for (Session.Entry entry : session.entries()) {
            int warmups = 0;
            int samples = 0;
            for (Attempt attempt : entry.run().attempts()) {
                int number = attempt.warmup() ? ++warmups : ++samples;
                runs.add(finishedRun(session.id(), entry.profileId(), entry.run().planned(), attempt, number));
            }
        }
        runs.sort(java.util.Comparator.comparing(FinishedRun::finished));
        return new FinishedSession(session.id(), session.finished(), SessionResults.of(session), runs);
    }

    /** The workers the runner said it started, else the planned count; none for Offload. */
    private static OptionalInt workers(PlannedRun planned, Attempt attempt) {
        if (planned.workers().isPresent() && attempt.tally().workersStarted().isPresent()) {
            return attempt.tally().workersStarted();
        }
        return planned.workers();
    }
}
