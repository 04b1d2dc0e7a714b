package dev.offloadbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.offloadbench.cli.BenchRunner;
import dev.offloadbench.cli.BenchRunner.Result;
import dev.offloadbench.cli.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench plan} against fixture projects, read by the real {@code just}. */
class PlanCommandTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsJust() {
        Fixtures.requireTool("just");
    }

    private Result plan(String config, Map<String, String> extraEnvironment, String... args) throws IOException {
        Path file = dir.resolve("offload-bench.toml");
        Files.writeString(file, "machine = \"Test machine\"\noffload_repo = \"offload\"\n" + config);
        Map<String, String> environment = new HashMap<>(Fixtures.environment(dir));
        environment.putAll(extraEnvironment);
        String[] full = new String[args.length + 3];
        full[0] = "plan";
        full[1] = "--config";
        full[2] = file.toString();
        System.arraycopy(args, 0, full, 3, args.length);
        return new BenchRunner(environment, dir).run(full);
    }

    private Path fixture(String name) throws IOException {
        return Fixtures.copy(name, dir);
    }

    private static Map<String, Object> json(String text) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            return Fixtures.readObject(parser);
        }
    }

    @Test
    void findsTheCountInAJustfileVariableAndOverridesItThroughTheEnvironmentItReads() throws IOException {
        fixture("variable-n");

        Result result = plan("[projects.mng]\npath = \"variable-n\"\n", Map.of(), "--json");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        Map<String, Object> plan = json(result.out());
        assertThat(Fixtures.at(plan, "machine.description")).isEqualTo("Test machine");
        assertThat(Fixtures.at(plan, "machine.source")).isEqualTo("config");
        assertThat(Fixtures.at(plan, "profiles[0].profile")).isEqualTo("mng");
        assertThat(Fixtures.at(plan, "profiles[0].runs[0].kind")).isEqualTo("baseline");
        assertThat(Fixtures.at(plan, "profiles[0].runs[0].command")).asList().containsExactly("just", "test-integration");
        assertThat(Fixtures.at(plan, "profiles[0].runs[0].workers")).isEqualTo(4);
        assertThat(Fixtures.at(plan, "profiles[0].runs[0].workersSource")).isEqualTo("justfile:2");
        assertThat(Fixtures.at(plan, "profiles[0].runs[1].kind")).isEqualTo("high");
        assertThat(Fixtures.at(plan, "profiles[0].runs[1].env")).isEqualTo(Map.of("PYTEST_NUMPROCESSES", "8"));
        assertThat(Fixtures.at(plan, "profiles[0].runs[1].workers")).isEqualTo(8);
        assertThat(Fixtures.at(plan, "profiles[0].runs[2].kind")).isEqualTo("offload");
        assertThat(Fixtures.at(plan, "profiles[0].runs[2].maxParallel")).isEqualTo(50);
        assertThat(Fixtures.at(plan, "profiles[0].runs[2].maxParallelSource")).isEqualTo("offload-modal.toml:3");
        assertThat(Fixtures.at(plan, "profiles[0].runs[2].warmups")).isEqualTo(1);
        assertThat(Fixtures.at(plan, "problems")).asList().isEmpty();
    }

    @Test
    void aLiteralCountCannotBeRaisedAndSaysWhy() throws IOException {
        fixture("literal-n");

        Result result = plan("[projects.mng]\npath = \"literal-n\"\n", Map.of(), "--json");

        assertThat(result.exitCode()).isEqualTo(2);
        Map<String, Object> plan = json(result.out());
        assertThat(Fixtures.at(plan, "profiles[0].runs[0].workers")).isEqualTo(4);
        assertThat(Fixtures.at(plan, "profiles[0].runs[0].workersSource")).isEqualTo("justfile:2");
        assertThat(Fixtures.at(plan, "profiles[0].runs[1].kind")).isEqualTo("offload");
        assertThat(Fixtures.at(plan, "profiles[0].runs[1].maxParallel")).isEqualTo(20);
        assertThat((String) Fixtures.at(plan, "problems[0].message"))
                .contains("cannot run recipe `test-integration` with 8 workers")
                .contains("-n 4 at justfile:2").contains("literally");
    }

    @Test
    void readsAShebangRecipeWithAutoCappedByAnEnvironmentVariable() throws IOException {
        fixture("shebang-env");

        Result result = plan("[projects.sculptor]\npath = \"shebang-env\"\n",
                Map.of("PYTEST_XDIST_AUTO_NUM_WORKERS", "16"), "--json");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        Map<String, Object> plan = json(result.out());
        assertThat(Fixtures.at(plan, "profiles[0].runs[0].workers")).isEqualTo(3);
        assertThat(Fixtures.at(plan, "profiles[0].runs[0].workersSource")).isEqualTo("justfile:7");
        assertThat(Fixtures.at(plan, "profiles[0].runs[0].env")).isEqualTo(Map.of("JUST_VERBOSE", "1"));
        assertThat(Fixtures.at(plan, "profiles[0].runs[1].env"))
                .isEqualTo(Map.of("JUST_VERBOSE", "1", "XDIST_WORKERS", "8"));
        assertThat(Fixtures.at(plan, "profiles[0].runs[1].workers")).isEqualTo(8);
        assertThat(Fixtures.at(plan, "profiles[0].runs[2].recipe")).isEqualTo("test-integration-offload");
        assertThat(Fixtures.at(plan, "profiles[0].runs[2].maxParallel")).isEqualTo(200);
        assertThat(Fixtures.at(plan, "profiles[0].runs[2].maxParallelSource")).isEqualTo("justfile:13, --parallel");
    }

    @Test
    void onASmallMachineAutoIsRaisedToTheHighCountExplicitly() throws IOException {
        fixture("shebang-env");

        Result result = plan("[projects.sculptor]\npath = \"shebang-env\"\n",
                Map.of("PYTEST_XDIST_AUTO_NUM_WORKERS", "2"), "--json");

        Map<String, Object> plan = json(result.out());
        assertThat(Fixtures.at(plan, "profiles[0].runs[0].workers")).isEqualTo(2);
        assertThat(Fixtures.at(plan, "profiles[0].runs[1].workers")).isEqualTo(8);
        assertThat(Fixtures.at(plan, "profiles[0].runs[1].env")).isEqualTo(
                Map.of("JUST_VERBOSE", "1", "XDIST_WORKERS", "8", "PYTEST_XDIST_AUTO_NUM_WORKERS", "8"));
    }

    @Test
    void findsTheCountInPyprojectAddoptsAndUsesTheProfilesVariable() throws IOException {
        fixture("pyproject-addopts");

        Result result = plan("[projects.mng]\npath = \"pyproject-addopts\"\n", Map.of(), "--json");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        Map<String, Object> plan = json(result.out());
        assertThat(Fixtures.at(plan, "profiles[0].runs[0].workers")).isEqualTo(4);
        assertThat(Fixtures.at(plan, "profiles[0].runs[0].workersSource")).isEqualTo("pyproject.toml:7");
        assertThat(Fixtures.at(plan, "profiles[0].runs[1].env")).isEqualTo(Map.of("PYTEST_NUMPROCESSES", "8"));
        assertThat(Fixtures.at(plan, "profiles[0].runs[2].maxParallel")).isEqualTo(200);
        assertThat(Fixtures.at(plan, "profiles[0].runs[2].maxParallelSource")).isEqualTo("offload-modal.toml:3");
    }

    @Test
    void withoutAProfileVariablePytestAddoptsRaisesAConfiguredCount() throws IOException {
        fixture("pyproject-addopts");

        Result result = plan("[projects.sculptor]\npath = \"pyproject-addopts\"\nworkers_env = \"NOBODY_READS_THIS\"\n"
                + "offload_recipe = \"test-offload\"\n", Map.of(), "--json");

        Map<String, Object> plan = json(result.out());
        // the configured variable comes first (the project says it reads it); PYTEST_ADDOPTS is the fallback
        assertThat(Fixtures.at(plan, "profiles[0].runs[1].env")).isEqualTo(
                Map.of("JUST_VERBOSE", "1", "NOBODY_READS_THIS", "8"));
    }

    @Test
    void suggestsTheRenamedOffloadRecipe() throws IOException {
        fixture("variable-n");

        Result result = plan("[projects.sculptor]\npath = \"variable-n\"\n", Map.of(), "--json");

        assertThat(result.exitCode()).isEqualTo(2);
        Map<String, Object> plan = json(result.out());
        assertThat((String) Fixtures.at(plan, "problems[0].message"))
                .contains("has no recipe `test-integration-offload`")
                .contains("did you mean `test-offload` (runs `offload run`)?")
                .contains("offload_recipe = \"test-offload\" under [projects.sculptor]");
        assertThat(Fixtures.at(plan, "problems[0].profile")).isEqualTo("sculptor");
    }

    @Test
    void readsTheConfigNamedAfterRun() throws IOException {
        fixture("config-after-run");

        Map<String, Object> plan = json(plan("[projects.mng]\npath = \"config-after-run\"\n", Map.of(), "--json").out());

        // runs[1]: the literal -n 2 leaves no high run
        assertThat(Fixtures.at(plan, "profiles[0].runs[1].maxParallel")).isEqualTo(64);
        assertThat(Fixtures.at(plan, "profiles[0].runs[1].maxParallelSource")).isEqualTo("offload-ci.toml:2");
    }

    @Test
    void aMissingMaxParallelIsOffloadsDefaultOfTen() throws IOException {
        fixture("no-max-parallel");

        Map<String, Object> plan = json(plan("[projects.mng]\npath = \"no-max-parallel\"\n", Map.of(), "--json").out());

        assertThat(Fixtures.at(plan, "profiles[0].runs[1].maxParallel")).isEqualTo(10);
        assertThat((String) Fixtures.at(plan, "profiles[0].runs[1].maxParallelSource")).contains("default");
    }

    @Test
    void malformedOffloadTomlIsAProblemWithItsPosition() throws IOException {
        fixture("bad-offload-toml");

        Result result = plan("[projects.mng]\npath = \"bad-offload-toml\"\n", Map.of(), "--json");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat((String) Fixtures.at(json(result.out()), "problems[1].message")).contains("offload.toml:2:");
    }

    @Test
    void raisesACountGivenAsARecipeParameter() throws IOException {
        fixture("recipe-parameter");

        Map<String, Object> plan = json(plan("[projects.mng]\npath = \"recipe-parameter\"\n", Map.of(), "--json")
                .out());

        assertThat(Fixtures.at(plan, "profiles[0].runs[0].workers")).isEqualTo(2);
        assertThat(Fixtures.at(plan, "profiles[0].runs[0].workersSource")).isEqualTo("justfile:1");
        assertThat(Fixtures.at(plan, "profiles[0].runs[1].command")).asList()
                .containsExactly("just", "test-integration", "4");
        assertThat(Fixtures.at(plan, "profiles[0].runs[1].workers")).isEqualTo(4);
        assertThat(Fixtures.at(plan, "profiles[0].runs[2].maxParallel")).isEqualTo(7);
    }

    @Test
    void aVariableJustExportsIsEvaluatedByJust() throws IOException {
        fixture("exported-variable");

        Map<String, Object> plan = json(plan("[projects.mng]\npath = \"exported-variable\"\n", Map.of(), "--json")
                .out());

        // the shell's default (2) never applies: just exports XDIST=3
        assertThat(Fixtures.at(plan, "profiles[0].runs[0].workers")).isEqualTo(3);
        // XDIST is exported by just, so the high run overrides it as a justfile variable
        assertThat(Fixtures.at(plan, "profiles[0].runs[1].command")).asList()
                .containsExactly("just", "XDIST=6", "test-integration");
        assertThat(Fixtures.at(plan, "profiles[0].runs[1].workers")).isEqualTo(6);
    }

    @Test
    void planTextListsRunsInExecutionOrderThenProblems() throws IOException {
        fixture("variable-n");
        fixture("shebang-env");

        Result result = plan("[projects.mng]\npath = \"variable-n\"\n[projects.sculptor]\npath = \"shebang-env\"\n",
                Map.of("PYTEST_XDIST_AUTO_NUM_WORKERS", "16"));

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out())
                .containsSubsequence("1. baseline just test-integration", "2. high     PYTEST_NUMPROCESSES=8 just",
                        "3. offload  just test-offload", "warm-up: 1 run first",
                        "4. baseline JUST_VERBOSE=1 just test-integration", "6. offload",
                        "The plan is complete.");
    }

    @Test
    void anUnknownConfigurationKeyIsAnError() throws IOException {
        Result result = plan("[projects.mng]\npath = \"x\"\nbasline_recipe = \"t\"\n", Map.of());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("basline_recipe").contains("baseline_recipe");
    }
}
