package dev.offloadbench.domain.service.running;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.port.in.BrowseSessions.PrunedLogs;
import dev.offloadbench.domain.run.TestTally;
import dev.offloadbench.domain.run.Termination;
import dev.offloadbench.domain.session.Attempt;
import dev.offloadbench.domain.session.RunInProgress;
import dev.offloadbench.domain.session.RunStatus;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionProject;
import dev.offloadbench.domain.session.SessionRun;
import dev.offloadbench.domain.session.SessionSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Which sessions keep their logs: the most recently active ones, however old they are. */
class SessionCatalogTest {
    private final InMemorySessionStore store = new InMemorySessionStore();

    private static Session created(String id, String at, Attempt... attempts) {
        SessionRun run = new SessionRun(SessionRunnerTest.planned("mng", RunKind.BASELINE), RunStatus.DONE, "",
                List.of(attempts));
        return new Session(id, Instant.parse(at), new SessionSettings(List.of(RunKind.BASELINE), 1, 0,
                Optional.empty()), SessionRunnerTest.MACHINE, SessionRunnerTest.README,
                List.of(new SessionProject("mng", Path.of("/p/mng"), List.of(run))), true);
    }

    private static Attempt finishedAt(String at) {
        return new Attempt(false, Instant.parse(at), Instant.parse(at), new BigDecimal("1.000"), 0, Termination.EXITED,
                TestTally.NOTHING, Path.of("/log"), Validity.VALID, List.of());
    }

    @Test
    void keepsTheLogsOfTheMostRecentlyActiveSessions() {
        store.with(created("a", "2024-01-01T00:00:00Z"))
                .with(created("b", "2024-01-02T00:00:00Z"))
                // created first, but resumed last: its logs are the freshest
                .with(created("c", "2023-12-01T00:00:00Z", finishedAt("2024-01-05T00:00:00Z")))
                .with(created("d", "2024-01-03T00:00:00Z"));

        PrunedLogs pruned = new SessionCatalog(store).pruneLogs(2);

        assertThat(pruned.sessions()).containsExactly("a", "b");
        assertThat(store.logsRemoved).containsExactly("a", "b");
        assertThat(pruned.removed().files()).isEqualTo(4);
        assertThat(pruned.removed().bytes()).isEqualTo(200);
    }

    @Test
    void aSessionWithARunUnderWayKeepsItsLogs() {
        Session running = created("old", "2023-01-01T00:00:00Z").withRunning(new RunInProgress("mng",
                RunKind.BASELINE, "old-1", 1, OptionalLong.empty(), Instant.parse("2024-02-01T00:00:00Z")));
        store.with(running).with(created("new", "2024-01-01T00:00:00Z"));

        assertThat(new SessionCatalog(store).pruneLogs(1).sessions()).containsExactly("new");
    }

    @Test
    void fewerSessionsThanKeptRemovesNothing() {
        store.with(created("a", "2024-01-01T00:00:00Z"));

        assertThat(new SessionCatalog(store).pruneLogs(10).sessions()).isEmpty();
        assertThat(store.logsRemoved).isEmpty();
    }
}
