package dev.offloadbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.cli.BenchRunner;
import dev.offloadbench.cli.BenchRunner.Result;
import dev.offloadbench.cli.Fixtures;
import dev.offloadbench.cli.RecordedSessions;
import dev.offloadbench.cli.RecordedSessions.Run;
import dev.offloadbench.domain.model.RunKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code notes_show_spread = true}: a session timed with --runs 3 says so in its Notes; the table stays as it was. */
class SpreadNotesCommandTest {
    private static final String SPREAD = "Times (mean of 3 runs, ± σ): n=4 (baseline) 346.0 ± 1.0 s, n=8 267.0 ± 0.1 s,"
            + " Offload 186.0 ± 0.1 s.";

    @TempDir
    Path dir;
    Map<String, String> environment;

    @BeforeEach
    void aSessionOfThreeRunsEach() {
        environment = Fixtures.sessionEnvironment(dir);
        new RecordedSessions(dir.resolve("state/offload-bench")).save("20260101-120000", Map.of("mng", List.of(
                Run.of(RunKind.BASELINE, "345.0", "347.0", "346.0").tests(5275),
                Run.of(RunKind.HIGH, "266.9", "267.1", "267.0").tests(5275),
                Run.of(RunKind.OFFLOAD, "185.9", "186.1", "186.0").tests(5275))));
    }

    private String render(String configuration) throws IOException {
        Files.writeString(dir.resolve("offload-bench.toml"), configuration + "\n[projects.mng]\npath = \"mng\"\n");
        Result result = new BenchRunner(environment, dir).run("render", "--session", "latest");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out();
    }

    @Test
    void theNotesSayTheTimesAreMeansWithTheirSpreadAndNothingElseChanges() throws IOException {
        String plain = render("");
        String spread = render("notes_show_spread = true");

        assertThat(plain).doesNotContain("Times (mean of");
        assertThat(spread).contains("speedup.\n" + SPREAD + "\n\n</details>");
        assertThat(spread.lines().filter(line -> !line.equals(SPREAD)).collect(Collectors.joining("\n", "", "\n")))
                .isEqualTo(plain);
        assertThat(render("notes_show_spread = false")).isEqualTo(plain);
    }
}
