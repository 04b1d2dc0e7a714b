package dev.offloadbench.domain.port.in;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.port.out.ProgressListener;
import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.session.Session;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Runs a benchmark session: every planned run, strictly one after another, timed and judged. */
public interface RunBenchmark {
    Outcome run(Command command, ProgressListener progress, Cancellation cancellation);

    /**
     * @param resume empty for a new session; else the session to continue ({@code latest} or an id)
     * @param offloadOptional without offload (or its credentials), run and report the local runs
     *     alone instead of stopping
     * @param probe probe every run before the first timed one, and stop when a run cannot do what
     *     the plan says (a new session only: a resumed one runs as it was verified)
     */
    record Command(List<String> profiles, List<RunKind> kinds, int runs, int offloadWarmups,
            Optional<Duration> timeout, Optional<String> resume, boolean offloadOptional, boolean probe) {
        /** A session whose runs are probed first. */
        public Command(List<String> profiles, List<RunKind> kinds, int runs, int offloadWarmups,
                Optional<Duration> timeout, Optional<String> resume, boolean offloadOptional) {
            this(profiles, kinds, runs, offloadWarmups, timeout, resume, offloadOptional, true);
        }

        public Command {
            profiles = List.copyOf(profiles);
            kinds = List.copyOf(kinds);
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(resume, "resume");
            if (kinds.isEmpty()) {
                throw new BenchException("--kinds names no run; give some of baseline,high,offload");
            }
            if (runs < 1) {
                throw new BenchException("--runs must be at least 1, not " + runs);
            }
            if (offloadWarmups < 0) {
                throw new BenchException("--warmups-offload must be 0 or more, not " + offloadWarmups);
            }
        }
    }

    /** How the session ended. */
    enum Ending {
        /** Every planned run ran (or was skipped for a reason given). */
        FINISHED,
        /** The user interrupted it; finished runs are kept, {@code --resume} continues. */
        CANCELLED,
        /** A run ran past --timeout; finished runs are kept, {@code --resume} continues. */
        TIMED_OUT
    }

    record Outcome(Session session, Ending ending) {
    }
}
