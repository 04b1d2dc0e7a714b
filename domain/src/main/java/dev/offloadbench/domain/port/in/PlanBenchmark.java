package dev.offloadbench.domain.port.in;

import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.plan.BenchmarkPlan;
import dev.offloadbench.domain.port.out.ProbeListener;
import dev.offloadbench.domain.port.out.SessionLock;
import dev.offloadbench.domain.run.Cancellation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Says exactly what a benchmark session would run. Reading alone runs nothing; probing runs each
 * planned command so that nothing is tested, and plans with what pytest, xdist and offload
 * showed they would do. Probes run recipes, so they run under the machine's lock, as timed runs
 * do.
 */
public interface PlanBenchmark {
    /**
     * Reading alone; or, when the query probes, taking the machine's lock first (refused at once,
     * naming the holder, while another session or probe holds it), ending what a bench that died
     * left running, then probing.
     *
     * @throws dev.offloadbench.domain.BenchException when probing and the lock is held elsewhere
     * @throws dev.offloadbench.domain.run.Interrupted when the user interrupted a probe
     */
    BenchmarkPlan plan(Query query, ProbeListener listener, Cancellation cancellation);

    /**
     * The same, while the caller holds the machine's lock (a session, which times the runs next):
     * each probe's marker is recorded with it before the probe starts.
     *
     * @throws dev.offloadbench.domain.run.Interrupted when the user interrupted a probe
     */
    BenchmarkPlan plan(Query query, SessionLock.Held lock, ProbeListener listener, Cancellation cancellation);

    /** Reading alone, or probing with nobody watching and nothing to interrupt it. */
    default BenchmarkPlan plan(Query query) {
        return plan(query, ProbeListener.SILENT, new Cancellation());
    }

    /**
     * What reading alone settles, before any lock is taken and without running anything: for a
     * query that does not probe, the whole plan; for one that probes, each run planned up to its
     * first probe, which is not run. Its problems are those no probe could resolve (a missing
     * recipe, project folder or Offload configuration, a profile no project uses); a worker count
     * reading cannot tell is no problem here, since the probe would find it. An Offload run that
     * reading could plan is there, with its provider.
     */
    BenchmarkPlan readAhead(Query query);

    /**
     * The configured profiles a query selects, in execution order, found without reading or
     * running anything (a session checks them before it takes the machine's lock).
     *
     * @throws dev.offloadbench.domain.BenchException naming a profile no project uses
     */
    List<String> profiles(Query query);

    /**
     * The environment the profile and the configuration add to every run of a project, with the
     * real values of secrets (which a stored session keeps redacted); empty for a project that is
     * not configured. A resumed session takes its secrets from here.
     */
    Map<String, String> environment(String profileId);

    /**
     * @param profiles the profiles to plan; empty (or {@code all}) for every configured project
     * @param kinds the runs that must be planned: a project without an Offload recipe still plans
     *     baseline and high (the baseline is planned for the high run too, as it sets its count)
     * @param probe run each planned command under the probe and plan with what it showed
     * @param probeTimeout each probe's time limit (the recipe's dependencies included)
     */
    record Query(List<String> profiles, List<RunKind> kinds, boolean probe, Duration probeTimeout) {
        /** How long a probe may take unless told otherwise: dependencies such as a frontend build run too. */
        public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofMinutes(15);

        public Query {
            profiles = List.copyOf(profiles);
            kinds = List.copyOf(kinds);
            Objects.requireNonNull(probeTimeout, "probeTimeout");
            if (kinds.isEmpty()) {
                throw new IllegalArgumentException("a plan needs at least one kind of run");
            }
            if (probeTimeout.isZero() || probeTimeout.isNegative()) {
                throw new IllegalArgumentException("the probe's time limit must be positive: " + probeTimeout);
            }
        }

        /** Every run of these profiles, read from the justfiles, nothing probed. */
        public Query(List<String> profiles) {
            this(profiles, List.of(RunKind.values()), false, DEFAULT_PROBE_TIMEOUT);
        }

        public boolean all() {
            return profiles.isEmpty() || profiles.equals(List.of("all"));
        }

        public boolean wants(RunKind kind) {
            return kinds.contains(kind);
        }
    }
}
