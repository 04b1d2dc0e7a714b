package dev.offloadbench.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RecordInvariantsTest {
    private static final BigDecimal TEN = new BigDecimal("10.0");

    @Test
    void localRunsNeedTheirWorkerCount() {
        assertThatThrownBy(() -> new RunOutcome(RunKind.HIGH, OptionalInt.empty(), TEN, Validity.VALID))
                .hasMessageContaining("high run needs its xdist worker count");
        assertThat(RunOutcome.offload(TEN, Validity.VALID).workers()).isEmpty();
    }

    @Test
    void refusesNegativeTimesAndZeroWorkers() {
        assertThatThrownBy(() -> RunOutcome.offload(new BigDecimal("-1"), Validity.VALID))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> RunOutcome.local(RunKind.BASELINE, 0, TEN, Validity.VALID))
                .hasMessageContaining("at least 1");
    }

    @Test
    void aProjectHasAtMostOneRunOfEachKind() {
        RunOutcome offload = RunOutcome.offload(TEN, Validity.VALID);
        assertThatThrownBy(() -> new ProjectResults("mng", 1, 10, List.of(offload, offload)))
                .hasMessageContaining("two offload runs");
    }

    @Test
    void profileIdsAreSimpleNames() {
        assertThatThrownBy(() -> new ProjectResults("Mng!", 1, 10, List.of()))
                .hasMessageContaining("profile id \"Mng!\"");
    }

    @Test
    void listsInvalidRunsWithTheirReasonsInReportOrder() {
        BenchmarkResults results = new BenchmarkResults("m", List.of(
                new ProjectResults("sculptor", 3, 10, List.of(
                        RunOutcome.local(RunKind.BASELINE, 3, TEN, Validity.VALID),
                        RunOutcome.offload(TEN, Validity.invalid("2 failed")))),
                new ProjectResults("mng", 3, 10, List.of(
                        RunOutcome.local(RunKind.BASELINE, 3, TEN, Validity.invalid(null))))));
        assertThat(results.invalidRuns()).extracting(Object::toString)
                .containsExactly("sculptor offload: 2 failed", "mng baseline: no reason given");
    }

    @Test
    void aValidRunCarriesNoReason() {
        assertThatThrownBy(() -> new Validity(true, "oops")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Validity.invalid("1 failed").describe()).isEqualTo("INVALID (1 failed)");
    }
}
