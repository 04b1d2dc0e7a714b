package dev.offloadbench.domain.service;

import dev.offloadbench.domain.model.BenchmarkResults;
import dev.offloadbench.domain.model.ProjectResults;
import dev.offloadbench.domain.model.RunKind;
import dev.offloadbench.domain.model.RunOutcome;
import dev.offloadbench.domain.model.Validity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The results as they would be had every project run every kind validly and several times: the
 * recorded runs as they are, the missing ones added. Rendered, they show every line the template
 * can write for these projects (an Offload row and its notes, the spread of the times), which is
 * what a README section bench wrote earlier may hold; anything else in it is someone's text.
 */
final class CompleteResults {
    private static final RunOutcome.Spread SPREAD = new RunOutcome.Spread(2, BigDecimal.ZERO);

    private CompleteResults() {
    }

    static BenchmarkResults of(BenchmarkResults recorded) {
        List<ProjectResults> projects = new ArrayList<>();
        for (ProjectResults project : recorded.projects()) {
            BigDecimal seconds = project.run(RunKind.BASELINE).map(RunOutcome::seconds).orElse(BigDecimal.ONE);
            List<RunOutcome> runs = new ArrayList<>();
            for (RunKind kind : RunKind.values()) {
                RunOutcome run = project.run(kind).orElseGet(() -> new RunOutcome(kind,
                        kind.isLocal() ? OptionalInt.of(1) : OptionalInt.empty(), seconds, Validity.VALID));
                runs.add(run.spread().isPresent() ? run : run.withSpread(SPREAD));
            }
            projects.add(new ProjectResults(project.profileId(), project.testCount(), project.maxParallel(),
                    project.provider(), runs));
        }
        return new BenchmarkResults(recorded.machine(), projects);
    }
}
