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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonResultsReaderTest {
    private static final String MACHINE = "MacBook Pro with Apple M4 (10 cores: 4P + 6E), 16 GB RAM";

    /** The example of the schema; the positions the tests below expect are counted in it. */
    private static final String EXAMPLE = """
            {"schema": 1,
             "machine": "MacBook Pro with Apple M4 (10 cores: 4P + 6E), 16 GB RAM",
             "projects": [
               {"profile": "sculptor", "testCount": 345, "maxParallel": 200,
                "runs": [{"kind": "baseline", "workers": 3, "seconds": 726.0, "valid": true},
                         {"kind": "high", "workers": 8, "seconds": 447.4, "valid": true},
                         {"kind": "offload", "seconds": 120.1, "valid": true}]}]}
            """;

    /** A smaller document with an invalid run, edited by the error tests. */
    private static final String DOCUMENT = """
            {"schema": 1,
             "machine": "MacBook Pro with Apple M4 (10 cores: 4P + 6E), 16 GB RAM",
             "projects": [
              {"profile": "sculptor", "testCount": 345, "maxParallel": 200,
               "runs": [{"kind": "baseline", "workers": 3, "seconds": 726.0, "valid": true},
                        {"kind": "offload", "seconds": 120.1, "valid": false, "reason": "2 tests failed"}]}]}
            """;

    @TempDir
    Path dir;

    private final JsonResultsReader reader = new JsonResultsReader();

    @Test
    void readsTheExampleDocumentIntoTheDomainRecords() throws IOException {
        BenchmarkResults results = reader.read(write(EXAMPLE));

        assertThat(results).isEqualTo(new BenchmarkResults(MACHINE, List.of(new ProjectResults("sculptor", 345, 200,
                List.of(RunOutcome.local(RunKind.BASELINE, 3, new BigDecimal("726.0"), Validity.VALID),
                        RunOutcome.local(RunKind.HIGH, 8, new BigDecimal("447.4"), Validity.VALID),
                        RunOutcome.offload(new BigDecimal("120.1"), Validity.VALID))))));
    }

    @Test
    void keepsSecondsExactlyAsWrittenWithTheirScale() throws IOException {
        BenchmarkResults results = reader.read(write(EXAMPLE.replace("120.1", "120.100")));

        BigDecimal baseline = results.projects().get(0).run(RunKind.BASELINE).orElseThrow().seconds();
        BigDecimal offload = results.projects().get(0).run(RunKind.OFFLOAD).orElseThrow().seconds();
        assertThat(baseline.toPlainString()).isEqualTo("726.0");
        assertThat(offload.toPlainString()).isEqualTo("120.100");
    }

    @Test
    void keepsProjectsInTheirWrittenOrderAndRunsInAnyOrder() throws IOException {
        BenchmarkResults results = reader.read(write("""
                {"schema": 1, "machine": "m", "projects": [
                  {"profile": "sculptor", "testCount": 1, "maxParallel": 1, "runs": [
                    {"kind": "offload", "seconds": 1, "valid": true},
                    {"kind": "baseline", "workers": 2, "seconds": 5, "valid": true}]},
                  {"profile": "mng", "testCount": 2, "maxParallel": 3, "runs": []}]}
                """));

        assertThat(results.projects()).extracting(ProjectResults::profileId).containsExactly("sculptor", "mng");
        assertThat(results.projects().get(0).runs()).extracting(RunOutcome::kind)
                .containsExactly(RunKind.OFFLOAD, RunKind.BASELINE);
        assertThat(results.projects().get(1).runs()).isEmpty();
    }

    @Test
    void ignoresUnknownFieldsWhateverTheirShape() throws IOException {
        String withExtras = """
                {"schema": 1, "written": "2025-06-01T10:00:00Z", "tool": {"version": "0.2", "flags": [1, [2], {}]},
                 "machine": "m", "notes": null,
                 "projects": [
                  {"profile": "sculptor", "log": "logs/sculptor.log", "testCount": 345, "maxParallel": 200,
                   "counts": {"passed": 345, "failed": 0, "nested": {"deeper": [true, false, null]}},
                   "runs": [{"kind": "baseline", "workers": 3, "seconds": 726.0, "valid": true,
                             "samples": [{"seconds": "not a number", "kind": 7}, 725.5], "exitCode": 0,
                             "started": "10:00", "ratio": -1.5e3}]}]}
                """;

        assertThat(reader.read(write(withExtras))).isEqualTo(new BenchmarkResults("m", List.of(
                new ProjectResults("sculptor", 345, 200, List.of(
                        RunOutcome.local(RunKind.BASELINE, 3, new BigDecimal("726.0"), Validity.VALID))))));
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `"schema"`             | 1:1: missing required field "schema" (this version of offload-bench reads schema 1 only)
            `"machine"`            | 1:1: missing required field "machine" (a string)
            `"projects"`           | 1:1: missing required field "projects" (an array of projects)
            `"profile"`            | 4:3: projects[0]: missing required field "profile" (a profile id: lower-case letters, digits, '-' or '_', starting with a letter)
            `"testCount"`          | 4:3: projects[0]: missing required field "testCount" (an integer from 0 to 1000000000)
            `"maxParallel"`        | 4:3: projects[0]: missing required field "maxParallel" (an integer from 1 to 1000000)
            `"runs"`               | 4:3: projects[0]: missing required field "runs" (an array of runs)
            `"kind": "offload"`    | 6:13: projects[0].runs[1]: missing required field "kind" (one of "baseline", "high", "offload")
            `"workers": 3`         | 5:13: projects[0].runs[0]: missing required field "workers" (an integer from 1 to 10000)
            `"seconds": 726.0`     | 5:13: projects[0].runs[0]: missing required field "seconds" (a positive number of seconds, at most 10000000)
            `"valid": false`       | 6:13: projects[0].runs[1]: missing required field "valid" (true or false)
            """)
    void namesAMissingRequiredFieldWithThePathAndPositionOfItsObject(String field, String message) throws IOException {
        // Renaming the key hides the field (an unknown field is ignored) and moves no object.
        Path file = write(replaceOnce(DOCUMENT, field, field.replaceFirst("\"", "\"x")));

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class).hasMessage(file + ":" + message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `"seconds": 726.0`            | `"seconds": "abc"`          | 5:59: projects[0].runs[0].seconds: expected a positive number of seconds, at most 10000000, found "abc"
            `"seconds": 726.0`            | `"seconds": -1.5`           | 5:59: projects[0].runs[0].seconds: expected a positive number of seconds, at most 10000000, found -1.5
            `"seconds": 726.0`            | `"seconds": null`           | 5:59: projects[0].runs[0].seconds: expected a positive number of seconds, at most 10000000, found null
            `"workers": 3`                | `"workers": 0`              | 5:45: projects[0].runs[0].workers: expected an integer from 1 to 10000, found 0
            `"workers": 3`                | `"workers": 2.5`            | 5:45: projects[0].runs[0].workers: expected an integer from 1 to 10000, found 2.5
            `"kind": "offload"`           | `"kind": "fast"`            | 6:22: projects[0].runs[1].kind: expected one of "baseline", "high", "offload", found "fast"
            `"profile": "sculptor"`       | `"profile": "Sculptor"`     | 4:15: projects[0].profile: expected a profile id: lower-case letters, digits, '-' or '_', starting with a letter, found "Sculptor"
            `"schema": 1`                 | `"schema": 2`               | 1:12: schema: unsupported schema version 2; this version of offload-bench reads schema 1 only
            `"schema": 1`                 | `"schema": "1"`             | 1:12: schema: unsupported schema version "1"; this version of offload-bench reads schema 1 only
            `"testCount": 345`            | `"testCount": -1`           | 4:40: projects[0].testCount: expected an integer from 0 to 1000000000, found -1
            `"testCount": 345`            | `"testCount": 99999999999`  | 4:40: projects[0].testCount: expected an integer from 0 to 1000000000, found 99999999999, which is too large
            `"maxParallel": 200`          | `"maxParallel": 0`          | 4:60: projects[0].maxParallel: expected an integer from 1 to 1000000, found 0
            `"maxParallel": 200`          | `"maxParallel": 1000001`    | 4:60: projects[0].maxParallel: expected an integer from 1 to 1000000, found 1000001, which is too large
            `"workers": 3`                | `"workers": 10001`          | 5:45: projects[0].runs[0].workers: expected an integer from 1 to 10000, found 10001, which is too large
            `"seconds": 726.0`            | `"seconds": 0`              | 5:59: projects[0].runs[0].seconds: expected a positive number of seconds, at most 10000000, found 0
            `"seconds": 726.0`            | `"seconds": -0.0`           | 5:59: projects[0].runs[0].seconds: expected a positive number of seconds, at most 10000000, found -0.0
            `"seconds": 726.0`            | `"seconds": 1e400`          | 5:59: projects[0].runs[0].seconds: expected a positive number of seconds, at most 10000000, found 1e400, which is more than 10000000 seconds (about 115 days)
            `"seconds": 726.0`            | `"seconds": 1e999999999`    | 5:59: projects[0].runs[0].seconds: expected a positive number of seconds, at most 10000000, found 1e999999999, which is more than 10000000 seconds (about 115 days)
            `"seconds": 726.0`            | `"seconds": 1e99999999999`  | 5:59: projects[0].runs[0].seconds: expected a positive number of seconds, at most 10000000, found 1e99999999999, which is far too large
            `"seconds": 726.0`            | `"seconds": 10000000.5`     | 5:59: projects[0].runs[0].seconds: expected a positive number of seconds, at most 10000000, found 10000000.5, which is more than 10000000 seconds (about 115 days)
            `"seconds": 726.0`            | `"seconds": 1e-400`         | 5:59: projects[0].runs[0].seconds: expected a positive number of seconds, at most 10000000, found 1e-400, which is finer than a nanosecond
            `"seconds": 726.0`            | `"seconds": NaN`            | 5:59: NaN is not a number JSON allows: a time must be a finite number of seconds (like 726.0), and JSON has no NaN or Infinity
            `"seconds": 726.0`            | `"seconds": Infinity`       | 5:59: Infinity is not a number JSON allows: a time must be a finite number of seconds (like 726.0), and JSON has no NaN or Infinity
            `"seconds": 726.0`            | `"seconds": -Infinity`      | 5:59: -Infinity is not a number JSON allows: a time must be a finite number of seconds (like 726.0), and JSON has no NaN or Infinity
            `"valid": true`               | `"valid": "yes"`            | 5:75: projects[0].runs[0].valid: expected true or false, found "yes"
            `"machine": "MacBook`         | `"machine": 42, "x": "`     | 2:13: machine: expected a string, found 42
            `"reason": "2 tests failed"`  | `"reason": 7`               | 6:77: projects[0].runs[1].reason: expected a string, found 7
            """)
    void namesAMalformedValueWithItsPathAndPosition(String original, String replacement, String message)
            throws IOException {
        Path file = write(replaceOnce(DOCUMENT, original, replacement));

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class).hasMessage(file + ":" + message);
    }

    @Test
    void shortensALongValueItQuotes() throws IOException {
        Path file = write(replaceOnce(DOCUMENT, "\"sculptor\"", "\"" + "X".repeat(50) + "\""));

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class)
                .hasMessageEndingWith(", found \"" + "X".repeat(40) + "...\"");
    }

    @Test
    void refusesASecondRunOfTheSameKindAtItsPosition() throws IOException {
        Path file = write(replaceOnce(DOCUMENT, "\"kind\": \"offload\",", "\"kind\": \"baseline\", \"workers\": 4,"));

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class).hasMessage(file
                + ":6:22: projects[0].runs[1].kind: a second \"baseline\" run (the first is at 5:22);"
                + " a project has at most one run of each kind");
    }

    @Test
    void refusesAProjectListedTwiceAtItsPosition() throws IOException {
        Path file = write("""
                {"schema": 1, "machine": "m", "projects": [
                  {"profile": "mng", "testCount": 1, "maxParallel": 1, "runs": []},
                  {"profile": "mng", "testCount": 1, "maxParallel": 1, "runs": []}]}
                """);

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class).hasMessage(file
                + ":3:15: projects[1].profile: \"mng\" appears twice in projects (first at 2:15); list each project once");
    }

    @Test
    void refusesARepeatedFieldNameAtItsPosition() throws IOException {
        Path file = write(replaceOnce(DOCUMENT, "\"valid\": true", "\"valid\": true, \"seconds\": 1"));

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class).hasMessage(file
                + ":5:81: projects[0].runs[0]: field \"seconds\" appears twice (first at 5:59); keep one of them");
    }

    @Test
    void refusesAProjectThatIsNotAnObject() throws IOException {
        Path file = write("{\"schema\": 1, \"machine\": \"m\", \"projects\": [3]}");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class)
                .hasMessage(file + ":1:44: projects[0]: expected a project (a JSON object), found 3");
    }

    @Test
    void refusesRunsThatAreNotAnArray() throws IOException {
        Path file = write("""
                {"schema": 1, "machine": "m", "projects": [
                  {"profile": "mng", "testCount": 1, "maxParallel": 1, "runs": {"baseline": {}}}]}
                """);

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class)
                .hasMessage(file + ":2:64: projects[0].runs: expected an array of runs, found an object");
    }

    @Test
    void refusesADocumentThatIsNotAnObject() throws IOException {
        Path file = write("[]");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class)
                .hasMessage(file + ":1:1: expected a results document (a JSON object), found an array");
    }

    @Test
    void readsAnInvalidRunWithItsReason() throws IOException {
        BenchmarkResults results = reader.read(write(DOCUMENT));

        assertThat(results.projects().get(0).run(RunKind.OFFLOAD).orElseThrow().validity())
                .isEqualTo(Validity.invalid("2 tests failed"));
        assertThat(results.invalidRuns()).hasToString("[sculptor offload: 2 tests failed]");
    }

    @Test
    void readsAnInvalidRunWithoutAReasonAsHavingNoReasonGiven() throws IOException {
        BenchmarkResults results = reader.read(write(DOCUMENT.replace(", \"reason\": \"2 tests failed\"", "")));

        assertThat(results.projects().get(0).run(RunKind.OFFLOAD).orElseThrow().validity())
                .isEqualTo(new Validity(false, "no reason given"));
    }

    @Test
    void ignoresTheReasonOfAValidRun() throws IOException {
        BenchmarkResults results = reader.read(write(DOCUMENT.replace("\"valid\": false", "\"valid\": true")));

        assertThat(results.projects().get(0).run(RunKind.OFFLOAD).orElseThrow().validity()).isEqualTo(Validity.VALID);
    }

    @Test
    void keepsWorkersAnOffloadRunRecordsAndLeavesThemOutWhenAbsentOrNull() throws IOException {
        RunOutcome with = reader.read(write(DOCUMENT.replace("\"kind\": \"offload\",", "\"kind\": \"offload\", \"workers\": 200,")))
                .projects().get(0).run(RunKind.OFFLOAD).orElseThrow();
        RunOutcome withNull = reader.read(write(DOCUMENT.replace("\"kind\": \"offload\",", "\"kind\": \"offload\", \"workers\": null,")))
                .projects().get(0).run(RunKind.OFFLOAD).orElseThrow();
        RunOutcome without = reader.read(write(DOCUMENT)).projects().get(0).run(RunKind.OFFLOAD).orElseThrow();

        assertThat(with.workers()).isEqualTo(OptionalInt.of(200));
        assertThat(withNull.workers()).isEmpty();
        assertThat(without.workers()).isEmpty();
    }

    @Test
    void reportsASyntaxErrorWithFileLineAndColumn() throws IOException {
        Path file = write("{\"schema\": 1,\n \"machine\": \"m\"\n \"projects\": []}\n");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class).hasMessage(file
                + ":3:2: unexpected '\"': the fields of an object are separated by ',' and the object ends with '}'");
    }

    @Test
    void reportsAnUnfinishedDocumentWithoutJacksonsSourceDump() throws IOException {
        Path file = write("{\"schema\": 1,\n \"projects\": [\n");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class)
                .hasMessage(file + ":3:1: the document ends before an array is closed: a ']' is missing");
    }

    @Test
    void refusesContentAfterTheDocument() throws IOException {
        Path file = write(DOCUMENT + "{}\n");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class)
                .hasMessage(file + ":7:1: unexpected text after the end of the document: a document is one JSON"
                        + " value (here an object), and nothing may follow its closing '}'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `{"schema": 1} xyz`     | 1:15: unexpected text after the end of the document
            `{"schema": 1}}`        | 1:14: unexpected text after the end of the document
            `{"schema": 01}`        | 1:13: a number must not start with 0 (write 7, not 07)
            `{"schema": tru}`       | 1:12: `tru` is not a value (a string in double quotes, a number, an object, an array, true, false or null)
            `{"schema": 1,}`        | 1:14: unexpected '}': a ',' before it announces a field that is not there (remove the trailing comma)
            `{schema: 1}`           | 1:2: unexpected 's': a field name must be a string in double quotes
            `{"schema" 1}`          | 1:11: unexpected '1': a field name must be followed by ':' and its value
            `{"a": [1 2]}`          | 1:10: unexpected '2': the elements of an array are separated by ',' and the array ends with ']'
            `{"a": [1,]}`           | 1:10: unexpected ']': expected a value (a string in double quotes, a number, an object, an array, true, false or null)
            `{"a": 1.}`             | 1:8: unexpected '}' in a number: a decimal point must be followed by a digit (write 1.0)
            `{"a": +1}`             | 1:8: a number must not start with '+'
            `// note`               | 1:1: unexpected '/': JSON has no comments
            `{"a": "\\q"}`         | 1:9: \\q is not an escape JSON knows
            `{"a": "x`              | 1:9: the document ends inside a string: its closing " is missing
            `{"a": [}`              | 1:8: unexpected '}': the open array here must be closed with ']' first
            `{"a": [1, +2]}`        | 1:12: a number must not start with '+'
            `{"a": 1.5.3}`          | 1:10: unexpected '.': the fields of an object are separated by ',' and the object ends with '}'
            `{"a": 0x10}`           | 1:8: unexpected 'x': the fields of an object are separated by ',' and the object ends with '}'
            `{"a": --1}`            | 1:8: unexpected '-' in a number
            `{"a": 1e}`             | 1:8: unexpected '}' in a number: an exponent needs digits (write 1e3)
            `{"a": "\\u12G4"}`      | 1:12: unexpected 'G' in a string
            `{"a`                   | 1:4: the document ends inside a string: its closing " is missing
            `[1, 2`                 | 1:6: the document ends before an array is closed: a ']' is missing
            `[1 }`                  | 1:4: unexpected '}': the open array here must be closed with ']' first
            `{"a": 1 ]`             | 1:9: unexpected ']': the open object here must be closed with '}' first
            `{"a": }`               | 1:7: unexpected '}': expected a value (a string in double quotes, a number, an object, an array, true, false or null)
            `{"a" }`                | 1:6: unexpected '}': a field name must be followed by ':' and its value
            `{"a": 1, 2}`           | 1:10: unexpected '2': a field name must be a string in double quotes
            `{"a": "x" "y"}`        | 1:11: unexpected '"': the fields of an object are separated by ',' and the object ends with '}'
            `{"a": 'x'}`            | 1:7: unexpected ''': expected a value (a string in double quotes, a number, an object, an array, true, false or null)
            `# note`                | 1:1: unexpected '#': JSON has no comments
            `]`                     | 1:1: unexpected ']': nothing is open here to close
            `{"a": -Infinity}`      | 1:7: -Infinity is not a number JSON allows
            `{"a": truex}`          | 1:7: `truex` is not a value
            """)
    void saysWhatIsWrongWithTheJsonInTheUsersWordsNeverJacksons(String json, String message) throws IOException {
        Path file = write(json);

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class)
                .hasMessageStartingWith(file + ":" + message)
                .hasMessageNotContaining("Jackson").hasMessageNotContaining("Feature").hasMessageNotContaining("code ");
    }

    @Test
    void refusesNestingDeeperThanADocumentNeedsAtItsPosition() throws IOException {
        Path file = write("{\"x\": " + "[".repeat(1001) + "]".repeat(1001) + "}");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class)
                .hasMessage(file + ":1:71: objects and arrays nest deeper than 64 levels here; a results document"
                        + " needs a handful");
    }

    @Test
    void refusesAStringLongerThanAnyFieldNeeds() throws IOException {
        Path file = write("{\"schema\": 1,\n \"machine\": \"" + "x".repeat(2_000_000) + "\"}");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class)
                .hasMessageStartingWith(file + ":2:")
                .hasMessageEndingWith("a string longer than 1000000 characters; no field of a results document needs one");
    }

    @Test
    void refusesANumberOfMoreCharactersThanAnyTimeNeeds() throws IOException {
        Path file = write(replaceOnce(DOCUMENT, "726.0", "7" + "0".repeat(200)));

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class)
                .hasMessageStartingWith(file + ":5:")
                .hasMessageEndingWith("a number written with more than 100 characters; no time or count needs that many");
    }

    @Test
    void refusesAFileLargerThanAnyResultsDocument() throws IOException {
        Path file = dir.resolve("huge.json");
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {' '}), 17L << 20); // sparse: costs no disk
        }

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class)
                .hasMessage(file + " is 17825793 bytes; a results document is at most 16777216 bytes (16 MiB),"
                        + " so this is not one");
    }

    @Test
    void namesAUtf16FileAndTheOffsetOfItsFirstInvalidByte() throws IOException {
        Path file = dir.resolve("utf16.json");
        Files.write(file, DOCUMENT.getBytes(StandardCharsets.UTF_16));

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class)
                .hasMessageStartingWith(file + " is not UTF-8 text: byte 0xFE at offset 0 is not valid UTF-8"
                        + " (it looks like UTF-16: convert it to UTF-8)");
    }

    @Test
    void saysWhenTheFileIsEmpty() throws IOException {
        Path file = write(" \n");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class).hasMessage(file
                + ": the file is empty; expected a results document (a JSON object with \"schema\": 1)");
    }

    @Test
    void saysWhenTheFileDoesNotExistAndWhatToDo() {
        Path file = dir.resolve("missing.json");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class).hasMessage("results file "
                + file + " does not exist; check the path, or run the benchmark first to record results there");
    }

    @Test
    void saysWhenThePathIsADirectory() {
        assertThatThrownBy(() -> reader.read(dir)).isInstanceOf(BenchException.class)
                .hasMessage(dir + " is a directory; pass the path of a results file (JSON)");
    }

    @Test
    void saysWhenTheFileIsNotUtf8() throws IOException {
        Path file = dir.resolve("latin1.json");
        Files.write(file, "{\"machine\": \"M\u00e4\"}".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class)
                .hasMessageStartingWith(file + " is not UTF-8 text: byte 0xE4 at offset 14 is not valid UTF-8");
    }

    @Test
    void countsColumnsInCharactersAndSkipsAByteOrderMark() throws IOException {
        Path file = write("\uFEFF{\"schema\": 1, \"machine\": \"M\u00e4\u00e4\", \"projects\": 5}");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class)
                .hasMessage(file + ":1:45: projects: expected an array of projects, found 5");
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("r.json"), json);
    }

    private static String replaceOnce(String text, String original, String replacement) {
        int at = text.indexOf(original);
        assertThat(at).as("fixture contains %s", original).isNotNegative();
        assertThat(text.indexOf(original, at + 1)).as("fixture contains %s once", original).isNegative();
        return text.substring(0, at) + replacement + text.substring(at + original.length());
    }
}
