package dev.offloadbench.domain.service.planning;

/** Something that keeps a run from being planned; the message says what and how to fix it. */
final class PlanProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PlanProblem(String message) {
        super(message, null, false, false);
    }
}
