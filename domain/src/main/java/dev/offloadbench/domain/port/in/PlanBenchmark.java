package dev.offloadbench.domain.port.in;

import dev.offloadbench.domain.plan.BenchmarkPlan;
import java.util.List;
import java.util.Map;

/** Says exactly what a benchmark session would run, without running anything. */
public interface PlanBenchmark {
    BenchmarkPlan plan(Query query);

    /**
     * The environment the profile and the configuration add to every run of a project, with the
     * real values of secrets (which a stored session keeps redacted); empty for a project that is
     * not configured. A resumed session takes its secrets from here.
     */
    Map<String, String> environment(String profileId);

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
