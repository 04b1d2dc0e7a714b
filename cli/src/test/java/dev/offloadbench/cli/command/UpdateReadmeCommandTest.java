package dev.offloadbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.cli.BenchRunner;
import dev.offloadbench.cli.BenchRunner.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateReadmeCommandTest {
    private static final String BEFORE = "# Offload\n\nIntro.\n\n";
    private static final String AFTER = "## Installation\n\n```\ncargo install offload\n```\n";
    private static final String OLD_SECTION = "## Benchmarks\n\nOld numbers.\n\n### Old\n\n| a |\n\n";

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
                .doesNotContain("Old numbers");
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
                .contains("\n-Old numbers.\n").contains("\n+### Sculptor Integration Tests (Playwright)\n");
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
    void aMissingOptionIsAUsageError() {
        Result result = bench.run("update-readme", "--results", results.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required option: '--readme=PATH'");
    }
}
