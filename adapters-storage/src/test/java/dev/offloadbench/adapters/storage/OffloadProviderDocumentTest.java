package dev.offloadbench.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.model.ProjectResults;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.RunOutcome;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.plan.MachineDescription;
import dev.offloadbench.domain.plan.PlannedRun;
import dev.offloadbench.domain.session.RunStatus;
import dev.offloadbench.domain.session.Session;
import dev.offloadbench.domain.session.SessionProject;
import dev.offloadbench.domain.session.SessionRun;
import dev.offloadbench.domain.session.SkipReason;
import dev.offloadbench.domain.session.SessionSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where Offload ran, in the results document and in a session: optional, Modal when absent. */
class OffloadProviderDocumentTest {
    private static final String PUBLISHED_SCULPTOR = """
            {"schema": 1, "machine": "M4",
             "projects": [{"profile": "sculptor", "testCount": 345, "maxParallel": 200,
               "runs": [{"kind": "baseline", "workers": 3, "seconds": 726.0, "valid": true},
                        {"kind": "offload", "seconds": 120.1, "valid": true}]}]}
            """;

    @TempDir
    Path dir;

    private final JsonResultsReader reader = new JsonResultsReader();
    private final JsonResultsWriter writer = new JsonResultsWriter();

    private static BenchmarkResults demo(OffloadProvider provider) {
        return new BenchmarkResults("M4", List.of(new ProjectResults("demo", 28, 4, provider, List.of(
                RunOutcome.local(RunKind.BASELINE, 2, new BigDecimal("7.5"), Validity.VALID),
                RunOutcome.offload(new BigDecimal("3.1"), Validity.VALID)))));
    }

    @Test
    void aDocumentThatNamesNoProviderIsModalAsThePublishedNumbersAre() throws IOException {
        Path file = Files.writeString(dir.resolve("published.json"), PUBLISHED_SCULPTOR);

        assertThat(reader.read(file).projects().get(0).provider()).isEqualTo(OffloadProvider.MODAL);
    }

    @Test
    void anotherProviderIsWrittenAndReadBack() throws IOException {
        Path file = dir.resolve("results.json");

        writer.write(demo(OffloadProvider.LOCAL), file);

        assertThat(Files.readString(file)).contains("\"maxParallel\": 4,\n      \"provider\": \"local\",\n");
        assertThat(reader.read(file)).isEqualTo(demo(OffloadProvider.LOCAL));
    }

    @Test
    void modalIsLeftOutSoTheDocumentReadsAsBefore() throws IOException {
        Path file = dir.resolve("results.json");

        writer.write(demo(OffloadProvider.MODAL), file);

        assertThat(Files.readString(file)).doesNotContain("provider");
        assertThat(reader.read(file)).isEqualTo(demo(OffloadProvider.MODAL));
    }

    @Test
    void aProviderThatIsNoProviderNameIsAnErrorAtItsPosition() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), PUBLISHED_SCULPTOR.replace("\"maxParallel\": 200,",
                "\"maxParallel\": 200, \"provider\": \"Modal Cloud\","));

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("projects[0].provider")
                .hasMessageContaining("an Offload provider type");
    }

    @Test
    void aSessionKeepsThePlannedProviderAndItsResultsNameIt() {
        Path project = Path.of("/home/me/src/offload-bench/examples/demo");
        PlannedRun offload = new PlannedRun(RunKind.OFFLOAD, "test-offload", List.of("just", "test-offload"), Map.of(),
                project, OptionalInt.empty(), Optional.empty(), OptionalInt.of(4), Optional.of("offload-local.toml:4"),
                1, List.of(), Optional.of(OffloadProvider.LOCAL), Optional.empty());
        Session session = new Session("20261127-141530", Instant.parse("2026-11-27T14:15:30Z"),
                new SessionSettings(List.of(RunKind.OFFLOAD), 1, 1, Optional.empty()),
                new MachineDescription("M4", MachineDescription.Source.CONFIG), project.resolve("README.md"),
                List.of(new SessionProject("demo", project, List.of(SessionRun.pending(offload)
                        .skipped(SkipReason.OFFLOAD_UNAVAILABLE, "offload is not installed")))), true);
        JsonSessionStore store = new JsonSessionStore(dir);

        store.save(session);

        assertThat(store.load(session.id())).contains(session);
        assertThat(reader.read(store.resultsFile(session.id())).projects().get(0).provider())
                .isEqualTo(OffloadProvider.LOCAL);
    }
}
