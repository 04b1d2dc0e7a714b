package dev.offloadbench.domain.service.history;

import static dev.offloadbench.domain.service.history.Recorded.baseline;
import static dev.offloadbench.domain.service.history.Recorded.catalog;
import static dev.offloadbench.domain.service.history.Recorded.high;
import static dev.offloadbench.domain.service.history.Recorded.offload;
import static dev.offloadbench.domain.service.history.Recorded.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.history.History;
import dev.offloadbench.domain.history.Measurement;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.session.RunStatus;
import dev.offloadbench.domain.session.Session;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionHistoryTest {
    private final Session first = session("20260101-120000").runs(2)
            .project("mng", baseline("100", "102"), high("80", "81"), offload("30", "31"))
            .project("sculptor", baseline("700", "710"))
            .build();
    private final Session invalid = session("20260102-120000")
            .project("mng", baseline("101"), high("95").invalid("2 failed"), offload("29").status(RunStatus.SKIPPED))
            .build();
    private final Session unfinished = session("20260103-120000").unfinished()
            .project("mng", baseline("1"))
            .build();
    private final Session third = session("20260104-120000")
            .project("sculptor", baseline("690"))
            .project("mng", baseline("99"), high("79"), offload("28"))
            .build();

    @Test
    void everyFinishedSessionsFiguresProjectByProjectOldestFirst() {
        History history = new SessionHistory(catalog(first, invalid, unfinished, third)).history(Optional.empty());

        assertThat(history.projects()).extracting(History.Project::profileId).containsExactly("mng", "sculptor");
        History.Project mng = history.projects().get(0);
        assertThat(mng.sessions()).extracting(History.Point::sessionId)
                .containsExactly(first.id(), invalid.id(), third.id());
        assertThat(mng.kinds()).containsExactly(RunKind.BASELINE, RunKind.HIGH, RunKind.OFFLOAD);
        Measurement firstBaseline = mng.sessions().get(0).run(RunKind.BASELINE).orElseThrow();
        assertThat(firstBaseline.mean()).isEqualByComparingTo("101");
        assertThat(firstBaseline.sigma()).hasValueSatisfying(s -> assertThat(s).isEqualByComparingTo("1.414"));
        assertThat(firstBaseline.count()).isEqualTo(2);
    }

    @Test
    void keepsInvalidRunsMarkedAndLeavesOutRunsThatDidNotFinish() {
        History.Project mng = new SessionHistory(catalog(first, invalid, third)).history(Optional.of("mng"))
                .projects().get(0);

        History.Point second = mng.sessions().get(1);
        assertThat(second.run(RunKind.HIGH)).hasValueSatisfying(high -> {
            assertThat(high.valid()).isFalse();
            assertThat(high.validity().reason()).isEqualTo("2 failed");
            assertThat(high.mean()).isEqualByComparingTo("95");
        });
        assertThat(second.run(RunKind.OFFLOAD)).as("skipped").isEmpty();
        assertThat(mng.sessions().get(2).run(RunKind.HIGH).orElseThrow().valid()).isTrue();
    }

    @Test
    void oneProjectAloneAndAnUnknownOneSaid() {
        SessionHistory history = new SessionHistory(catalog(first, invalid, third));

        History sculptor = history.history(Optional.of("sculptor"));

        assertThat(sculptor.projects()).hasSize(1);
        assertThat(sculptor.projects().get(0).sessions()).extracting(History.Point::sessionId)
                .containsExactly(first.id(), third.id());
        assertThatThrownBy(() -> history.history(Optional.of("widget"))).isInstanceOf(BenchException.class)
                .hasMessage("no finished session ran project `widget`; the finished sessions ran mng, sculptor"
                        + " (bench sessions lists every session)");
    }

    @Test
    void noFinishedSessionIsAnEmptyHistory() {
        assertThat(new SessionHistory(catalog(unfinished)).history(Optional.empty()).projects()).isEmpty();
    }
}
