package dev.offloadbench.adapters.markdown;

import dev.offloadbench.domain.model.BenchmarkReport;
import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.ProjectResults;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.RunOutcome;
import dev.offloadbench.domain.model.Validity;
import dev.offloadbench.domain.profile.BuiltInProfiles;
import dev.offloadbench.domain.profile.ProfileRegistry;
import dev.offloadbench.domain.service.ReportAssembler;
import java.math.BigDecimal;
import java.util.List;

/** Reports built the way the application builds them, from recorded results and the built-in profiles. */
final class Reports {
    static final String MACHINE = "MacBook Pro with Apple M4 (10 cores: 4P + 6E), 16 GB RAM";

    private Reports() {
    }

    static BenchmarkReport report(String machine, ProjectResults... projects) {
        ProfileRegistry profiles = new ProfileRegistry().install(new BuiltInProfiles());
        return new ReportAssembler(profiles).assemble(new BenchmarkResults(machine, List.of(projects)));
    }

    /** The published sculptor numbers: baseline n=3 726.0 s, n=8 447.4 s, Offload 120.1 s. */
    static ProjectResults sculptor() {
        return new ProjectResults("sculptor", 345, 200, List.of(
                baseline(3, "726.0"), high(8, "447.4"), offload("120.1")));
    }

    /** The published mng numbers: baseline n=4 345.8 s, n=8 266.9 s, Offload 185.9 s. */
    static ProjectResults mng() {
        return new ProjectResults("mng", 5275, 200, List.of(
                baseline(4, "345.8"), high(8, "266.9"), offload("185.9")));
    }

    static RunOutcome baseline(int workers, String seconds) {
        return RunOutcome.local(RunKind.BASELINE, workers, new BigDecimal(seconds), Validity.VALID);
    }

    static RunOutcome high(int workers, String seconds) {
        return RunOutcome.local(RunKind.HIGH, workers, new BigDecimal(seconds), Validity.VALID);
    }

    static RunOutcome offload(String seconds) {
        return RunOutcome.offload(new BigDecimal(seconds), Validity.VALID);
    }
}
