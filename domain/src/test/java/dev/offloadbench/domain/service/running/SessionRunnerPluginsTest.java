package dev.offloadbench.domain.service.running;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.HighWorkers;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.model.RunDefaults;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.port.in.CheckPrerequisites;
import dev.offloadbench.domain.port.in.PlanBenchmark;
import dev.offloadbench.domain.port.in.RunBenchmark.Command;
import dev.offloadbench.domain.port.in.RunBenchmark.Outcome;
import dev.offloadbench.domain.port.out.MachineProbe;
import dev.offloadbench.domain.port.out.ProgressListener;
import dev.offloadbench.domain.port.out.RunExecutor;
import dev.offloadbench.domain.port.out.RunProbe;
import dev.offloadbench.domain.port.out.SessionLock;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.service.containment.MachineLock;
import dev.offloadbench.domain.run.Execution;
import dev.offloadbench.domain.run.ExecutionRequest;
import dev.offloadbench.domain.session.RunStatus;
import dev.offloadbench.domain.spi.FinishedRun;
import dev.offloadbench.domain.spi.FinishedSession;
import dev.offloadbench.domain.spi.RunListener;
import dev.offloadbench.domain.spi.StartedSession;
import dev.offloadbench.domain.spi.TestCounts;
import dev.offloadbench.domain.spi.TestOutputParser;
import dev.offloadbench.domain.spi.TestOutputReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What plugins add to a session: listeners told after each run's clock stopped, parsers of other runners. */
class SessionRunnerPluginsTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:34:56Z");
    private static final List<RunKind> ALL_KINDS = List.of(RunKind.BASELINE, RunKind.HIGH, RunKind.OFFLOAD);

    final CheckPrerequisites checks = mock(CheckPrerequisites.class);
    final PlanBenchmark planner = mock(PlanBenchmark.class);
    final RunExecutor executor = mock(RunExecutor.class);
    final SessionLock lock = mock(SessionLock.class);
    final MachineProbe machine = mock(MachineProbe.class);
    final ProgressListener progress = mock(ProgressListener.class);
    final InMemorySessionStore store = new InMemorySessionStore();
    /** Everything in order: executions starting and ending, and what listeners hear. */
    final List<String> events = new ArrayList<>();
    final List<ExecutionRequest> requests = new ArrayList<>();
    ProfileRegistry profiles = new ProfileRegistry();

    @BeforeEach
    void setUp() {
        when(lock.acquire()).thenReturn(mock(SessionLock.Held.class));
        when(checks.check(any())).thenReturn(SessionRunnerTest.allChecksPass());
        when(planner.plan(any(), any(), any(), any())).thenReturn(SessionRunnerTest.plan(SessionRunnerTest.project("mng")));
        when(planner.readAhead(any())).thenReturn(SessionRunnerTest.plan(SessionRunnerTest.project("mng")));
        when(planner.profiles(any())).thenReturn(List.of("mng"));
        when(machine.load()).thenReturn(new MachineProbe.Load(0.2, 8, List.of()));
        when(executor.execute(any(), any(), any())).thenAnswer(invocation -> {
            ExecutionRequest request = invocation.getArgument(0);
            requests.add(request);
            events.add("clock started");
            Execution execution = SessionRunnerTest.passing(Duration.ofSeconds(10));
            request.outputParser().ifPresent(parser -> {
                TestOutputReader reader = parser.newReader();
                reader.line("RESULT 7 passed");
                reader.counts();
            });
            events.add("clock stopped");
            return execution;
        });
    }

    private Outcome run(List<RunListener> listeners, List<TestOutputParser> parsers) {
        return new SessionRunner(checks, planner, executor, store,
                new MachineLock(lock, store, executor, mock(RunProbe.class)), machine,
                Clock.fixed(NOW, ZoneId.of("UTC")), listeners, new OutputParsers(profiles, parsers))
                .run(new Command(List.of("all"), ALL_KINDS, 1, 1, Optional.empty(), Optional.empty(), false),
                        progress, new Cancellation());
    }

    /** Records what it hears in {@link #events}. */
    private final class Recording implements RunListener {
        final List<FinishedRun> runs = new ArrayList<>();
        FinishedSession finished;

        @Override
        public void sessionStarted(StartedSession session) {
            events.add("started " + session.sessionId() + " " + session.projects());
        }

        @Override
        public void runFinished(FinishedRun run) {
            runs.add(run);
            events.add("finished " + run.project() + " " + run.kind() + (run.warmup() ? " warm-up" : ""));
        }

        @Override
        public void sessionFinished(FinishedSession session) {
            finished = session;
            events.add("session finished");
        }
    }

    @Test
    void listenersHearEachRunOnlyAfterItsClockStopped() {
        Recording listener = new Recording();

        run(List.of(listener), List.of());

        assertThat(events).containsExactly("started 20240501-123456 [mng]",
                "clock started", "clock stopped", "finished mng baseline",
                "clock started", "clock stopped", "finished mng high",
                "clock started", "clock stopped", "finished mng offload warm-up",
                "clock started", "clock stopped", "finished mng offload",
                "session finished");
        FinishedRun baseline = listener.runs.get(0);
        assertThat(baseline.sessionId()).isEqualTo("20240501-123456");
        assertThat(baseline.workers()).isEqualTo(OptionalInt.of(4));
        assertThat(baseline.seconds()).isEqualByComparingTo("10.000");
        assertThat(baseline.valid()).isTrue();
        assertThat(baseline.number()).isEqualTo(1);
        assertThat(listener.runs.get(3).workers()).as("Offload has no xdist workers").isEmpty();
        assertThat(listener.finished.complete()).isTrue();
        assertThat(listener.finished.runs()).hasSize(4);
        assertThat(listener.finished.results().projects().get(0).runs()).hasSize(3);
    }

    @Test
    void aListenerThatThrowsIsReportedAndTheSessionGoesOnForEveryListener() {
        RunListener broken = new RunListener() {
            @Override
            public void runFinished(FinishedRun run) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public void sessionFinished(FinishedSession session) {
                throw new NoClassDefFoundError("dev/offloadbench/adapters/Missing");
            }
        };
        Recording after = new Recording();

        Outcome outcome = run(List.of(broken, after), List.of());

        assertThat(outcome.session().finished()).isTrue();
        assertThat(outcome.session().entries()).allMatch(e -> e.run().status() == RunStatus.DONE);
        assertThat(after.runs).hasSize(4);
        assertThat(after.finished).isNotNull();
        verify(progress, times(4)).listenerFailed(eq(broken), eq("runFinished"), any(IllegalStateException.class));
        verify(progress).listenerFailed(eq(broken), eq("sessionFinished"), any(NoClassDefFoundError.class));
    }

    // ---- output parsers

    private static final Profile CARGO = new Profile("mng", "Mng", "Rust Tests", List.of(),
            new RunDefaults("test", "test-offload", Optional.of("NEXTEST_TEST_THREADS"), HighWorkers.doubledCappedAt(8),
                    Map.of(), Optional.of("fake-runner")));

    /** Reads "RESULT n passed". */
    private static TestOutputParser parser(String name) {
        return new TestOutputParser() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TestOutputReader newReader() {
                return new TestOutputReader() {
                    private TestCounts counts = TestCounts.NONE;

                    @Override
                    public void line(String line) {
                        if (line.startsWith("RESULT")) {
                            counts = counts.withPassed(Integer.parseInt(line.split(" ")[1])).withSummarySeen(true);
                        }
                    }

                    @Override
                    public TestCounts counts() {
                        return counts;
                    }
                };
            }
        };
    }

    @Test
    void theLocalRunsOfAProfileThatNamesAParserAreReadByIt() {
        profiles.install("plugin.jar", List.of(CARGO));

        run(List.of(), List.of(parser("fake-runner")));

        assertThat(requests).hasSize(4);
        assertThat(requests.get(0).outputParser()).isPresent();
        assertThat(requests.get(1).outputParser()).isPresent();
        assertThat(requests.get(2).outputParser()).as("Offload prints its own summary").isEmpty();
        assertThat(requests.get(3).outputParser()).isEmpty();
    }

    @Test
    void aParserThatIsNotInstalledStopsTheSessionBeforeAnythingRuns() {
        profiles.install("plugin.jar", List.of(CARGO));

        assertThatThrownBy(() -> run(List.of(), List.of(parser("other"))))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("profile mng reads its runs with output parser `fake-runner`, which is not"
                        + " installed (installed: other)");
        assertThat(requests).isEmpty();
        assertThat(store.saved()).isEmpty();
    }

    @Test
    void aParserThatThrowsMakesItsRunInvalidSayingWhy() {
        profiles.install("plugin.jar", List.of(CARGO));
        TestOutputParser throwing = new TestOutputParser() {
            @Override
            public String name() {
                return "fake-runner";
            }

            @Override
            public TestOutputReader newReader() {
                return new TestOutputReader() {
                    @Override
                    public void line(String line) {
                        throw new NumberFormatException("For input string: \"x\"");
                    }

                    @Override
                    public TestCounts counts() {
                        return TestCounts.NONE;
                    }
                };
            }
        };

        Outcome outcome = run(List.of(), List.of(throwing));

        String reason = outcome.session().projects().get(0).run(RunKind.BASELINE).orElseThrow().samples().get(0)
                .validity().reason();
        assertThat(reason).contains("output parser fake-runner failed: java.lang.NumberFormatException");
        assertThat(outcome.session().finished()).as("the session goes on").isTrue();
    }

    @Test
    void aParserThatGivesNoReaderOrNoCountsFailsWithoutBreakingTheRun() {
        GuardedOutputParser noReader = new GuardedOutputParser(new TestOutputParser() {
            @Override
            public String name() {
                return "lazy";
            }

            @Override
            public TestOutputReader newReader() {
                return null;
            }
        });
        TestOutputReader reader = noReader.newReader();
        reader.line("RESULT 7 passed");

        assertThat(reader.counts()).isEqualTo(TestCounts.NONE);
        assertThat(noReader.failure()).contains("output parser lazy failed: java.lang.NullPointerException:"
                + " newReader() returned null");

        GuardedOutputParser working = new GuardedOutputParser(parser("fake-runner"));
        TestOutputReader counting = working.newReader();
        counting.line("RESULT 7 passed");
        assertThat(counting.counts().passed()).isEqualTo(7);
        assertThat(working.failure()).isEmpty();
    }
}
