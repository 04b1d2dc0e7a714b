package dev.offloadbench.domain.service.history;

import dev.offloadbench.domain.model.RunKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * A recorded input that may explain a run's time, named as the comparison lists it, and the kinds
 * of run it may explain: Python, pytest and xdist drive the local runs, Offload's version and
 * configuration the offload run, the commit and the load every run.
 */
enum Input {
    TESTS("tests", true, true),
    WORKERS("workers started", true, false),
    MAX_PARALLEL("max_parallel", false, true),
    PROVIDER("provider", false, true),
    COMMAND("command", true, true),
    PYTEST_ARGUMENTS("pytest arguments", true, false),
    OFFLOAD_ARGUMENTS("offload arguments", false, true),
    PYTHON("python", true, false),
    PYTEST("pytest", true, false),
    XDIST("xdist", true, false),
    OFFLOAD("offload", false, true),
    JUST("just", true, true),
    COMMIT("commit", true, true),
    OFFLOAD_CONFIG("Offload config", false, true),
    MACHINE("machine", true, false),
    LOAD("machine load", true, true);

    private final String label;
    private final boolean local;
    private final boolean offload;

    Input(String label, boolean local, boolean offload) {
        this.label = label;
        this.local = local;
        this.offload = offload;
    }

    String label() {
        return label;
    }

    boolean explains(RunKind kind) {
        return kind.isLocal() ? local : offload;
    }

    static Set<Input> explaining(RunKind kind) {
        Set<Input> inputs = EnumSet.noneOf(Input.class);
        for (Input input : values()) {
            if (input.explains(kind)) {
                inputs.add(input);
            }
        }
        return inputs;
    }
}
