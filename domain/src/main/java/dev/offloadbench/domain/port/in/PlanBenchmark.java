package dev.offloadbench.domain.port.in;

import dev.offloadbench.domain.plan.BenchmarkPlan;
import java.util.List;

/** Says exactly what a benchmark session would run, without running anything. */
public interface PlanBenchmark {
    BenchmarkPlan plan(Query query);

    /** @param profiles the profiles to plan; empty (or {@code all}) for every configured project */
    record Query(List<String> profiles) {
        public Query {
            profiles = List.copyOf(profiles);
        }

        public boolean all() {
            return profiles.isEmpty() || profiles.equals(List.of("all"));
        }
    }
}
