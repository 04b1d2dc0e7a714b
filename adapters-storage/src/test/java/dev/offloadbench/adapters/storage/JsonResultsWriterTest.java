package dev.offloadbench.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.ProjectResults;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.RunOutcome;
import dev.offloadbench.domain.model.Validity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonResultsWriterTest {
    private static final BenchmarkResults SMALL = new BenchmarkResults("M4, 16 GB", List.of(
            new ProjectResults("mng", 5275, 200, List.of(
                    RunOutcome.local(RunKind.BASELINE, 8, new BigDecimal("120.50"), Validity.VALID),
                    RunOutcome.offload(new BigDecimal("30"), Validity.invalid("2 tests failed")))),
            new ProjectResults("sculptor", 0, 1, List.of())));

    private static final String SMALL_JSON = """
            {
              "schema": 1,
              "machine": "M4, 16 GB",
              "projects": [
                {
                  "profile": "mng",
                  "testCount": 5275,
                  "maxParallel": 200,
                  "runs": [
                    {
                      "kind": "baseline",
                      "workers": 8,
                      "seconds": 120.50,
                      "valid": true
                    },
                    {
                      "kind": "offload",
                      "seconds": 30,
                      "valid": false,
                      "reason": "2 tests failed"
                    }
                  ]
                },
                {
                  "profile": "sculptor",
                  "testCount": 0,
                  "maxParallel": 1,
                  "runs": []
                }
              ]
            }
            """;

    @TempDir
    Path dir;

    private final JsonResultsWriter writer = new JsonResultsWriter();
    private final JsonResultsReader reader = new JsonResultsReader();

    @Test
    void writesTheSchemaOneDocumentInSchemaOrderWithTwoSpaceIndent() throws IOException {
        Path file = dir.resolve("results.json");

        writer.write(SMALL, file);

        assertThat(Files.readString(file)).isEqualTo(SMALL_JSON);
    }

    @Test
    void writesTheSameBytesEveryTime() throws IOException {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");

        writer.write(SMALL, first);
        writer.write(reader.read(first), second);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void readsBackWhatItWrote() {
        BenchmarkResults results = new BenchmarkResults("MacBook Pro — Apple M4 \"Pro\", 16 GB", List.of(
                new ProjectResults("sculptor", 345, 200, List.of(
                        RunOutcome.offload(new BigDecimal("120.1"), Validity.VALID),
                        RunOutcome.local(RunKind.HIGH, 8, new BigDecimal("447.40"), Validity.invalid("exit code 2")),
                        RunOutcome.local(RunKind.BASELINE, 3, new BigDecimal("726.0"), Validity.VALID))),
                new ProjectResults("mng", 5275, 100, List.of(
                        new RunOutcome(RunKind.OFFLOAD, OptionalInt.of(100), new BigDecimal("0.001"),
                                Validity.invalid(null)),
                        RunOutcome.local(RunKind.BASELINE, 8, new BigDecimal("9999999.123456789"),
                                Validity.VALID)))));
        Path file = dir.resolve("results.json");

        writer.write(results, file);

        assertThat(reader.read(file)).isEqualTo(results);
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path file = dir.resolve("results.json");
        Files.writeString(file, "old contents that are longer than the new document would ever be ".repeat(50));

        writer.write(SMALL, file);

        assertThat(Files.readString(file)).isEqualTo(SMALL_JSON);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void createsMissingParentDirectories() throws IOException {
        Path file = dir.resolve("runs/2025-06-01/results.json");

        writer.write(SMALL, file);

        assertThat(Files.readString(file)).isEqualTo(SMALL_JSON);
    }

    @Test
    void saysWhereItCouldNotWriteAndCleansUp() throws IOException {
        Path file = dir.resolve("results.json");
        Files.createDirectories(file.resolve("in-the-way"));

        assertThatThrownBy(() -> writer.write(SMALL, file)).isInstanceOf(BenchException.class)
                .hasMessageStartingWith("cannot write results to " + file + ": ")
                .hasMessageEndingWith("; check that the path names a file in a writable directory");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
