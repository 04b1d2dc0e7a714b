package dev.offloadbench.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Execution;
import dev.offloadbench.domain.run.Termination;
import dev.offloadbench.domain.run.TestTally;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor on the real pytest and pytest-xdist, whatever their version, on the fixture
 * project {@code fixtures/pytest-small}: 4 passing tests and 1 skipped.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class RealPytestXdistTest {
    /** No cache folder and no bytecode written into the project. */
    private static final Map<String, String> QUIET = Map.of("PYTEST_ADDOPTS", "-p no:cacheprovider",
            "PYTHONDONTWRITEBYTECODE", "1");

    @TempDir
    Path project;

    private Path python;
    private final StreamingRunExecutor executor = new StreamingRunExecutor(System.getenv());

    @BeforeEach
    void copyTheFixture() throws IOException, URISyntaxException {
        python = RealPytest.requireXdist();
        Path fixture = Path.of(getClass().getResource("/fixtures/pytest-small/tests/test_small.py").toURI())
                .getParent().getParent();
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path file : files.toList()) {
                Path target = project.resolve(fixture.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private Execution run(String... arguments) {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-m", "pytest"));
        command.addAll(List.of(arguments));
        return executor.execute(Requests.of(command, QUIET, project, project.resolve("out/run.log"),
                Optional.of(Duration.ofMinutes(2))), EchoedOutput.NONE, new Cancellation());
    }

    @Test
    void readsItemsWorkersAndCountsOfAnXdistRun() {
        Execution execution = run("-n", "2", "tests");

        assertThat(execution.termination()).isEqualTo(Termination.EXITED);
        assertThat(execution.exitCode()).isZero();
        TestTally tally = execution.tally();
        assertThat(tally.collected()).hasValue(5);
        assertThat(tally.workersStarted()).hasValue(2);
        assertThat(tally.passed()).isEqualTo(4);
        assertThat(tally.skipped()).isEqualTo(1);
        assertThat(tally.summarySeen()).isTrue();
    }

    @Test
    void readsAQuietRunWithoutXdist() {
        Execution execution = run("-p", "no:xdist", "-q", "tests");

        assertThat(execution.exitCode()).isZero();
        assertThat(execution.tally().passed()).isEqualTo(4);
        assertThat(execution.tally().skipped()).isEqualTo(1);
        assertThat(execution.tally().workersStarted()).isEmpty();
    }

    @Test
    void readsAPlainRunsCollectedItems() {
        assertThat(run("-p", "no:xdist", "tests").tally().collected()).hasValue(5);
    }

    @Test
    void saysNoTestsRanWhenNoneWereSelected() {
        Execution execution = run("-n", "2", "-k", "nothing_matches", "tests");

        assertThat(execution.exitCode()).isEqualTo(5);
        assertThat(execution.tally().noTestsRan()).isTrue();
        assertThat(execution.tally().ran()).isZero();
    }

    @Test
    void readsTheLogFileARecipeWritesPytestsOutputTo() {
        Execution execution = executor.execute(Requests.of(List.of("sh", "-c",
                "mkdir -p logs; \"$0\" -m pytest -n 2 tests > logs/pytest.log 2>&1 && echo OK || echo FAILED;"
                        + " echo 'log: logs/pytest.log'", python.toString()),
                QUIET, project, project.resolve("out/run.log"), Optional.of(Duration.ofMinutes(2))),
                EchoedOutput.NONE, new Cancellation());

        assertThat(execution.tally().collected()).hasValue(5);
        assertThat(execution.tally().workersStarted()).hasValue(2);
        assertThat(execution.tally().passed()).isEqualTo(4);
    }
}
