package dev.offloadbench.domain.port.in;

import dev.offloadbench.domain.history.Comparison;
import dev.offloadbench.domain.history.NoiseRule;
import java.util.Objects;
import java.util.Optional;

/** What changed between two recorded sessions, and why it may have. */
public interface CompareSessions {
    /**
     * @throws dev.offloadbench.domain.BenchException when a session named does not exist, or
     *     there are not two sessions to compare
     */
    Comparison compare(Query query);

    /**
     * @param before the earlier session (an id or {@code latest}); by default the latest finished
     *     session before {@code after} with the same projects and run kinds
     * @param after the later session; by default the latest finished one
     */
    record Query(Optional<String> before, Optional<String> after, NoiseRule rule) {
        public Query {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(rule, "rule");
            if (after.isPresent() && before.isEmpty()) {
                throw new IllegalArgumentException("a later session is named only with an earlier one");
            }
        }
    }
}
