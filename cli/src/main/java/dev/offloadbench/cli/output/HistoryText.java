package dev.offloadbench.cli.output;

import dev.offloadbench.domain.history.History;
import dev.offloadbench.domain.history.Measurement;
import dev.offloadbench.domain.model.RunKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code bench history} for people: a table per project, one row per finished session (oldest
 * first), one column per run kind with its mean ± σ, INVALID runs marked and listed with why.
 */
public final class HistoryText {
    private HistoryText() {
    }

    public static String write(History history) {
        if (history.projects().isEmpty()) {
            return "No session has finished yet; bench run records one.\n";
        }
        StringBuilder text = new StringBuilder();
        for (History.Project project : history.projects()) {
            if (text.length() > 0) {
                text.append("\n");
            }
            int count = project.sessions().size();
            text.append(project.profileId()).append(" (").append(count).append(count == 1 ? " finished session"
                    : " finished sessions").append(")\n");
            List<RunKind> kinds = project.kinds();
            List<String[]> rows = new ArrayList<>();
            String[] header = new String[2 + kinds.size()];
            header[0] = "Session";
            header[1] = "Date (UTC)";
            for (int i = 0; i < kinds.size(); i++) {
                header[2 + i] = kinds.get(i).id() + " (s)";
            }
            rows.add(header);
            List<String> invalid = new ArrayList<>();
            for (History.Point point : project.sessions()) {
                String[] row = new String[2 + kinds.size()];
                row[0] = point.sessionId();
                row[1] = ComparisonText.WHEN.format(point.created()).replace(" UTC", "");
                for (int i = 0; i < kinds.size(); i++) {
                    Optional<Measurement> run = point.run(kinds.get(i));
                    row[2 + i] = run.map(HistoryText::cell).orElse("-");
                    RunKind kind = kinds.get(i);
                    run.filter(m -> !m.valid()).ifPresent(m -> invalid.add(point.sessionId() + " " + kind.id() + ": "
                            + m.validity().reason()));
                }
                rows.add(row);
            }
            text.append(TextTable.of(rows));
            if (!invalid.isEmpty()) {
                text.append("INVALID runs (their times are not to be trusted):\n");
                invalid.forEach(line -> text.append("  ").append(line).append("\n"));
            }
        }
        return text.toString();
    }

    private static String cell(Measurement measurement) {
        return MeasurementText.of(measurement) + (measurement.valid() ? "" : " INVALID");
    }
}
