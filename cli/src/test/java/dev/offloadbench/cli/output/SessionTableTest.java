package dev.offloadbench.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.plan.MachineDescription;
import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.run.Termination;
import dev.offloadbench.domain.run.TestTally;
import dev.offloadbench.domain.session.Attempt;
import dev.offloadbench.domain.session.RunStatus;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionProject;
import dev.offloadbench.domain.session.SessionRun;
import dev.offloadbench.domain.session.SessionSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SessionTableTest {
    private static final Instant NOW = Instant.parse("2026-11-27T14:15:30Z");

    private static SessionRun done(RunKind kind, int planned, OptionalInt started, String seconds) {
        PlannedRun run = new PlannedRun(kind, "test-integration", List.of("just", "test-integration"), Map.of(),
                Path.of("/p/mng"), OptionalInt.of(planned), Optional.empty(), OptionalInt.empty(), Optional.empty(), 0,
                List.of(), Optional.empty(), Optional.empty());
        TestTally tally = new TestTally(OptionalInt.of(10), 10, 0, 0, 0, 0, 0, 0, 0, started, true, false);
        Attempt attempt = new Attempt(false, NOW, NOW, new BigDecimal(seconds), 0, Termination.EXITED, tally,
                Path.of("/log"), Validity.VALID, List.of());
        return new SessionRun(run, RunStatus.DONE, "", List.of(attempt));
    }

    @Test
    void theWorkersColumnShowsWhatXdistReallyStarted() {
        Session session = new Session("20261127-141530", NOW, new SessionSettings(List.of(RunKind.BASELINE,
                RunKind.HIGH), 1, 1, Optional.empty()), new MachineDescription("m", MachineDescription.Source.CONFIG),
                Path.of("/README.md"), List.of(new SessionProject("mng", Path.of("/p/mng"), List.of(
                        done(RunKind.BASELINE, 2, OptionalInt.empty(), "10.0"),
                        done(RunKind.HIGH, 4, OptionalInt.of(2), "9.0")))), true);

        String table = SessionTable.write(session);

        // the high run planned 4 but xdist started 2, which its output confirms; the baseline's 2 nothing confirmed
        assertThat(table).contains("mng      baseline  2 (unverified)  10.0")
                .contains("mng      high      2               9.0");
    }
}
