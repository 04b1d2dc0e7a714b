package dev.offloadbench.domain.service.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.service.planning.CommandLines.Invocation;
import dev.offloadbench.domain.service.planning.ShellWords.Word;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandLinesTest {
    private static Optional<Invocation> pytest(String... lines) {
        return CommandLines.find(List.of(lines), CommandLines::isPytest);
    }

    private static Optional<Invocation> offload(String... lines) {
        return CommandLines.find(List.of(lines), CommandLines::isOffload);
    }

    private static List<String> arguments(Invocation invocation) {
        return invocation.arguments().stream().map(Word::text).toList();
    }

    @Test
    void findsPlainPytestAndReturnsTheArgumentsAfterIt() {
        Invocation found = pytest("pytest -n 4 tests").orElseThrow();
        assertThat(arguments(found)).containsExactly("-n", "4", "tests");
        assertThat(found.lineIndex()).isZero();
        assertThat(found.line()).isEqualTo("pytest -n 4 tests");
    }

    @Test
    void findsPytestByItsPath() {
        assertThat(arguments(pytest("/usr/bin/pytest -n 2").orElseThrow())).containsExactly("-n", "2");
        assertThat(arguments(pytest(".venv/bin/pytest -x").orElseThrow())).containsExactly("-x");
    }

    @Test
    void findsPyDotTest() {
        assertThat(arguments(pytest("py.test -n 3").orElseThrow())).containsExactly("-n", "3");
    }

    @Test
    void findsPythonDashMPytestAndSkipsTheModuleName() {
        assertThat(arguments(pytest("python -m pytest -n 4 tests").orElseThrow())).containsExactly("-n", "4", "tests");
        assertThat(arguments(pytest("/usr/bin/python3 -m pytest -n 2").orElseThrow())).containsExactly("-n", "2");
    }

    @Test
    void findsPytestRunThroughAnotherTool() {
        assertThat(arguments(pytest("uv run pytest -n 4").orElseThrow())).containsExactly("-n", "4");
        assertThat(arguments(pytest("uv run python -m pytest --numprocesses=4").orElseThrow()))
                .containsExactly("--numprocesses=4");
    }

    @Test
    void findsPytestAfterAnEnvironmentAssignment() {
        assertThat(arguments(pytest("PYTHONPATH=src pytest -n 4").orElseThrow())).containsExactly("-n", "4");
    }

    @Test
    void findsPytestAfterCdAndStopsAtTheNextOperator() {
        Invocation found = pytest("cd tests && pytest -n 4 integration | tee log; echo done").orElseThrow();
        assertThat(arguments(found)).containsExactly("-n", "4", "integration");
    }

    @Test
    void findsPytestInsideParentheses() {
        assertThat(arguments(pytest("(cd sub; pytest -n 2)").orElseThrow())).containsExactly("-n", "2");
    }

    @Test
    void findsTheFirstLineThatRunsPytest() {
        Invocation found = pytest("echo build", "cd x", "pytest -n 6", "pytest -n 1").orElseThrow();
        assertThat(found.lineIndex()).isEqualTo(2);
        assertThat(found.line()).isEqualTo("pytest -n 6");
        assertThat(arguments(found)).containsExactly("-n", "6");
    }

    @Test
    void pytestWithoutArgumentsHasNone() {
        assertThat(arguments(pytest("pytest").orElseThrow())).isEmpty();
    }

    @Test
    void wordsThatOnlyContainPytestAreNotPytest() {
        assertThat(pytest("pytest-watch -n 4", "echo 'pytest -n 4'", "python -m pytest_cov")).isEmpty();
    }

    @Test
    void pytestInACommentIsNotRun() {
        assertThat(pytest("echo tests # pytest -n 4")).isEmpty();
    }

    @Test
    void noLinesOrNoMatchGiveNothing() {
        assertThat(pytest()).isEmpty();
        assertThat(pytest("", "#!/usr/bin/env bash", "echo hi")).isEmpty();
    }

    @Test
    void findsOffloadAndItsArguments() {
        Invocation found = offload("cd tests && offload -c offload-modal.toml run --parallel 20").orElseThrow();
        assertThat(arguments(found)).containsExactly("-c", "offload-modal.toml", "run", "--parallel", "20");
    }

    @Test
    void findsOffloadByItsPath() {
        assertThat(arguments(offload("~/.cargo/bin/offload run").orElseThrow())).containsExactly("run");
    }

    @Test
    void offloadIsNotPytestAndPytestIsNotOffload() {
        assertThat(pytest("offload run")).isEmpty();
        assertThat(offload("pytest -n 4")).isEmpty();
        assertThat(offload("offloader run")).isEmpty();
    }

    @Test
    void packageNamedPytestInAnInstallCommandIsNotAPytestRun() {
        Invocation found = pytest("uv pip install pytest pytest-xdist", "uv run pytest -n 4").orElseThrow();
        assertThat(found.lineIndex()).isEqualTo(1);
        assertThat(arguments(found)).containsExactly("-n", "4");
    }

    @Test
    void launchersWithOptionsThatTakeValuesAreSeenThrough() {
        assertThat(arguments(pytest("uv run --project sculptor pytest -n 3 tests").orElseThrow()))
                .containsExactly("-n", "3", "tests");
        assertThat(arguments(pytest("env -u CI -C app python -m pytest -n 2").orElseThrow()))
                .containsExactly("-n", "2");
        assertThat(arguments(pytest("timeout --signal=INT --kill-after=60s 900 uv run pytest -x").orElseThrow()))
                .containsExactly("-x");
        assertThat(arguments(pytest("timeout -s INT -k 60s 900 python3 -m pytest -q").orElseThrow()))
                .containsExactly("-q");
        assertThat(arguments(pytest("nice -n 10 pytest -n 4").orElseThrow())).containsExactly("-n", "4");
    }

    @Test
    void anExpansionBeforeTheLauncherMayBeEmptyOrAPrefix() {
        // sculptor: `${timeout_prefix} uv run --project sculptor pytest ${xdist_args} ...`
        Invocation found = pytest("  ${timeout_prefix} uv run --project sculptor pytest ${xdist_args} -v tests/")
                .orElseThrow();
        assertThat(arguments(found)).containsExactly("${xdist_args}", "-v", "tests/");
        assertThat(arguments(pytest("$PREFIX pytest -n 2").orElseThrow())).containsExactly("-n", "2");
    }

    @Test
    void aValueTakingOptionOfAnotherLauncherIsNoPassage() {
        // `--project` is uv's, not env's: the word after it is a program name, not an option value
        assertThat(pytest("env --project sculptor pytest -n 2")).isEmpty();
    }
}
