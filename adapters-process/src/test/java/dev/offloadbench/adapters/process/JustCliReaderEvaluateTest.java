package dev.offloadbench.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

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

class JustCliReaderEvaluateTest {
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
                export W := env_var_or_default('XW', workers)

                test:
                    pytest -n ${W:-2}
                """);
    }

    @Test
    void evaluatesAVariableAsTheCallWouldSeeIt() {
        assertThat(just.evaluate(project, RecipeCall.of("test"), "W")).hasValue("4");
        assertThat(just.evaluate(project, RecipeCall.of("test").withEnvironment(Map.of("XW", "7")), "W")).hasValue("7");
        assertThat(just.evaluate(project, RecipeCall.of("test").withVariable("workers", "-9"), "W")).hasValue("-9");
    }

    @Test
    void anUnknownVariableHasNoValue() {
        assertThat(just.evaluate(project, new RecipeCall("test", Map.of(), List.of(), Map.of()), "nope")).isEmpty();
    }
}
