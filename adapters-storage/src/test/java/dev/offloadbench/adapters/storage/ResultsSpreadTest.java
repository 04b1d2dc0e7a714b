package dev.offloadbench.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.RunOutcome;
import dev.offloadbench.domain.session.SessionResults;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How many samples a run had and their σ, read from a results document that gives them (a session.json does). */
class ResultsSpreadTest {
    @TempDir
    Path dir;

    private final JsonResultsReader reader = new JsonResultsReader();

    private Path write(String runs) throws IOException {
        return Files.writeString(dir.resolve("results.json"), """
                {"schema": 1, "machine": "m", "projects": [{"profile": "mng", "testCount": 5, "maxParallel": 4,
                 "runs": [RUNS]}]}
                """.replace("RUNS", runs));
    }

    private RunOutcome only(Path file) {
        return reader.read(file).projects().get(0).runs().get(0);
    }

    @Test
    void aSessionsResultsCarryTheSpreadOfEachRunTimedSeveralTimes() {
        JsonSessionStore store = new JsonSessionStore(dir);
        store.save(SessionFixtures.rich(dir.resolve("logs")));

        RunOutcome baseline = reader.read(store.resultsFile("20261127-141530")).projects().get(0)
                .run(RunKind.BASELINE).orElseThrow();

        assertThat(baseline.spread()).hasValue(new RunOutcome.Spread(3, new BigDecimal("1.493")));
        assertThat(SessionResults.of(SessionFixtures.rich(dir.resolve("logs"))).projects().get(0)
                .run(RunKind.BASELINE).orElseThrow().spread()).isEqualTo(baseline.spread());
    }

    @Test
    void samplesAndTheirDeviationGiveTheSpread() throws IOException {
        RunOutcome run = only(write("""
                {"kind": "baseline", "workers": 2, "seconds": 10.5, "valid": true,
                 "samples": [10.0, 11.0], "stddev": 0.707}"""));

        assertThat(run.spread()).hasValue(new RunOutcome.Spread(2, new BigDecimal("0.707")));
    }

    @Test
    void oneSampleOrNoDeviationIsNoSpread() throws IOException {
        assertThat(only(write("""
                {"kind": "baseline", "workers": 2, "seconds": 10.5, "valid": true, "samples": [10.5], "stddev": null}
                """)).spread()).isEmpty();
        assertThat(only(write("""
                {"kind": "baseline", "workers": 2, "seconds": 10.5, "valid": true}""")).spread()).isEmpty();
    }

    @Test
    void aMalformedDeviationIsNamedWithItsPlace() throws IOException {
        Path file = write("""
                {"kind": "baseline", "workers": 2, "seconds": 10.5, "valid": true, "samples": [10, 11], "stddev": -1}""");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BenchException.class)
                .hasMessage(file + ":2:109: projects[0].runs[0].stddev: expected the samples' standard deviation (a"
                        + " number of seconds from 0 to 10000000), or null, found -1");
    }
}
