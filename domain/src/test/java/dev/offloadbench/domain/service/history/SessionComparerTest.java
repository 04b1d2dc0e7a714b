package dev.offloadbench.domain.service.history;

import static dev.offloadbench.domain.service.history.Recorded.baseline;
import static dev.offloadbench.domain.service.history.Recorded.catalog;
import static dev.offloadbench.domain.service.history.Recorded.high;
import static dev.offloadbench.domain.service.history.Recorded.offload;
import static dev.offloadbench.domain.service.history.Recorded.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.history.Change;
import dev.offloadbench.domain.history.Comparison;
import dev.offloadbench.domain.history.Drift;
import dev.offloadbench.domain.history.NoiseBand;
import dev.offloadbench.domain.history.NoiseRule;
import dev.offloadbench.domain.history.RunComparison;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.port.in.CompareSessions.Query;
import dev.offloadbench.domain.session.Revision;
import dev.offloadbench.domain.session.RunStatus;
import dev.offloadbench.domain.session.Session;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionComparerTest {
    private static Query latest() {
        return new Query(Optional.empty(), Optional.empty(), NoiseRule.DEFAULT);
    }

    private static Query of(String before, String after) {
        return new Query(Optional.of(before), Optional.of(after), NoiseRule.DEFAULT);
    }

    private static RunComparison run(Comparison comparison, String profileId, RunKind kind) {
        return comparison.runs().stream().filter(r -> r.profileId().equals(profileId) && r.kind() == kind)
                .findFirst().orElseThrow(() -> new AssertionError("no " + profileId + " " + kind));
    }

    private static List<String> drift(RunComparison run) {
        return run.drift().stream().map(Drift::text).toList();
    }

    @Test
    void comparesEachRunsTimesWithTheirRatioAndPropagatedSigma() {
        Session a = session("20260101-120000").runs(3)
                .project("mng", baseline("97", "100", "103"), high("80", "80.5", "79.5"), offload("30", "31", "29"))
                .build();
        Session b = session("20260108-120000").runs(3)
                .project("mng", baseline("106", "110", "114"), high("80.2", "80.4", "79.9"),
                        offload("20", "20.5", "19.5"))
                .build();

        Comparison comparison = new SessionComparer(catalog(a, b)).compare(latest());

        assertThat(comparison.before().id()).isEqualTo("20260101-120000");
        assertThat(comparison.after().id()).isEqualTo("20260108-120000");
        RunComparison baseline = run(comparison, "mng", RunKind.BASELINE);
        assertThat(baseline.before().orElseThrow().mean()).isEqualByComparingTo("100");
        assertThat(baseline.before().orElseThrow().sigma()).hasValueSatisfying(s -> assertThat(s)
                .isEqualByComparingTo("3"));
        assertThat(baseline.after().orElseThrow().mean()).isEqualByComparingTo("110");
        assertThat(baseline.after().orElseThrow().sigma()).hasValueSatisfying(s -> assertThat(s)
                .isEqualByComparingTo("4"));
        // 1.1 ± 1.1 * sqrt(0.03^2 + (4/110)^2)
        assertThat(baseline.ratio().orElseThrow().value()).isEqualByComparingTo("1.1");
        assertThat(baseline.ratio().orElseThrow().sigma().orElseThrow().doubleValue()).isCloseTo(0.0518555,
                within(1e-6));
        // three samples with s = 3: t(0.995, 2) = 9.9248 makes the interval 100 ± 24.3; 110 is noise
        assertThat(baseline.change()).isEqualTo(Change.WITHIN_NOISE);
        assertThat(baseline.band().orElseThrow().high()).isEqualByComparingTo("124.311");
        assertThat(run(comparison, "mng", RunKind.HIGH).change()).isEqualTo(Change.WITHIN_NOISE);
        assertThat(run(comparison, "mng", RunKind.OFFLOAD).change()).isEqualTo(Change.FASTER);
        assertThat(run(comparison, "mng", RunKind.OFFLOAD).ratio().orElseThrow().percentChange().doubleValue())
                .isCloseTo(-33.333, within(0.001));
    }

    @Test
    void theGatesFindTheSlowerRuns() {
        Session a = session("20260101-120000").project("mng", baseline("100.0"), high("80.0"), offload("30.0"))
                .build();
        Session b = session("20260108-120000").project("mng", baseline("104.0"), high("90.0"), offload("29.0"))
                .build();

        Comparison comparison = new SessionComparer(catalog(a, b)).compare(latest());

        assertThat(comparison.slower()).extracting(RunComparison::kind).containsExactly(RunKind.HIGH);
        assertThat(comparison.slowerByMoreThan(BigDecimal.valueOf(3))).extracting(RunComparison::kind)
                .containsExactly(RunKind.BASELINE, RunKind.HIGH);
        assertThat(comparison.slowerByMoreThan(BigDecimal.valueOf(20))).isEmpty();
    }

    @Test
    void anInvalidRunIsShownButNotJudged() {
        Session a = session("20260101-120000").project("mng", baseline("100.0"), high("80.0")).build();
        Session b = session("20260108-120000").project("mng", baseline("150.0").invalid("2 failed"), high("80.0"))
                .build();

        Comparison comparison = new SessionComparer(catalog(a, b)).compare(of(a.id(), b.id()));

        RunComparison baseline = run(comparison, "mng", RunKind.BASELINE);
        assertThat(baseline.change()).isEqualTo(Change.INVALID);
        assertThat(baseline.band()).isEmpty();
        assertThat(comparison.slower()).isEmpty();
        assertThat(comparison.slowerByMoreThan(BigDecimal.ONE)).isEmpty();
    }

    @Test
    void aRunFinishedInOneSessionOnlyIsNotCompared() {
        Session a = session("20260101-120000").project("mng", baseline("100.0"), high("80.0"),
                offload("30.0").status(RunStatus.SKIPPED)).build();
        Session b = session("20260108-120000").project("mng", baseline("100.0"), high("80.0"), offload("31.0"))
                .build();

        RunComparison offload = run(new SessionComparer(catalog(a, b)).compare(of(a.id(), b.id())), "mng",
                RunKind.OFFLOAD);

        assertThat(offload.change()).isEqualTo(Change.NOT_COMPARED);
        assertThat(offload.before()).isEmpty();
        assertThat(offload.after()).isPresent();
    }

    @Test
    void byDefaultTheLatestFinishedSessionAgainstThePreviousComparableOne() {
        Session comparable = session("20260101-120000").project("mng", baseline("100")).project("sculptor",
                baseline("700")).build();
        Session otherProjects = session("20260102-120000").project("mng", baseline("100")).build();
        Session otherKinds = session("20260103-120000").kinds(RunKind.BASELINE, RunKind.HIGH)
                .project("mng", baseline("100")).project("sculptor", baseline("700")).build();
        Session unfinishedEarlier = session("20260104-120000").unfinished().project("mng", baseline("100"))
                .project("sculptor", baseline("700")).build();
        Session latest = session("20260105-120000").project("sculptor", baseline("710")).project("mng",
                baseline("101")).build();
        Session unfinishedLater = session("20260106-120000").unfinished().project("mng", baseline("100")).build();

        Comparison comparison = new SessionComparer(catalog(comparable, otherProjects, otherKinds, unfinishedEarlier,
                latest, unfinishedLater)).compare(latest());

        assertThat(comparison.before().id()).isEqualTo(comparable.id());
        assertThat(comparison.after().id()).isEqualTo(latest.id());
        // the later session's order
        assertThat(comparison.runs()).extracting(RunComparison::profileId).containsExactly("sculptor", "mng");
    }

    @Test
    void oneSessionNamedIsComparedWithTheLatestFinishedOne() {
        Session a = session("20260101-120000").project("mng", baseline("100")).build();
        Session b = session("20260102-120000").project("mng", baseline("100")).build();
        Session c = session("20260103-120000").project("mng", baseline("100")).build();
        SessionComparer comparer = new SessionComparer(catalog(a, b, c));

        Comparison comparison = comparer.compare(new Query(Optional.of(a.id()), Optional.empty(), NoiseRule.DEFAULT));

        assertThat(comparison.after().id()).isEqualTo(c.id());
        assertThatThrownBy(() -> comparer.compare(new Query(Optional.of(c.id()), Optional.empty(), NoiseRule.DEFAULT)))
                .isInstanceOf(BenchException.class).hasMessageContaining("is the latest finished session");
        assertThatThrownBy(() -> comparer.compare(of(b.id(), b.id()))).isInstanceOf(BenchException.class)
                .hasMessageContaining("compared with itself");
    }

    @Test
    void saysWhyThereIsNothingToCompareWith() {
        Session only = session("20260101-120000").project("mng", baseline("100")).build();
        Session other = session("20260102-120000").project("sculptor", baseline("100")).build();

        assertThatThrownBy(() -> new SessionComparer(catalog()).compare(latest())).isInstanceOf(BenchException.class)
                .hasMessageContaining("no session has finished yet");
        assertThatThrownBy(() -> new SessionComparer(catalog(only, other)).compare(latest()))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("no finished session before 20260102-120000 ran the same projects (sculptor)")
                .hasMessageContaining("bench compare A B");
    }

    @Test
    void listsEveryRecordedInputThatDiffersBesideTheRunItMayExplain() {
        Session a = session("20260101-120000")
                .tools(Map.of("just", "just 1.40.0", "offload", "offload 0.9.9"), "Laptop (8 cores), 16 GB RAM")
                .project("mng", Optional.of(new Revision("1a2b3c4d5e6f" + "0".repeat(28), false)),
                        baseline("345.8").tests(5275).workers(4).load(0.4),
                        high("266.9").tests(5275).workers(8).pytestArguments("-n", "8", "tests"),
                        offload("185.9").tests(5275).maxParallel(200))
                .build();
        Session b = session("20260108-120000")
                .tools(Map.of("just", "just 1.41.0", "offload", "offload 0.9.10"), "Desktop (16 cores), 64 GB RAM")
                .project("mng", Optional.of(new Revision("9f8e7d6c5b4a" + "0".repeat(28), true)),
                        baseline("360.0").tests(5410).workers(3).load(3.1)
                                .environment(Map.of("PYTEST_NUMPROCESSES", "3"))
                                .versions("3.12.1", "8.4.0", "3.7.0").pytestArguments("-n", "3", "tests"),
                        high("266.9").tests(5275).workers(8).pytestArguments("-n", "8", "tests"),
                        offload("190.0").tests(5410).maxParallel(50).provider("local").configHash('b')
                                .offloadArguments("-c", "offload-modal.toml", "run", "--parallel", "50").load(0.6))
                .build();

        Comparison comparison = new SessionComparer(catalog(a, b)).compare(latest());

        assertThat(drift(run(comparison, "mng", RunKind.BASELINE))).containsExactly(
                "tests 5,275 → 5,410 (+2.6%)",
                "workers started 4 → 3",
                "command just test-integration → PYTEST_NUMPROCESSES=3 just test-integration",
                "pytest arguments -n 4 tests → -n 3 tests",
                "python 3.11.2 → 3.12.1",
                "pytest 8.3.4 → 8.4.0",
                "xdist 3.6.1 → 3.7.0",
                "just 1.40.0 → 1.41.0",
                "commit 1a2b3c4d5e6f → 9f8e7d6c5b4a (dirty)",
                "machine Laptop (8 cores), 16 GB RAM → Desktop (16 cores), 64 GB RAM",
                "machine load 0.4 → 3.1");
        // the same commit, tools and machine, no other change: only what is the same for every run
        assertThat(drift(run(comparison, "mng", RunKind.HIGH))).containsExactly(
                "just 1.40.0 → 1.41.0",
                "commit 1a2b3c4d5e6f → 9f8e7d6c5b4a (dirty)",
                "machine Laptop (8 cores), 16 GB RAM → Desktop (16 cores), 64 GB RAM");
        // Python's versions and the machine explain local runs; Offload's inputs its own run; a load change of 0.2 is jitter
        assertThat(drift(run(comparison, "mng", RunKind.OFFLOAD))).containsExactly(
                "tests 5,275 → 5,410 (+2.6%)",
                "max_parallel 200 → 50",
                "provider modal → local",
                "offload arguments -c offload-modal.toml run → -c offload-modal.toml run --parallel 50",
                "offload 0.9.9 → 0.9.10",
                "just 1.40.0 → 1.41.0",
                "commit 1a2b3c4d5e6f → 9f8e7d6c5b4a (dirty)",
                "Offload config offload-modal.toml (aaaaaaaaaaaa) → offload-modal.toml (bbbbbbbbbbbb)");
        assertThat(comparison.unrecorded()).isEmpty();
    }

    @Test
    void inputsAnOlderSessionDidNotRecordAreUnknownNeverAChange() {
        Session old = session("20250601-120000").unrecorded()
                .project("mng", Optional.empty(), baseline("345.8").old(), offload("185.9").old())
                .build();
        Session recorded = session("20260108-120000")
                .project("mng", baseline("346.0").load(3.5), offload("186.0"))
                .build();

        Comparison comparison = new SessionComparer(catalog(old, recorded)).compare(latest());

        assertThat(drift(run(comparison, "mng", RunKind.BASELINE))).isEmpty();
        assertThat(drift(run(comparison, "mng", RunKind.OFFLOAD))).isEmpty();
        assertThat(comparison.unrecorded()).containsOnlyKeys(old.id());
        assertThat(comparison.unrecorded().get(old.id())).containsExactly("pytest arguments", "offload arguments",
                "python", "pytest", "xdist", "offload", "just", "commit", "Offload config", "machine",
                "machine load");
    }

    @Test
    void differentSettingsAreSaidForTheSessionsAsAWhole() {
        Session a = session("20260101-120000").project("mng", baseline("100")).build();
        Session b = session("20260108-120000").runs(3).project("mng", baseline("100", "101", "99")).build();

        Comparison comparison = new SessionComparer(catalog(a, b)).compare(latest());

        assertThat(comparison.sessionDrift()).extracting(Drift::text).containsExactly("samples per run (--runs) 1 → 3");
    }

    /** Sessions that each time mng's baseline once, a day apart, the last one {@code later}. */
    private static List<Session> onceADay(String later, String... history) {
        List<Session> sessions = new java.util.ArrayList<>();
        for (int day = 0; day < history.length; day++) {
            sessions.add(session(String.format("202601%02d-120000", day + 1)).kinds(RunKind.BASELINE)
                    .project("mng", baseline(history[day])).build());
        }
        sessions.add(session("20260120-120000").kinds(RunKind.BASELINE).project("mng", baseline(later)).build());
        return sessions;
    }

    private static RunComparison latestBaseline(List<Session> sessions, NoiseRule rule) {
        Comparison comparison = new SessionComparer(catalog(sessions.toArray(Session[]::new)))
                .compare(new Query(Optional.empty(), Optional.empty(), rule));
        return run(comparison, "mng", RunKind.BASELINE);
    }

    @Test
    void sessionsTimingEachRunOnceMakeAHistoryForTheStudentsTGate() {
        String[] history = {"100.8", "99.2", "101.1", "99.6", "100.3"};

        RunComparison noise = latestBaseline(onceADay("100.9", history), NoiseRule.DEFAULT);
        RunComparison shifted = latestBaseline(onceADay("110.2", history), NoiseRule.DEFAULT);

        // x̄ = 100.2, s = 0.7969, t(0.995, 4) = 4.6041: 100.2 ± 4.6041 · 0.7969 · √(1/5 + 1/1)
        assertThat(noise.band().orElseThrow().method()).isEqualTo(NoiseBand.Method.PREDICTION_INTERVAL);
        assertThat(noise.band().orElseThrow().samples()).isEqualTo(5);
        assertThat(noise.band().orElseThrow().sessions()).isEqualTo(5);
        assertThat(noise.band().orElseThrow().low().doubleValue()).isCloseTo(96.181, within(0.002));
        assertThat(noise.band().orElseThrow().high().doubleValue()).isCloseTo(104.219, within(0.002));
        assertThat(noise.band().orElseThrow().describe()).endsWith("(5 samples from 5 sessions)");
        assertThat(noise.change()).isEqualTo(Change.WITHIN_NOISE);
        assertThat(shifted.change()).isEqualTo(Change.SLOWER);
        // the ratio is still the later session's against the earlier one's
        assertThat(noise.ratio().orElseThrow().value().doubleValue()).isCloseTo(100.9 / 100.3, within(1e-9));
    }

    @Test
    void theHistoryStopsAtItsNumberOfSessionsAndPassesOverInvalidRuns() {
        List<Session> sessions = new java.util.ArrayList<>(onceADay("100.9", "100.8", "99.2", "101.1", "99.6",
                "100.3"));
        // an INVALID run the day before the earlier session says nothing of the noise
        sessions.add(4, session("20260104-180000").kinds(RunKind.BASELINE)
                .project("mng", baseline("150.0").invalid("2 failed")).build());

        NoiseBand three = latestBaseline(sessions, NoiseRule.DEFAULT.withHistorySessions(3)).band().orElseThrow();
        NoiseBand alone = latestBaseline(sessions, NoiseRule.DEFAULT.withHistorySessions(1)).band().orElseThrow();

        assertThat(three.samples()).isEqualTo(3);
        assertThat(three.sessions()).isEqualTo(3);
        assertThat(three.high().doubleValue()).isLessThan(110); // 150.0 would have widened it past that
        assertThat(alone.method()).isEqualTo(NoiseBand.Method.THRESHOLD);
        assertThat(alone.samples()).isEqualTo(1);
        assertThat(alone.low()).isEqualByComparingTo("95.285");
        assertThat(alone.high()).isEqualByComparingTo("105.315");
    }
}
