package dev.offloadbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.cli.BenchRunner;
import dev.offloadbench.cli.BenchRunner.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateReadmeCommandTest {
    private static final String BEFORE = "# Offload\n\nIntro.\n\n";
    private static final String AFTER = "## Installation\n\n```\ncargo install offload\n```\n";
    /** The section as the live Offload README heads it, with older numbers. */
    private static final String OLD_SECTION = "## Benchmarks\n\nSpeedups measured on Imbue projects using Offload with"
            + " the Modal provider. All local baselines were run on an older laptop.\n\n### Sculptor Integration Tests\n\n"
            + "| Run Kind | Time (s) | Time (%) | Speedup |\n| pytest with xdist, n=3 (baseline) | old sculptor |\n\n### Mng Integration Tests\n\n"
            + "| Run Kind | Time (s) | Time (%) | Speedup |\n| pytest with xdist, n=4 (baseline) | old mng |\n\n";

    @TempDir
    Path dir;
    Path results;
    Path readme;
    BenchRunner bench;

    @BeforeEach
    void setUp() throws IOException {
        bench = new BenchRunner(Map.of("HOME", dir.toString()));
        results = dir.resolve("r.json");
        try (InputStream in = getClass().getResourceAsStream("/published-results.json")) {
            Files.write(results, in.readAllBytes());
        }
        readme = dir.resolve("README.md");
        Files.writeString(readme, BEFORE + OLD_SECTION + AFTER);
    }

    private String readme() throws IOException {
        return Files.readString(readme, StandardCharsets.UTF_8);
    }

    @Test
    void replacesTheSectionAndLeavesEverythingElse() throws IOException {
        Result result = bench.run("update-readme", "--results", results.toString(), "--readme", readme.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        String updated = readme();
        assertThat(updated).startsWith(BEFORE + "## Benchmarks\n\nSpeedups measured on Imbue projects")
                .endsWith("</details>\n\n" + AFTER)
                .contains("| Offload (Modal, max 200) | <img src=\"docs/bar-offload.svg\" width=\"25\" height=\"4\">"
                        + " 120.1 | 16.5% | **6.04x** |")
                .doesNotContain("older laptop", "old sculptor", "old mng");
        assertThat(dir.resolve("docs/bar-local.svg")).content().contains("#444");
        assertThat(dir.resolve("docs/bar-offload.svg")).content().contains("#22a355");
        assertThat(result.out()).contains("Updated the Benchmarks section of " + readme);
    }

    @Test
    void theSectionWrittenIsTheOneRendered() throws IOException {
        Result rendered = bench.run("render", "--results", results.toString());
        bench.run("update-readme", "--results", results.toString(), "--readme", readme.toString());

        assertThat(rendered.exitCode()).isZero();
        assertThat(readme()).isEqualTo(BEFORE + rendered.out() + "\n" + AFTER);
    }

    @Test
    void refusesInvalidRunsAndSaysWhichAndWhy() throws IOException {
        Files.writeString(results, Files.readString(results).replace(
                "{\"kind\": \"offload\", \"seconds\": 185.9, \"valid\": true}",
                "{\"kind\": \"offload\", \"seconds\": 185.9, \"valid\": false, \"reason\": \"3 failed\"}"));

        Result result = bench.run("update-readme", "--results", results.toString(), "--readme", readme.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("1 run is INVALID").contains("mng offload: 3 failed")
                .contains("--allow-invalid");
        assertThat(readme()).isEqualTo(BEFORE + OLD_SECTION + AFTER);
        assertThat(dir.resolve("docs")).doesNotExist();
    }

    @Test
    void publishesInvalidRunsWhenAllowed() throws IOException {
        Files.writeString(results, Files.readString(results).replace(
                "\"seconds\": 185.9, \"valid\": true", "\"seconds\": 185.9, \"valid\": false"));

        Result result = bench.run("update-readme", "--results", results.toString(), "--readme", readme.toString(),
                "--allow-invalid");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("warning: publishing INVALID runs").contains("mng offload: no reason given");
        assertThat(readme()).contains("**1.86x**");
    }

    @Test
    void dryRunPrintsAUnifiedDiffAndWritesNothing() throws IOException {
        Result result = bench.run("update-readme", "--results", results.toString(), "--readme", readme.toString(),
                "--dry-run");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("--- a/README.md").contains("+++ b/README.md")
                .contains("\n-| pytest with xdist, n=3 (baseline) | old sculptor |\n").contains("\n+### Sculptor Integration Tests (Playwright)\n");
        assertThat(readme()).isEqualTo(BEFORE + OLD_SECTION + AFTER);
        assertThat(dir.resolve("docs")).doesNotExist();
    }

    @Test
    void badInputIsOneMessageWithoutStackTraceAndExitTwo() throws IOException {
        Files.writeString(results, "{\"schema\": 1, \"projects\": []}");

        Result result = bench.run("update-readme", "--results", results.toString(), "--readme", readme.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: ").contains("machine").doesNotContain("\tat ");
        assertThat(readme()).isEqualTo(BEFORE + OLD_SECTION + AFTER);
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        Files.writeString(results, "{\"schema\": 1, \"projects\": []}");

        Result result = bench.run("--verbose", "update-readme", "--results", results.toString(), "--readme",
                readme.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("\tat ");
    }

    @Test
    void aReadmeWithoutTheSectionIsAnErrorAndStaysUntouched() throws IOException {
        Files.writeString(readme, BEFORE + AFTER);

        Result result = bench.run("update-readme", "--results", results.toString(), "--readme", readme.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(readme.toString()).contains("## Benchmarks");
        assertThat(readme()).isEqualTo(BEFORE + AFTER);
    }

    @Test
    void aResultsDocumentWithoutAReadmeIsAUsageError() {
        Result result = bench.run("update-readme", "--results", results.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing --readme PATH: a results document does not say which README");
    }

    @Test
    void resultsForOneProjectKeepTheOtherProjectsSubsectionAndSaySo() throws IOException {
        Files.writeString(results, """
                {"schema": 1, "machine": "MacBook Pro with Apple M4 (10 cores: 4P + 6E), 16 GB RAM",
                 "projects": [{"profile": "mng", "testCount": 5275, "maxParallel": 200,
                   "runs": [{"kind": "baseline", "workers": 4, "seconds": 345.8, "valid": true},
                            {"kind": "offload", "seconds": 185.9, "valid": true}]}]}
                """);

        Result result = bench.run("update-readme", "--results", results.toString(), "--readme", readme.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("note: kept \"### Sculptor Integration Tests\" as it was: these results do"
                + " not cover project sculptor");
        assertThat(readme()).contains("### Sculptor Integration Tests\n\n| Run Kind | Time (s) | Time (%) | Speedup |"
                + "\n| pytest with xdist, n=3 (baseline) | old sculptor |\n\n### Mng Unit + Integration Tests\n").doesNotContain("old mng");
    }

    @Test
    void textTheUpdateWouldLoseIsRefusedWithExitTwoAndNamed() throws IOException {
        String edited = BEFORE + OLD_SECTION.replace("older laptop.\n\n", "older laptop.\n\nOur own remark.\n\n")
                + AFTER;
        Files.writeString(readme, edited);

        Result result = bench.run("update-readme", "--results", results.toString(), "--readme", readme.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: README " + readme).contains("line 9 \"Our own remark.\"")
                .contains("would lose it");
        assertThat(readme()).isEqualTo(edited);
    }

    @Test
    void aReadOnlyReadmeIsRefusedUnlessForced() throws IOException {
        Files.setPosixFilePermissions(readme, PosixFilePermissions.fromString("r--r--r--"));

        Result refused = bench.run("update-readme", "--results", results.toString(), "--readme", readme.toString());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains(readme + " is read-only").contains("--force");
        assertThat(readme()).isEqualTo(BEFORE + OLD_SECTION + AFTER);

        Result forced = bench.run("update-readme", "--results", results.toString(), "--readme", readme.toString(),
                "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(readme()).contains("**6.04x**");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(readme))).isEqualTo("r--r--r--");
    }

    @Test
    void aSymbolicLinkIsFollowedAndTheBarImagesGoBesideItsTarget() throws IOException {
        Path real = Files.createDirectories(dir.resolve("offload"));
        Files.move(readme, real.resolve("README.md"));
        Files.createSymbolicLink(readme, Path.of("offload/README.md"));

        Result result = bench.run("update-readme", "--results", results.toString(), "--readme", readme.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        Path target = real.toRealPath().resolve("README.md");
        assertThat(result.err()).contains("note: " + readme + " is a symbolic link: updated the file it points to, "
                + target + ", and the bar images go beside that file (in " + target.getParent() + ")");
        assertThat(Files.isSymbolicLink(readme)).isTrue();
        assertThat(Files.readString(target)).contains("**6.04x**");
        assertThat(real.resolve("docs/bar-local.svg")).exists();
        assertThat(dir.resolve("docs")).doesNotExist();
    }

    @Test
    void aFifoIsRefusedAtOnce() throws Exception {
        Files.delete(readme);
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", readme.toString()).start().waitFor() == 0, "mkfifo is not available");

        Result result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> bench.run("update-readme", "--results", results.toString(), "--readme", readme.toString()));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(readme + " is a FIFO (named pipe), not a regular file");
    }

    @Test
    void anUpdateThatChangesNothingSaysSo() {
        bench.run("update-readme", "--results", results.toString(), "--readme", readme.toString());

        Result again = bench.run("update-readme", "--results", results.toString(), "--readme", readme.toString());

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains(readme + " already had this Benchmarks section; nothing changed.");
    }
}
