package dev.offloadbench.domain.model;

import java.util.Objects;
import java.util.OptionalInt;

/** One row of a project's table. */
public record ReportRow(RunKind kind, OptionalInt workers, RunFigures figures, Validity validity) {
    public ReportRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(validity, "validity");
    }
}
