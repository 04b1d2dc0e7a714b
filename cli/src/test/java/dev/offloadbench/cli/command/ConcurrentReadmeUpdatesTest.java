package dev.offloadbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.cli.BenchProcess;
import dev.offloadbench.cli.Fixtures;
import dev.offloadbench.files.UpdateLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Updates of one README by several {@code bench} processes at once ({@code update-readme}, and
 * {@code bench run --update-readme}): they take turns, each builds on what the one before wrote,
 * and an edit made while one waits is kept. To make the race certain, the test holds the README's
 * update lock itself until every process says it is waiting for it.
 */
class ConcurrentReadmeUpdatesTest {
    private static final Duration LONG = Duration.ofMinutes(3);
    private static final String WAITING = "waiting: another update of ";
    private static final String README = """
            # Offload

            ## Benchmarks

            Speedups measured on Imbue projects using Offload with the Modal provider. All local baselines were \
            run on an older laptop.

            ### Sculptor Integration Tests

            | Run Kind | Time (s) | Time (%) | Speedup |
            | pytest with xdist, n=3 (baseline) | old sculptor |

            ### Mng Integration Tests

            | Run Kind | Time (s) | Time (%) | Speedup |
            | pytest with xdist, n=4 (baseline) | old mng |

            ## Installation

            cargo install offload
            """;

    @TempDir
    Path dir;
    Path readme;
    Map<String, String> environment;

    @BeforeEach
    void setUp() throws IOException {
        readme = Files.writeString(dir.resolve("README.md"), README);
        environment = Fixtures.sessionEnvironment(dir);
    }

    private Path results(String profile, int workers, String baseline, String offload) throws IOException {
        return Files.writeString(dir.resolve(profile + ".json"), """
                {"schema": 1, "machine": "Test machine",
                 "projects": [{"profile": "%s", "testCount": 100, "maxParallel": 200,
                   "runs": [{"kind": "baseline", "workers": %d, "seconds": %s, "valid": true},
                            {"kind": "offload", "seconds": %s, "valid": true}]}]}
                """.formatted(profile, workers, baseline, offload));
    }

    private BenchProcess start(String... args) throws IOException {
        return BenchProcess.start(environment, dir, List.of(), args);
    }

    private static void awaitWaiting(BenchProcess... processes) {
        for (BenchProcess process : processes) {
            BenchProcess.await("bench to wait for the README's update lock", LONG,
                    () -> process.output().contains(WAITING) || !process.process().isAlive());
            assertThat(process.output()).as("it waits rather than writing").contains(WAITING);
        }
    }

    private String readme() throws IOException {
        return Files.readString(readme);
    }

    @Test
    void twoUpdatesAtOnceTakeTurnsAndNeitherLosesItsProject() throws Exception {
        Path mng = results("mng", 4, "300.0", "150.0");
        Path sculptor = results("sculptor", 3, "700.0", "100.0");
        BenchProcess first;
        BenchProcess second;
        try (UpdateLock held = UpdateLock.acquire(readme.toRealPath(), LONG, () -> { })) {
            first = start("update-readme", "--results", mng.toString(), "--readme", readme.toString());
            second = start("update-readme", "--results", sculptor.toString(), "--readme", readme.toString());
            awaitWaiting(first, second);
            assertThat(readme()).isEqualTo(README);
        }

        assertThat(first.waitFor(LONG)).as(first.output()).isZero();
        assertThat(second.waitFor(LONG)).as(second.output()).isZero();
        assertThat(first.output()).contains("Updated the Benchmarks section of " + readme);
        assertThat(second.output()).contains("Updated the Benchmarks section of " + readme);
        String updated = readme();
        assertThat(updated).contains("<img src=\"docs/bar-local.svg\" width=\"150\" height=\"4\"> 300.0",
                "<img src=\"docs/bar-local.svg\" width=\"150\" height=\"4\"> 700.0")
                .doesNotContain("old sculptor", "old mng")
                .endsWith("## Installation\n\ncargo install offload\n");
        assertThat(updated.indexOf("### Sculptor")).isLessThan(updated.indexOf("### Mng"));
        assertThat(dir.resolve(".README.md.offload-bench.lock")).doesNotExist();
    }

    /** The e2e-mng project, which the real just and pytest-xdist run, configured to publish into {@link #readme}. */
    private void configureMng() throws IOException {
        Fixtures.requireTool("just");
        Fixtures.requirePytestXdist();
        Fixtures.copy("e2e-mng", dir);
        Files.writeString(dir.resolve("offload-bench.toml"), """
                machine = "Test machine"
                readme = "README.md"
                [projects.mng]
                path = "e2e-mng"
                """);
    }

    @Test
    void aRunWithUpdateReadmeRacingAnUpdateLosesNeither() throws Exception {
        configureMng();
        Path sculptor = results("sculptor", 3, "700.0", "100.0");
        BenchProcess run;
        BenchProcess update;
        try (UpdateLock held = UpdateLock.acquire(readme.toRealPath(), LONG, () -> { })) {
            run = start("run", "mng", "--kinds", "baseline", "--update-readme");
            update = start("update-readme", "--results", sculptor.toString(), "--readme", readme.toString());
            awaitWaiting(run, update);
            assertThat(readme()).isEqualTo(README);
        }

        assertThat(run.waitFor(LONG)).as(run.output()).isZero();
        assertThat(update.waitFor(LONG)).as(update.output()).isZero();
        assertThat(run.output()).contains("Updated the Benchmarks section of");
        String updated = readme();
        assertThat(updated).contains("| pytest with xdist, n=1 (baseline) |", "> 700.0 |")
                .doesNotContain("old sculptor", "old mng");
        assertThat(updated.indexOf("### Sculptor")).isLessThan(updated.indexOf("### Mng"));
    }

    @Test
    void aSignalWhileARunWaitsToPublishStopsItWithNothingPublished() throws Exception {
        configureMng();
        BenchProcess run;
        int exitCode;
        // another process (this test's JVM) holds the README's update lock, as an update under way would
        try (UpdateLock held = UpdateLock.acquire(readme.toRealPath(), LONG, () -> { })) {
            run = start("run", "mng", "--kinds", "baseline", "--update-readme");
            awaitWaiting(run);

            run.process().destroy(); // SIGTERM
            exitCode = run.waitFor(Duration.ofSeconds(60)); // while the lock is still held: it must not wait for it
        }

        assertThat(exitCode).as(run.output()).isEqualTo(143);
        assertThat(run.output()).contains("Interrupted before the README was updated: nothing was published")
                .contains("bench update-readme --session ")
                .doesNotContain("Updated the Benchmarks section");
        assertThat(readme()).as("nothing published, also once the lock is free").isEqualTo(README);
        assertThat(dir.resolve(".README.md.offload-bench.lock")).doesNotExist();
    }

    @Test
    void ctrlCWhileUpdateReadmeWaitsStopsItAndTheReadmeIsUnchanged() throws Exception {
        Path mng = results("mng", 4, "300.0", "150.0");
        BenchProcess update;
        int exitCode;
        try (UpdateLock held = UpdateLock.acquire(readme.toRealPath(), LONG, () -> { })) {
            update = start("update-readme", "--results", mng.toString(), "--readme", readme.toString());
            awaitWaiting(update);

            update.interrupt(); // SIGINT
            exitCode = update.waitFor(Duration.ofSeconds(60));
        }

        assertThat(exitCode).as(update.output()).isEqualTo(130);
        assertThat(update.output()).contains("Interrupted: the update of README " + readme + " was interrupted while"
                + " it waited for another update of it to finish; the README is unchanged")
                .doesNotContain("Updated the Benchmarks section").doesNotContain("error:");
        assertThat(readme()).isEqualTo(README);
    }

    @Test
    void anEditMadeWhileAnUpdateWaitsIsKept() throws Exception {
        Path mng = results("mng", 4, "300.0", "150.0");
        BenchProcess update;
        try (UpdateLock held = UpdateLock.acquire(readme.toRealPath(), LONG, () -> { })) {
            update = start("update-readme", "--results", mng.toString(), "--readme", readme.toString());
            awaitWaiting(update);
            Files.writeString(readme, README.replace("cargo install offload", "cargo install offload --locked"));
        }

        assertThat(update.waitFor(LONG)).as(update.output()).isZero();
        assertThat(readme()).contains("> 300.0 |").endsWith("cargo install offload --locked\n");
    }
}
