package dev.offloadbench.domain.model;

/** How many xdist workers the "high" run uses, given the project's default. */
public sealed interface HighWorkers {
    int forBaseline(int baselineWorkers);

    /** What the plan says about the rule, e.g. "double the default, capped at 8". */
    String describe();

    static HighWorkers doubledCappedAt(int cap) {
        return new Doubled(cap);
    }

    static HighWorkers fixed(int workers) {
        return new Fixed(workers);
    }

    /** Twice the default, at most {@code cap} (the procedure's rule). */
    record Doubled(int cap) implements HighWorkers {
        public Doubled {
            if (cap < 1) {
                throw new IllegalArgumentException("cap must be at least 1: " + cap);
            }
        }

        @Override
        public int forBaseline(int baselineWorkers) {
            return Math.min(baselineWorkers * 2, cap);
        }

        @Override
        public String describe() {
            return "double the default, capped at " + cap;
        }
    }

    /** Always the same count. */
    record Fixed(int workers) implements HighWorkers {
        public Fixed {
            if (workers < 1) {
                throw new IllegalArgumentException("high workers must be at least 1: " + workers);
            }
        }

        @Override
        public int forBaseline(int baselineWorkers) {
            return workers;
        }

        @Override
        public String describe() {
            return "fixed at " + workers;
        }
    }
}
