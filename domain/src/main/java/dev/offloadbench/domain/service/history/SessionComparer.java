package dev.offloadbench.domain.service.history;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.history.Change;
import dev.offloadbench.domain.history.Comparison;
import dev.offloadbench.domain.history.Drift;
import dev.offloadbench.domain.history.Measurement;
import dev.offloadbench.domain.history.NoiseBand;
import dev.offloadbench.domain.history.NoiseRule;
import dev.offloadbench.domain.history.Ratio;
import dev.offloadbench.domain.history.RunComparison;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.port.in.BrowseSessions;
import dev.offloadbench.domain.port.in.CompareSessions;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionProject;
import dev.offloadbench.domain.session.SessionRun;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares two recorded sessions run by run: both times, their ratio with its propagated
 * uncertainty, whether the change is beyond noise ({@link NoiseJudge}), and beside each run every
 * recorded input that differs between the sessions and may explain it. What a session did not
 * record is said to be unknown, never taken for a change.
 */
public final class SessionComparer implements CompareSessions {
    /** A change of load smaller than this is the ordinary jitter of a load average, not worth a line. */
    static final double LOAD_CHANGE = 0.5;

    private final BrowseSessions sessions;

    public SessionComparer(BrowseSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Comparison compare(Query query) {
        Session before;
        Session after;
        if (query.before().isEmpty()) {
            after = latestFinished();
            before = previousComparable(after);
        } else {
            before = sessions.find(query.before().get());
            if (query.after().isPresent()) {
                after = sessions.find(query.after().get());
            } else {
                after = latestFinished();
                if (after.id().equals(before.id())) {
                    throw new BenchException("session " + before.id() + " is the latest finished session; name the"
                            + " session to compare it with: bench compare " + before.id() + " LATER-ID (bench sessions"
                            + " lists them)");
                }
            }
        }
        if (before.id().equals(after.id())) {
            throw new BenchException("a session compared with itself shows nothing: name two different sessions"
                    + " (bench sessions lists them)");
        }
        return compare(before, after, query.rule(), finishedBefore(before));
    }

    /** The finished sessions recorded before {@code session}, the latest first: the history of its runs. */
    private List<Session> finishedBefore(Session session) {
        List<Session> all = sessions.list();
        List<Session> earlier = new ArrayList<>();
        for (Session candidate : all) {
            if (candidate.id().equals(session.id())) {
                break;
            }
            if (candidate.finished()) {
                earlier.add(0, candidate);
            }
        }
        return earlier;
    }

    private Session latestFinished() {
        List<Session> all = sessions.list();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).finished()) {
                return all.get(i);
            }
        }
        throw new BenchException("no session has finished yet, so there is nothing to compare: bench run records"
                + " one (bench compare A B compares two sessions by id, finished or not)");
    }

    /** The latest finished session before {@code after} that ran the same projects and kinds. */
    private Session previousComparable(Session after) {
        List<Session> all = sessions.list();
        int at = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(after.id())) {
                at = i;
            }
        }
        for (int i = at - 1; i >= 0; i--) {
            Session candidate = all.get(i);
            if (candidate.finished() && comparable(candidate, after)) {
                return candidate;
            }
        }
        throw new BenchException("no finished session before " + after.id() + " ran the same projects ("
                + String.join(", ", profiles(after)) + ") and run kinds (" + after.settings().kinds().stream()
                        .map(RunKind::id).collect(Collectors.joining(", "))
                + "), so there is nothing to compare it with by default: bench compare A B compares any two sessions"
                + " (bench sessions lists them)");
    }

    static boolean comparable(Session one, Session other) {
        return Set.copyOf(profiles(one)).equals(Set.copyOf(profiles(other)))
                && EnumSet.copyOf(one.settings().kinds()).equals(EnumSet.copyOf(other.settings().kinds()));
    }

    private static List<String> profiles(Session session) {
        return session.projects().stream().map(SessionProject::profileId).toList();
    }

    /**
     * Every run either session finished, in the later session's order, then the earlier one's others.
     *
     * @param earlierSessions finished sessions recorded before {@code before}, the latest first, whose
     *     samples of a run join the earlier session's in its history (up to the rule's number of sessions)
     */
    static Comparison compare(Session before, Session after, NoiseRule rule, List<Session> earlierSessions) {
        Set<String> profileIds = new LinkedHashSet<>(profiles(after));
        profileIds.addAll(profiles(before));
        List<RunComparison> runs = new ArrayList<>();
        Map<String, Set<Input>> unknown = new LinkedHashMap<>();
        unknown.put(before.id(), EnumSet.noneOf(Input.class));
        unknown.put(after.id(), EnumSet.noneOf(Input.class));
        for (String profileId : profileIds) {
            for (RunKind kind : RunKind.values()) {
                Optional<SessionProject> earlierProject = before.project(profileId);
                Optional<SessionProject> laterProject = after.project(profileId);
                Optional<SessionRun> earlier = earlierProject.flatMap(p -> p.run(kind));
                Optional<SessionRun> later = laterProject.flatMap(p -> p.run(kind));
                Optional<Measurement> a = earlier.flatMap(Measurement::of);
                Optional<Measurement> b = later.flatMap(Measurement::of);
                if (a.isEmpty() && b.isEmpty()) {
                    continue;
                }
                if (a.isEmpty() || b.isEmpty()) {
                    runs.add(new RunComparison(profileId, kind, a, b, Optional.empty(), Change.NOT_COMPARED,
                            Optional.empty(), List.of()));
                    continue;
                }
                RunInputs inputsBefore = RunInputs.of(before, earlierProject.get(), earlier.get());
                RunInputs inputsAfter = RunInputs.of(after, laterProject.get(), later.get());
                List<Drift> drift = drift(inputsBefore, inputsAfter, kind, unknown.get(before.id()),
                        unknown.get(after.id()));
                Ratio ratio = NoiseJudge.ratio(a.get().statistics(), b.get().statistics());
                if (!a.get().valid() || !b.get().valid()) {
                    runs.add(new RunComparison(profileId, kind, a, b, Optional.of(ratio), Change.INVALID,
                            Optional.empty(), drift));
                    continue;
                }
                NoiseJudge.Judgement judgement = NoiseJudge.judge(history(a.get(), earlierProject.get(),
                        earlier.get(), earlierSessions, rule), b.get().statistics(), rule);
                Optional<NoiseBand> band = Optional.of(judgement.band());
                runs.add(new RunComparison(profileId, kind, a, b, Optional.of(ratio), judgement.change(), band, drift));
            }
        }
        Map<String, List<String>> unrecorded = new LinkedHashMap<>();
        unknown.forEach((id, inputs) -> {
            if (!inputs.isEmpty()) {
                unrecorded.put(id, inputs.stream().map(Input::label).toList());
            }
        });
        return new Comparison(before, after, rule, runs, sessionDrift(before, after), unrecorded);
    }

    /**
     * The run's history: the earlier session's samples, then those of the latest sessions before
     * it that finished the same run (project folder, recipe and kind) validly, up to the rule's
     * number of sessions. A session that ran it INVALID, or another recipe or checkout, is passed over.
     */
    private static NoiseJudge.History history(Measurement before, SessionProject project, SessionRun run,
            List<Session> earlier, NoiseRule rule) {
        List<BigDecimal> samples = new ArrayList<>(before.statistics().samples());
        int sessions = 1;
        for (Session session : earlier) {
            if (sessions >= rule.historySessions()) {
                break;
            }
            Optional<Measurement> same = session.projects().stream()
                    .filter(p -> p.path().equals(project.path()))
                    .flatMap(p -> p.run(run.planned().kind()).stream())
                    .filter(r -> r.planned().recipe().equals(run.planned().recipe()))
                    .flatMap(r -> Measurement.of(r).stream())
                    .filter(Measurement::valid)
                    .findFirst();
            if (same.isPresent()) {
                samples.addAll(same.get().statistics().samples());
                sessions++;
            }
        }
        return new NoiseJudge.History(before.statistics(), samples, sessions);
    }

    /** Each input of the run known to both sessions and different, in the order of {@link Input}. */
    static List<Drift> drift(RunInputs before, RunInputs after, RunKind kind, Set<Input> unknownBefore,
            Set<Input> unknownAfter) {
        List<Drift> drift = new ArrayList<>();
        for (Input input : Input.explaining(kind)) {
            Optional<String> a = before.value(input);
            Optional<String> b = after.value(input);
            if (a.isEmpty()) {
                unknownBefore.add(input);
            }
            if (b.isEmpty()) {
                unknownAfter.add(input);
            }
            if (a.isEmpty() || b.isEmpty()) {
                continue;
            }
            if (input == Input.LOAD) {
                if (Math.abs(after.load().getAsDouble() - before.load().getAsDouble()) >= LOAD_CHANGE) {
                    drift.add(Drift.of(input.label(), a.get(), b.get()));
                }
            } else if (input == Input.TESTS) {
                if (before.tests().getAsInt() != after.tests().getAsInt()) {
                    drift.add(new Drift(input.label(), a.get(), b.get(), input.label() + " " + a.get() + " → "
                            + b.get() + " (" + signedPercent(before.tests().getAsInt(), after.tests().getAsInt())
                            + ")"));
                }
            } else if (!a.get().equals(b.get())) {
                drift.add(Drift.of(input.label(), a.get(), b.get()));
            }
        }
        return drift;
    }

    /** The settings of the sessions that differ: how many samples per run, how many Offload warm-ups. */
    private static List<Drift> sessionDrift(Session before, Session after) {
        List<Drift> drift = new ArrayList<>();
        if (before.settings().runs() != after.settings().runs()) {
            drift.add(Drift.of("samples per run (--runs)", Integer.toString(before.settings().runs()),
                    Integer.toString(after.settings().runs())));
        }
        if (before.settings().offloadWarmups() != after.settings().offloadWarmups()) {
            drift.add(Drift.of("Offload warm-ups", Integer.toString(before.settings().offloadWarmups()),
                    Integer.toString(after.settings().offloadWarmups())));
        }
        return drift;
    }

    /** {@code +2.6%}, {@code -0.4%}: the change from {@code before} to {@code after}, one decimal. */
    static String signedPercent(long before, long after) {
        if (before == 0) {
            return "new";
        }
        BigDecimal percent = BigDecimal.valueOf(after - before).movePointRight(2)
                .divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP);
        return (percent.signum() > 0 ? "+" : "") + percent.toPlainString() + "%";
    }
}
