package dev.offloadbench.domain.service.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellValueTest {
    @Test
    void literalHasNoVariableAndResolvesToItself() {
        ShellValue value = ShellValue.of("4");
        assertThat(value.variable()).isEmpty();
        assertThat(value.fallback()).isEmpty();
        assertThat(value.resolve(Map.of("4", "x"))).contains("4");
    }

    @Test
    void wordThatOnlyContainsAnExpansionIsALiteral() {
        assertThat(ShellValue.of("$N/x").variable()).isEmpty();
        assertThat(ShellValue.of("a${N}").variable()).isEmpty();
        assertThat(ShellValue.of("$N/x").resolve(Map.of("N", "2"))).contains("$N/x");
    }

    @Test
    void dollarNameReadsTheVariable() {
        ShellValue value = ShellValue.of("$XDIST_WORKERS");
        assertThat(value.variable()).contains("XDIST_WORKERS");
        assertThat(value.fallback()).isEmpty();
        assertThat(value.resolve(Map.of("XDIST_WORKERS", "6"))).contains("6");
    }

    @Test
    void dollarNameWithoutTheVariableSetCannotBeKnown() {
        assertThat(ShellValue.of("$N").resolve(Map.of())).isEmpty();
    }

    @Test
    void bracedNameReadsTheVariable() {
        ShellValue value = ShellValue.of("${N}");
        assertThat(value.variable()).contains("N");
        assertThat(value.fallback()).isEmpty();
        assertThat(value.resolve(Map.of("N", "7"))).contains("7");
        assertThat(value.resolve(Map.of())).isEmpty();
    }

    @Test
    void colonDashDefaultAppliesWhenUnset() {
        ShellValue value = ShellValue.of("${XDIST_WORKERS:-4}");
        assertThat(value.variable()).contains("XDIST_WORKERS");
        assertThat(value.fallback()).contains("4");
        assertThat(value.resolve(Map.of())).contains("4");
    }

    @Test
    void colonDashDefaultYieldsToASetVariable() {
        assertThat(ShellValue.of("${XDIST_WORKERS:-4}").resolve(Map.of("XDIST_WORKERS", "8"))).contains("8");
    }

    @Test
    void colonDashDefaultAppliesWhenTheVariableIsEmpty() {
        assertThat(ShellValue.of("${XDIST_WORKERS:-4}").resolve(Map.of("XDIST_WORKERS", ""))).contains("4");
    }

    @Test
    void dashDefaultAppliesWhenUnset() {
        ShellValue value = ShellValue.of("${N-4}");
        assertThat(value.variable()).contains("N");
        assertThat(value.fallback()).contains("4");
        assertThat(value.resolve(Map.of())).contains("4");
        assertThat(value.resolve(Map.of("N", "9"))).contains("9");
    }

    @Test
    void dashDefaultDoesNotApplyWhenTheVariableIsSetButEmpty() {
        assertThat(ShellValue.of("${N-4}").resolve(Map.of("N", ""))).contains("");
    }

    @Test
    void assignDefaultFormsResolveLikeTheirDashForms() {
        assertThat(ShellValue.of("${N:=5}").resolve(Map.of())).contains("5");
        assertThat(ShellValue.of("${N:=5}").resolve(Map.of("N", "2"))).contains("2");
        assertThat(ShellValue.of("${N=5}").variable()).contains("N");
        assertThat(ShellValue.of("${N=5}").fallback()).contains("5");
    }

    @Test
    void emptyDefaultIsKeptAsEmpty() {
        assertThat(ShellValue.of("${N:-}").fallback()).contains("");
    }

    @Test
    void textIsTheWordAsWritten() {
        assertThat(ShellValue.of("${N:-4}").text()).isEqualTo("${N:-4}");
    }

    @Test
    void otherParameterOperatorsAreNotTreatedAsDefaults() {
        // ${N:+x} or ${N#x} are not read as "N with a default"
        assertThat(ShellValue.of("${N:+x}").variable()).isEmpty();
        assertThat(ShellValue.of("${N#x}").variable()).isEmpty();
    }
}
