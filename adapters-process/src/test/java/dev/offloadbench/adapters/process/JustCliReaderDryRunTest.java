package dev.offloadbench.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.justfile.RecipeCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JustCliReaderDryRunTest {
    private final JustCliReader just = new JustCliReader();

    @TempDir
    Path project;

    @BeforeAll
    static void requireJust() {
        RealJust.requireInstalled();
    }

    @BeforeEach
    void writeJustfile() throws IOException {
        Files.writeString(project.resolve("justfile"), """
                workers := "4"
                auto := env_var_or_default('PYTEST_NUMPROCESSES', '2')
                marker := `touch backtick-ran; echo yes`

                test: build (lint "strict") && report
                    pytest -n {{workers}} tests
                    @echo marker {{marker}}

                test-auto:
                    pytest -n {{auto}}

                build:
                    echo build

                lint mode:
                    echo lint {{mode}}

                report:
                    -echo report

                [confirm]
                clean target="all":
                    rm -rf {{target}}
                """);
    }

    @Test
    void listsTheCommandLinesOfDependenciesInOrder() {
        assertThat(just.dryRun(project, RecipeCall.of("test"))).containsExactly(
                "echo build",
                "echo lint strict",
                "pytest -n 4 tests",
                "echo marker `touch backtick-ran; echo yes`",
                "echo report");
    }

    @Test
    void neverRunsBackticks() {
        just.dryRun(project, RecipeCall.of("test"));

        assertThat(project.resolve("backtick-ran")).doesNotExist();
    }

    @Test
    void appliesVariableOverrides() {
        assertThat(just.dryRun(project, RecipeCall.of("test").withVariable("workers", "8")))
                .contains("pytest -n 8 tests");
    }

    @Test
    void takesOverridesAndArgumentsThatBeginWithADash() {
        assertThat(just.dryRun(project, RecipeCall.of("test").withVariable("workers", "-3")))
                .contains("pytest -n -3 tests");
        assertThat(just.dryRun(project, RecipeCall.of("lint").withArguments(List.of("--fix"))))
                .containsExactly("echo lint --fix");
    }

    @Test
    void evaluatesEnvironmentLookupsWithTheCallsEnvironment() {
        assertThat(just.dryRun(project, RecipeCall.of("test-auto").withEnvironment(Map.of("PYTEST_NUMPROCESSES", "7"))))
                .containsExactly("pytest -n 7");
    }

    @Test
    void answersConfirmationsWithoutAPrompt() {
        assertThat(just.dryRun(project, RecipeCall.of("clean"))).containsExactly("rm -rf all");
    }

    @Test
    void refusesAnUnknownRecipeWithJustsMessageAndTheCommand() {
        assertThatThrownBy(() -> just.dryRun(project, RecipeCall.of("nosuch")))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("error: justfile does not contain recipe `nosuch`")
                .hasMessageContaining("just nosuch");
    }

    @Test
    void refusesAMissingArgument() {
        assertThatThrownBy(() -> just.dryRun(project, RecipeCall.of("lint")))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("recipe `lint` got 0 positional arguments but takes 1");
    }
}
