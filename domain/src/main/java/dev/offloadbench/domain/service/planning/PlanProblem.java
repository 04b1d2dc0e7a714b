package dev.offloadbench.domain.service.planning;

import dev.offloadbench.domain.plan.Problem;

/** Something that keeps a run from being planned, of a kind; the message says what and how to fix it. */
final class PlanProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Problem.Kind kind;

    PlanProblem(Problem.Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    /** Reading could not tell: the usual kind of a planning problem. */
    PlanProblem(String message) {
        this(Problem.Kind.READING, message);
    }

    Problem.Kind kind() {
        return kind;
    }
}
