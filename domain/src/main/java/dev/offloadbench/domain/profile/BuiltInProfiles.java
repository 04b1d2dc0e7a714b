package dev.offloadbench.domain.profile;

import dev.offloadbench.domain.model.HighWorkers;
import dev.offloadbench.domain.model.Profile;
import dev.offloadbench.domain.model.RunDefaults;
import dev.offloadbench.domain.spi.ProfileProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two projects of the Offload README, worded as the benchmark procedure words them. The
 * three Notes lines of each follow the same structure: what the tests are, why the default
 * xdist cap is what it is, and how Offload bypasses xdist and why the speedup is high or low
 * (a line left out when Offload did not run, so that a report without it claims nothing of it).
 */
public final class BuiltInProfiles implements ProfileProvider {
    public static final Profile MNG = new Profile("mng", "Mng", "Unit + Integration Tests", List.of(
            "{{testCount}} tests collected (unit + integration, excluding acceptance and release).",
            "Individual tests are lightweight and fast-running, so the default xdist cap is n={{baseline.workers}}.",
            "{{#if offload}}Offload bypasses xdist entirely, fanning out across up to {{maxParallel}} {{sandboxes}}."
                    + " The low per-test cost makes Offload's per-sandbox overhead proportionally larger,"
                    + " yielding a {{#if projects.sculptor.offload}}more modest {{offload.speedup}}x speedup"
                    + " vs Sculptor's {{projects.sculptor.offload.speedup}}x{{else}}modest {{offload.speedup}}x speedup"
                    + "{{/if}}.{{/if}}"),
            // mng's conftest reads PYTEST_NUMPROCESSES when pytest's command line has no -n
            new RunDefaults("test-integration", "test-offload", Optional.of("PYTEST_NUMPROCESSES"),
                    HighWorkers.doubledCappedAt(8), Map.of()));

    public static final Profile SCULPTOR = new Profile("sculptor", "Sculptor", "Integration Tests (Playwright)", List.of(
            "{{testCount}} Playwright integration tests (browser-based, each launching a full Sculptor instance).",
            "Individual tests are heavyweight (Chromium + backend server per worker), so the default xdist cap is"
                    + " n={{baseline.workers}}.",
            "{{#if offload}}Offload bypasses xdist entirely, fanning out across up to {{maxParallel}} {{sandboxes}} --"
                    + " each running a single test against its own Sculptor instance."
                    + " The high per-test cost makes Offload's per-sandbox overhead negligible,"
                    + " yielding a {{offload.speedup}}x speedup.{{/if}}"),
            // sculptor's recipe prints pytest's output only with JUST_VERBOSE=1 (else just a log path)
            new RunDefaults("test-integration", "test-integration-offload", Optional.of("XDIST_WORKERS"),
                    HighWorkers.fixed(8), Map.of("JUST_VERBOSE", "1")));

    @Override
    public List<Profile> profiles() {
        return List.of(MNG, SCULPTOR);
    }
}
