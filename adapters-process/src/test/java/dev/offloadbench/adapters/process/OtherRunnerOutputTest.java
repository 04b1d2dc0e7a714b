package dev.offloadbench.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.run.Cancellation;
import dev.offloadbench.domain.run.Execution;
import dev.offloadbench.domain.run.ExecutionRequest;
import dev.offloadbench.domain.spi.TestCounts;
import dev.offloadbench.domain.spi.TestOutputParser;
import dev.offloadbench.domain.spi.TestOutputReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The output of a runner other than pytest, read by its plugin's parser from the log once the run has exited. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class OtherRunnerOutputTest {
    @TempDir
    Path dir;

    /** Counts "ok" lines; records every line it gets and whether the run was still going. */
    private static final class OkCounter implements TestOutputParser {
        final List<String> seen = new ArrayList<>();
        final List<String> whileRunning = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "ok-counter";
        }

        @Override
        public TestOutputReader newReader() {
            return new TestOutputReader() {
                private int ok;

                @Override
                public void line(String line) {
                    seen.add(line);
                    if (line.equals("ok")) {
                        ok++;
                    }
                }

                @Override
                public TestCounts counts() {
                    return TestCounts.NONE.withTests(ok + 1).withPassed(ok).withFlaky(1).withWorkers(3)
                            .withSummarySeen(true);
                }
            };
        }
    }

    @Test
    void theParserReadsTheWholeLogWithoutColourCodesAfterTheRun() {
        OkCounter parser = new OkCounter();
        EchoedOutput live = new EchoedOutput();
        ExecutionRequest request = new ExecutionRequest(List.of("sh", "-c",
                "printf '\\033[32mok\\033[0m\\n'; echo ok >&2; echo '1 passed in 0.1s'; printf ok"),
                Map.of(), dir, dir.resolve("run.log"), Optional.of(Duration.ofSeconds(60)), UUID.randomUUID().toString(), Optional.of(parser));

        Execution execution = new StreamingRunExecutor(System.getenv()).execute(request, live,
                new Cancellation());

        assertThat(execution.exitCode()).isZero();
        assertThat(parser.seen).containsExactly("ok", "ok", "1 passed in 0.1s", "ok");
        assertThat(execution.tally().collected()).isEqualTo(OptionalInt.of(4));
        assertThat(execution.tally().passed()).as("flaky apart from passed, as in a run's tally").isEqualTo(2);
        assertThat(execution.tally().flaky()).isEqualTo(1);
        assertThat(execution.tally().workersStarted()).isEqualTo(OptionalInt.of(3));
        assertThat(execution.tally().summarySeen()).isTrue();
        assertThat(live.lines()).as("the output is still shown as it comes").hasSize(4);
    }

    @Test
    void withoutAParserTheOutputIsPytests() {
        ExecutionRequest request = Requests.of(List.of("sh", "-c", "echo '3 passed in 0.1s'"), Map.of(),
                dir, dir.resolve("run.log"), Optional.of(Duration.ofSeconds(60)));

        Execution execution = new StreamingRunExecutor(System.getenv()).execute(request, EchoedOutput.NONE,
                new Cancellation());

        assertThat(execution.tally().passed()).isEqualTo(3);
    }
}
