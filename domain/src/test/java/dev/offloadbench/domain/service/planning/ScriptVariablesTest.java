package dev.offloadbench.domain.service.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.service.planning.ScriptVariables.Resolution;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScriptVariablesTest {
    /** sculptor's test-integration script, as just --dry-run prints it (HEAD, August 2026). */
    private static final List<String> SCULPTOR = List.of(
            "#!/usr/bin/env bash",
            "set -euo pipefail",
            "if [ -n \"${XDIST_WORKERS:-}\" ]; then",
            "  xdist_args=\"-n ${XDIST_WORKERS}\"",
            "else",
            "  xdist_args=\"-n auto --maxprocesses 3\"",
            "fi",
            "if [ -n \"${SESSION_TIMEOUT_SECONDS:-}\" ] && [ \"${SESSION_TIMEOUT_SECONDS}\" -gt 0 ] 2>/dev/null; then",
            "  timeout_prefix=\"timeout --signal=INT --kill-after=60s ${bash_timeout}\"",
            "else",
            "  timeout_prefix=\"\"",
            "fi",
            "_do_test_integration() {",
            "  ${timeout_prefix} uv run --project sculptor pytest ${xdist_args} sculptor/tests/integration/",
            "}");

    private static Resolution resolve(String name, Map<String, String> environment) {
        return ScriptVariables.resolve(SCULPTOR, 13, name, environment).orElseThrow();
    }

    @Test
    void theElseBranchAppliesWhenTheSelectingVariableIsUnset() {
        Resolution xdist = resolve("xdist_args", Map.of());

        assertThat(xdist.chosen()).map(ScriptVariables.Assignment::value).contains("-n auto --maxprocesses 3");
        assertThat(xdist.chosen()).map(ScriptVariables.Assignment::line).contains(5);
        assertThat(xdist.selectors()).containsExactly("XDIST_WORKERS");
        assertThat(xdist.environmentVariables()).containsExactly("XDIST_WORKERS");
        assertThat(xdist.describe()).isEqualTo("the script sets `xdist_args`: `-n ${XDIST_WORKERS}` when"
                + " `[ -n \"${XDIST_WORKERS:-}\" ]`; `-n auto --maxprocesses 3` unless `[ -n \"${XDIST_WORKERS:-}\" ]`"
                + " (XDIST_WORKERS selects the branch)");
    }

    @Test
    void theThenBranchAppliesWhenItIsSet() {
        assertThat(resolve("xdist_args", Map.of("XDIST_WORKERS", "8")).chosen())
                .map(ScriptVariables.Assignment::value).contains("-n ${XDIST_WORKERS}");
        assertThat(resolve("xdist_args", Map.of("XDIST_WORKERS", "")).chosen())
                .map(ScriptVariables.Assignment::value).contains("-n auto --maxprocesses 3");
    }

    @Test
    void aConditionJoinedWithAndIsFalseWhenItsFirstTestIs() {
        // `-gt` is not evaluated, but the first test already fails
        assertThat(resolve("timeout_prefix", Map.of()).chosen()).map(ScriptVariables.Assignment::value).contains("");
    }

    @Test
    void aConditionThatCannotBeToldLeavesTheChoiceOpen() {
        Resolution prefix = resolve("timeout_prefix", Map.of("SESSION_TIMEOUT_SECONDS", "600"));

        assertThat(prefix.chosen()).isEmpty();
        assertThat(prefix.describe()).endsWith("which one applies cannot be told by reading");
    }

    @Test
    void aVariableTheScriptDoesNotSetIsNotResolved() {
        assertThat(ScriptVariables.resolve(SCULPTOR, 13, "PYTEST_ADDOPTS", Map.of())).isEmpty();
        assertThat(ScriptVariables.resolve(SCULPTOR, 3, "xdist_args", Map.of())).as("set only after line 3")
                .isEmpty();
    }

    @Test
    void conditionsOfEveryShapeAreEvaluated() {
        Map<String, String> environment = Map.of("MODE", "ci", "EMPTY", "");
        assertThat(ScriptVariables.evaluate("[ \"$MODE\" = ci ]", environment)).contains(true);
        assertThat(ScriptVariables.evaluate("[[ ${MODE} != ci ]]", environment)).contains(false);
        assertThat(ScriptVariables.evaluate("test -z \"$EMPTY\"", environment)).contains(true);
        assertThat(ScriptVariables.evaluate("! [ -n \"$UNSET\" ]", environment)).contains(true);
        assertThat(ScriptVariables.evaluate("[ -n \"$UNSET\" ] || [ \"$MODE\" == ci ]", environment)).contains(true);
        assertThat(ScriptVariables.evaluate("[ -f setup.cfg ]", environment)).isEmpty();
        assertThat(ScriptVariables.evaluate("grep -q x file", environment)).isEmpty();
    }

    @Test
    void elifBranchesNegateTheEarlierConditions() {
        List<String> script = List.of(
                "if [ \"$SIZE\" = big ]; then",
                "  n=8",
                "elif [ \"$SIZE\" = small ]",
                "then",
                "  n=2",
                "else",
                "  export n=4",
                "fi",
                "pytest -n $n");

        assertThat(ScriptVariables.resolve(script, 8, "n", Map.of("SIZE", "small")).orElseThrow().chosen())
                .map(ScriptVariables.Assignment::value).contains("2");
        assertThat(ScriptVariables.resolve(script, 8, "n", Map.of()).orElseThrow().chosen())
                .map(ScriptVariables.Assignment::value).contains("4");
        assertThat(ScriptVariables.resolve(script, 8, "n", Map.of("SIZE", "big")).orElseThrow().assignments())
                .extracting(a -> a.applies()).containsExactly(Optional.of(true), Optional.of(false),
                        Optional.of(false));
    }
}
