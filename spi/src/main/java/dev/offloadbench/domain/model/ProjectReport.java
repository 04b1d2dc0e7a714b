package dev.offloadbench.domain.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A project's part of the report: its profile, its facts, and a row per recorded run.
 *
 * @param provider where Offload ran the tests, named in the Offload row
 */
public record ProjectReport(Profile profile, int testCount, int maxParallel, OffloadProvider provider,
        List<ReportRow> rows) {
    public ProjectReport {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(provider, "provider");
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
    }

    /** A report whose Offload ran on Modal, as the published numbers did. */
    public ProjectReport(Profile profile, int testCount, int maxParallel, List<ReportRow> rows) {
        this(profile, testCount, maxParallel, OffloadProvider.MODAL, rows);
    }

    public Optional<ReportRow> row(RunKind kind) {
        return rows.stream().filter(r -> r.kind() == kind).findFirst();
    }

    /** The test count with a thousands separator, {@code 5,275}, whatever the locale. */
    public String testCountText() {
        return String.format(Locale.ROOT, "%,d", testCount);
    }
}
