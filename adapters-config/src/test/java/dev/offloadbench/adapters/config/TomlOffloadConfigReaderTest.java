package dev.offloadbench.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.justfile.SourceLine;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.plan.FileDigest;
import dev.offloadbench.domain.port.out.OffloadConfigReader.OffloadConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TomlOffloadConfigReaderTest {
    @TempDir
    Path dir;

    private final TomlOffloadConfigReader reader = new TomlOffloadConfigReader();

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("offload-modal.toml"), text);
    }

    @Test
    void readsMaxParallelWithItsLineAndTheProvider() throws IOException {
        Path file = write("""
                [offload]
                test_timeout_secs = 60
                max_parallel = 50
                [provider]
                type = "modal"
                dockerfile = "libs/mngr/imbue/mngr/resources/Dockerfile"
                """);

        OffloadConfig config = reader.read(file);

        assertThat(config).isEqualTo(new OffloadConfig(file, OptionalInt.of(50),
                Optional.of(new SourceLine(file, 3)), Optional.of(OffloadProvider.MODAL), digest(file)));
        assertThat(config.maxParallelLine().orElseThrow().toString()).isEqualTo("offload-modal.toml:3");
    }

    @Test
    void absentMaxParallelIsEmptyAndLeavesTheDefaultToTheCaller() throws IOException {
        Path file = write("""
                [offload]
                test_timeout_secs = 300
                [provider]
                type = "local"
                """);

        assertThat(reader.read(file)).isEqualTo(new OffloadConfig(file, OptionalInt.empty(), Optional.empty(),
                Optional.of(OffloadProvider.LOCAL), digest(file)));
    }

    /** The file's SHA-256 as sha256sum computes it. */
    private static Optional<FileDigest> digest(Path file) throws IOException {
        try {
            Process process = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(output).isZero();
            return Optional.of(new FileDigest(file, output.substring(0, 64)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void theDigestIsOfTheBytesReadSoAnyEditChangesIt() throws IOException {
        Path file = write("[offload]\nmax_parallel = 4\n\n[provider]\ntype = \"modal\"\n");
        FileDigest before = reader.read(file).digest().orElseThrow();
        assertThat(Optional.of(before)).isEqualTo(digest(file));

        Files.writeString(file, "[offload]\nmax_parallel = 4\n\n[provider]\ntype = \"modal\"\n# a comment\n");
        FileDigest after = reader.read(file).digest().orElseThrow();

        assertThat(after.sha256()).isNotEqualTo(before.sha256()).isEqualTo(digest(file).orElseThrow().sha256());
        assertThat(after.shortHash()).isEqualTo(after.sha256().substring(0, 12));
    }

    @ParameterizedTest
    @CsvSource({"modal, modal", "local, local", "default, default"})
    void readsEveryProviderTypeOffloadKnows(String type, String expected) throws IOException {
        Path file = write("[offload]\nmax_parallel = 4\n\n[provider]\ntype = \"" + type + "\"\n");

        assertThat(reader.read(file).provider()).hasValue(new OffloadProvider(expected));
    }

    @Test
    void aFileWithoutAProviderTableLeavesTheProviderUnknown() throws IOException {
        Path file = write("[offload]\nmax_parallel = 4\n");

        assertThat(reader.read(file).provider()).isEmpty();
    }

    @Test
    void aProviderWithoutATypeOrWithABadOneIsAnErrorWithItsPosition() throws IOException {
        Path noType = write("[offload]\nmax_parallel = 4\n[provider]\ndockerfile = \"x\"\n");
        assertThatThrownBy(() -> reader.read(noType))
                .isInstanceOf(BenchException.class)
                .hasMessageStartingWith(noType + ":3:1: [provider] has no `type`");

        Path badType = write("[provider]\n  type = 3\n");
        assertThatThrownBy(() -> reader.read(badType))
                .isInstanceOf(BenchException.class)
                .hasMessage(badType + ":2:3: `type` in [provider] must be a provider name such as \"modal\","
                        + " \"local\" or \"default\", found an integer");
    }

    @Test
    void fileWithoutOffloadTableHasNoMaxParallel() throws IOException {
        Path file = write("[modal]\nmax_parallel = 3\n");

        assertThat(reader.read(file).maxParallel()).isEmpty();
    }

    @Test
    void otherKeysAndTablesAreIgnored() throws IOException {
        Path file = write("""
                whatever = [1, 2]
                [offload]
                max_parallel = 7
                some_future_option = { a = 1 }
                [report]
                junit = true
                """);

        assertThat(reader.read(file).maxParallel()).hasValue(7);
    }

    @Test
    void malformedTomlNamesFileLineAndColumn() throws IOException {
        Path file = write("""
                [offload]
                max_parallel = 5
                provider = "modal
                """);

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(BenchException.class)
                .hasMessageStartingWith(file + ":3:18: Unexpected end of line");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "max_parallel = -3     | found -3",
        "max_parallel = 0      | found 0",
        "max_parallel = \"50\" | found a string",
        "max_parallel = 2.5    | found a float"})
    void maxParallelThatIsNotAPositiveIntegerIsAnErrorWithItsPosition(String line, String found)
            throws IOException {
        Path file = write("[offload]\n  " + line + "\n");

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(BenchException.class)
                .hasMessage(file + ":2:3: `max_parallel` in [offload] must be a positive integer, " + found);
    }

    @Test
    void offloadThatIsNotATableIsAnError() throws IOException {
        Path file = write("offload = 3\n");

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(BenchException.class)
                .hasMessage(file + ":1:1: `offload` must be a table ([offload]), found an integer");
    }

    @Test
    void missingFileIsAnErrorNamingIt() {
        Path missing = dir.resolve("offload.toml");

        assertThatThrownBy(() -> reader.read(missing))
                .isInstanceOf(BenchException.class)
                .hasMessage("Offload config " + missing + " does not exist");
    }
}
