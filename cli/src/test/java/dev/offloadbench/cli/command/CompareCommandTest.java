package dev.offloadbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.offloadbench.cli.BenchRunner;
import dev.offloadbench.cli.BenchRunner.Result;
import dev.offloadbench.cli.Fixtures;
import dev.offloadbench.cli.RecordedSessions;
import dev.offloadbench.cli.RecordedSessions.Run;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.session.Revision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench compare}: two real sessions, and recorded ones with exact figures for the gates. */
class CompareCommandTest {
    @TempDir
    Path dir;
    Map<String, String> environment;

    @BeforeEach
    void setUp() {
        environment = Fixtures.sessionEnvironment(dir);
    }

    private Result bench(String... args) {
        return new BenchRunner(environment, dir).run(args);
    }

    private RecordedSessions recorded() {
        return new RecordedSessions(dir.resolve("state/offload-bench"));
    }

    /** After two real sessions of a project whose inputs changed in between. */
    @Nested
    class AfterTwoSessions {
        Path project;

        private String git(String... arguments) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c",
                    "user.email=t@example.com", "-c", "commit.gpgsign=false"));
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(output).isZero();
            return output.strip();
        }

        @BeforeEach
        void twoSessions() throws IOException, InterruptedException {
            Fixtures.requireTool("just");
            Fixtures.requirePytestXdist();
            project = Fixtures.copy("e2e-mng", dir);
            Path fakeBin = Fixtures.copy("fake-offload-bin", dir);
            environment.put("PATH", fakeBin + ":" + environment.get("PATH"));
            Files.writeString(dir.resolve("README.md"), "# Project\n\n## Benchmarks\n\n## License\n");
            Files.writeString(dir.resolve("offload-bench.toml"), """
                    machine = "Test machine"
                    readme = "README.md"
                    [projects.mng]
                    path = "e2e-mng"
                    high_workers = 2
                    """);
            git("init", "-q");
            git("add", "-A");
            git("commit", "-q", "-m", "first");
            Result first = bench("run", "mng");
            assertThat(first.exitCode()).as(first.out() + first.err()).isZero();

            // between the sessions: two more tests (committed), a third high worker, Offload's max_parallel (not committed)
            Files.writeString(project.resolve("tests/test_more.py"), "def test_one():\n    pass\n\n\n"
                    + "def test_two():\n    pass\n");
            git("add", "-A");
            git("commit", "-q", "-m", "two more tests");
            Files.writeString(project.resolve("offload-modal.toml"), Files.readString(project.resolve(
                    "offload-modal.toml")).replace("max_parallel = 50", "max_parallel = 40"));
            Files.writeString(dir.resolve("offload-bench.toml"), Files.readString(dir.resolve("offload-bench.toml"))
                    .replace("high_workers = 2", "high_workers = 3"));
            Result second = bench("run", "mng");
            assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        }

        @Test
        void listsEachRunsChangeAndTheRecordedInputsThatDifferBesideIt() throws IOException, InterruptedException {
            Result result = bench("compare");

            assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
            String out = result.out();
            String head = git("rev-parse", "HEAD").substring(0, 12);
            String first = git("rev-parse", "HEAD~1").substring(0, 12);
            assertThat(out).contains("Project  Kind", "Ratio", "Change");
            // each input beside the runs it may explain, in the run's block
            assertThat(block(out, "baseline")).contains("tests 4 → 6 (+50.0%)",
                    "commit " + first + " → " + head + " (dirty)").doesNotContain("max_parallel");
            assertThat(block(out, "high")).contains("workers started 2 → 3", "tests 4 → 6 (+50.0%)",
                    "command PYTEST_NUMPROCESSES=2 just test-integration → PYTEST_NUMPROCESSES=3 just test-integration");
            assertThat(block(out, "offload")).contains("max_parallel 50 → 40", "tests 4 → 6 (+50.0%)")
                    .containsPattern("Offload config offload-modal\\.toml \\([0-9a-f]{12}\\) → offload-modal\\.toml"
                            + " \\([0-9a-f]{12}\\)")
                    .doesNotContain("workers started");
            assertThat(out).doesNotContain("Not known for").doesNotContain("python 3");
            assertThat(out).containsPattern("(No run is slower beyond noise\\.|Slower beyond noise: .*)\n$");
        }

        @Test
        void saysTheSameAsJson() throws IOException {
            Result result = bench("compare", "--json");

            assertThat(result.exitCode()).as(result.err()).isZero();
            Map<String, Object> json;
            try (JsonParser parser = new JsonFactory().createParser(result.out())) {
                json = Fixtures.readObject(parser);
            }
            assertThat(Fixtures.at(json, "runs[0].profile")).isEqualTo("mng");
            assertThat(Fixtures.at(json, "runs[0].kind")).isEqualTo("baseline");
            assertThat(Fixtures.at(json, "runs[0].before.samples")).isEqualTo(1);
            assertThat(Fixtures.at(json, "runs[0].noiseBand.method")).isEqualTo("threshold");
            assertThat(Fixtures.at(json, "runs[0].drift[0].text")).isEqualTo("tests 4 → 6 (+50.0%)");
            assertThat(Fixtures.at(json, "runs[1].drift[1].input")).isEqualTo("workers started");
            assertThat(Fixtures.at(json, "runs[1].drift[1].before")).isEqualTo("2");
            assertThat(Fixtures.at(json, "runs[1].drift[1].after")).isEqualTo("3");
            assertThat(String.valueOf(Fixtures.at(json, "before.id"))).isLessThan(String.valueOf(Fixtures.at(json,
                    "after.id")));
        }

        /** The lines of a run's row and its indented lines below it. */
        private String block(String out, String kind) {
            Matcher matcher = Pattern.compile("(?m)^mng +" + kind + " .*\\n(?: {5,}.*\\n)*").matcher(out);
            assertThat(matcher.find()).as(out).isTrue();
            return matcher.group();
        }
    }

    @Test
    void exitsThreeWhenARunIsSlowerThanTheRegressionGateAllows() {
        recorded().save("20260101-120000", Map.of("mng", List.of(Run.of(RunKind.BASELINE, "100.0"),
                Run.of(RunKind.OFFLOAD, "30.0"))));
        recorded().save("20260108-120000", Map.of("mng", List.of(Run.of(RunKind.BASELINE, "112.0"),
                Run.of(RunKind.OFFLOAD, "29.0"))));

        Result failed = bench("compare", "--fail-on-regression", "10");
        Result passed = bench("compare", "--fail-on-regression", "15");
        Result plain = bench("compare");

        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(ExitCodes.REGRESSION);
        assertThat(failed.out()).contains("mng      baseline  100.0       112.0      1.120  slower (+12.0%)")
                .contains("Regression gate FAILED: more than 10% slower: mng baseline (+12.0%).");
        assertThat(passed.exitCode()).as(passed.out() + passed.err()).isZero();
        assertThat(passed.out()).contains("Regression gate passed: no run is more than 15% slower.");
        assertThat(plain.exitCode()).as("no gate, no failure").isZero();
    }

    @Test
    void theStatisticalGateFailsOnlyBeyondNoise() {
        recorded().save("20260101-120000", Map.of("mng", List.of(Run.of(RunKind.BASELINE, "100.0", "101.0", "99.0",
                "100.5", "99.5"))));
        recorded().save("20260102-120000", Map.of("mng", List.of(Run.of(RunKind.BASELINE, "100.8", "99.2", "101.1",
                "99.6", "100.3"))));
        Result noise = bench("compare", "--fail-on-slower");
        recorded().save("20260103-120000", Map.of("mng", List.of(Run.of(RunKind.BASELINE, "110.0", "111.0",
                "109.0", "110.5", "109.5"))));

        Result shifted = bench("compare", "20260101-120000", "latest", "--fail-on-slower");

        assertThat(noise.exitCode()).as(noise.out() + noise.err()).isZero();
        assertThat(noise.out()).contains("within noise (+0.2%)")
                .contains("noise: 99% prediction interval 97.7–102.3 s (5 samples)")
                .contains("Noise gate passed");
        assertThat(shifted.exitCode()).as(shifted.out() + shifted.err()).isEqualTo(ExitCodes.REGRESSION);
        assertThat(shifted.out()).contains("100.0 ± 0.8 (n=5)", "110.0 ± 0.8 (n=5)", "1.100 ± 0.012",
                "slower (+10.0%)", "Noise gate FAILED: slower beyond noise: mng baseline (+10.0%).");
    }

    @Test
    void sessionsTimingEachRunOnceGateOnTheirHistory() {
        String[] days = {"100.1", "99.9", "100.0", "100.2", "99.8"};
        for (int day = 0; day < days.length; day++) {
            recorded().save(String.format("202601%02d-120000", day + 1),
                    Map.of("mng", List.of(Run.of(RunKind.BASELINE, days[day]))));
        }
        recorded().save("20260110-120000", Map.of("mng", List.of(Run.of(RunKind.BASELINE, "103.0"))));

        Result history = bench("compare", "--fail-on-slower");
        Result alone = bench("compare", "--fail-on-slower", "--history", "1");
        Result json = bench("compare", "--json", "--history", "3");
        Result zero = bench("compare", "--history", "0");

        // +3.2% on the day before: far outside five steady days (x̄ 100.0, s 0.158), inside a ±5% band of one sample
        assertThat(history.exitCode()).as(history.out() + history.err()).isEqualTo(ExitCodes.REGRESSION);
        assertThat(history.out()).contains("noise: 99% prediction interval 99.2–100.8 s (5 samples from 5 sessions)")
                .contains("slower (+3.2%)")
                .contains("in the earlier session and up to 4 finished sessions before it");
        assertThat(alone.exitCode()).as(alone.out() + alone.err()).isZero();
        assertThat(alone.out()).contains("noise: ±5% band 94.8–104.8 s (1 sample)", "within noise (+3.2%)");
        assertThat(json.out()).contains("\"historySessions\" : 3").contains("\"sessions\" : 3");
        assertThat(zero.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(zero.err()).contains("the history holds at least the earlier session: 0");
    }

    @Test
    void aSessionRecordedBeforeItsInputsSaysThemUnknownAndInventsNoChange() throws IOException {
        Path old = Files.createDirectories(dir.resolve("state/offload-bench/sessions/20250601-120000"));
        try (var in = CompareCommandTest.class.getResourceAsStream("/sessions/before-inputs.json")) {
            assertThat(in).as("sessions/before-inputs.json on the test classpath").isNotNull();
            Files.write(old.resolve("session.json"), in.readAllBytes());
        }
        recorded().save("20260108-120000", Map.of("mng", List.of(Run.of(RunKind.BASELINE, "345.0").tests(5275))),
                Optional.of(new Revision("b".repeat(40), true)), "offload 0.9.10");

        Result result = bench("compare");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("mng      baseline  345.8       345.0      0.998  within noise (-0.2%)")
                .contains("Not known for 20250601-120000 (not recorded: an older session, or a run not probed), so a"
                        + " change there cannot be told: pytest arguments, python, pytest, xdist, just, commit, machine,"
                        + " machine load\n")
                // the later session was not probed either: its Python versions are unknown, the rest is recorded
                .contains("Not known for 20260108-120000 (not recorded: an older session, or a run not probed), so a"
                        + " change there cannot be told: pytest arguments, python, pytest, xdist\n")
                .doesNotContain("→");
    }

    @Test
    void saysWhyThereIsNothingToCompare() {
        Result none = bench("compare");
        recorded().save("20260101-120000", Map.of("mng", List.of(Run.of(RunKind.BASELINE, "100.0"))));
        Result one = bench("compare");

        assertThat(none.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(none.err()).startsWith("error: no session has finished yet");
        assertThat(one.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(one.err()).startsWith("error: no finished session before 20260101-120000 ran the same projects");
    }

    @Test
    void aConfidenceOutsideItsRangeIsAUsageError() {
        Result result = bench("compare", "--confidence", "100");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("the confidence lies strictly between 50% and 100%: 100%");
    }
}
