package dev.offloadbench.cli.output;

import dev.offloadbench.domain.history.Comparison;
import dev.offloadbench.domain.history.Drift;
import dev.offloadbench.domain.history.NoiseRule;
import dev.offloadbench.domain.history.Ratio;
import dev.offloadbench.domain.history.RunComparison;
import dev.offloadbench.domain.session.Session;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code bench compare} for people: one row per run (both times, the ratio, the change), under
 * it the noise band it was judged by and each recorded input that differs; then what differs for
 * the sessions as a whole, what a session did not record, and what the gates found.
 */
public final class ComparisonText {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ComparisonText() {
    }

    /**
     * @param failOnRegression the percentage gate, when given
     * @param failOnSlower whether the statistical gate is on
     */
    public static String write(Comparison comparison, Optional<BigDecimal> failOnRegression, boolean failOnSlower) {
        StringBuilder text = new StringBuilder();
        text.append("Comparing ").append(describe(comparison.before())).append("\n     with ")
                .append(describe(comparison.after())).append("\n");
        text.append(rule(comparison.rule())).append("\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Project", "Kind", "Before (s)", "After (s)", "Ratio", "Change"});
        for (RunComparison run : comparison.runs()) {
            rows.add(new String[] {run.profileId(), run.kind().id(), run.before().map(MeasurementText::of).orElse("-"),
                run.after().map(MeasurementText::of).orElse("-"), run.ratio().map(ComparisonText::ratio).orElse(""),
                change(run)});
        }
        int[] widths = TextTable.widths(rows);
        text.append(TextTable.line(rows.get(0), widths));
        for (int i = 1; i < rows.size(); i++) {
            text.append(TextTable.line(rows.get(i), widths));
            RunComparison run = comparison.runs().get(i - 1);
            String indent = " ".repeat(widths[0] + 2);
            run.band().ifPresent(band -> text.append(indent).append("noise: ").append(band.describe()).append("\n"));
            for (Drift drift : run.drift()) {
                text.append(indent).append(drift.text()).append("\n");
            }
        }
        if (comparison.runs().isEmpty()) {
            text.append("(no run finished in either session)\n");
        }
        if (!comparison.sessionDrift().isEmpty()) {
            text.append("\nThe sessions differ in: ").append(comparison.sessionDrift().stream().map(Drift::text)
                    .collect(Collectors.joining("; "))).append("\n");
        }
        for (Map.Entry<String, List<String>> unknown : ordered(comparison)) {
            text.append("\nNot known for ").append(unknown.getKey()).append(" (not recorded: an older session, or a run"
                    + " not probed), so a change there cannot be told: ").append(String.join(", ", unknown.getValue()))
                    .append("\n");
        }
        text.append("\n").append(summary(comparison, failOnRegression, failOnSlower));
        return text.toString();
    }

    private static List<Map.Entry<String, List<String>>> ordered(Comparison comparison) {
        List<Map.Entry<String, List<String>>> entries = new ArrayList<>();
        for (String id : List.of(comparison.before().id(), comparison.after().id())) {
            List<String> inputs = comparison.unrecorded().get(id);
            if (inputs != null) {
                entries.add(Map.entry(id, inputs));
            }
        }
        return entries;
    }

    private static String summary(Comparison comparison, Optional<BigDecimal> failOnRegression, boolean failOnSlower) {
        StringBuilder text = new StringBuilder();
        List<RunComparison> slower = comparison.slower();
        text.append(slower.isEmpty() ? "No run is slower beyond noise.\n"
                : "Slower beyond noise: " + names(slower) + ".\n");
        if (failOnRegression.isPresent()) {
            String limit = failOnRegression.get().stripTrailingZeros().toPlainString() + "%";
            List<RunComparison> regressions = comparison.slowerByMoreThan(failOnRegression.get());
            text.append(regressions.isEmpty() ? "Regression gate passed: no run is more than " + limit + " slower.\n"
                    : "Regression gate FAILED: more than " + limit + " slower: " + names(regressions) + ".\n");
        }
        if (failOnSlower) {
            text.append(slower.isEmpty() ? "Noise gate passed: no run is slower beyond noise.\n"
                    : "Noise gate FAILED: slower beyond noise: " + names(slower) + ".\n");
        }
        return text.toString();
    }

    private static String names(List<RunComparison> runs) {
        return runs.stream().map(run -> run.profileId() + " " + run.kind().id() + " ("
                + MeasurementText.signedPercent(run.ratio().orElseThrow().percentChange()) + ")")
                .collect(Collectors.joining(", "));
    }

    static String describe(Session session) {
        return "session " + session.id() + " (" + WHEN.format(session.created())
                + (session.finished() ? "" : ", unfinished") + ")";
    }

    private static String rule(NoiseRule rule) {
        return "Noise: a " + rule.confidence().movePointRight(2).stripTrailingZeros().toPlainString()
                + "% Student's t prediction interval of the run's samples in the earlier session"
                + (rule.historySessions() > 1 ? " and up to " + (rule.historySessions() - 1) + " finished session"
                        + (rule.historySessions() == 2 ? "" : "s") + " before it" : "")
                + " (from " + rule.minimumSamples() + " samples), else ±" + rule.thresholdPercent()
                        .stripTrailingZeros().toPlainString() + "% of the earlier mean.";
    }

    /** {@code 1.087 ± 0.006}: after / before. */
    static String ratio(Ratio ratio) {
        String value = ratio.value().setScale(3, RoundingMode.HALF_UP).toPlainString();
        return ratio.sigma().map(sigma -> value + " ± " + sigma.setScale(3, RoundingMode.HALF_UP).toPlainString())
                .orElse(value);
    }

    private static String change(RunComparison run) {
        return switch (run.change()) {
            case SLOWER, FASTER -> run.change().describe() + " ("
                    + MeasurementText.signedPercent(run.ratio().orElseThrow().percentChange()) + ")";
            case WITHIN_NOISE -> "within noise ("
                    + MeasurementText.signedPercent(run.ratio().orElseThrow().percentChange()) + ")";
            case INVALID -> "not judged: INVALID in " + invalidIn(run);
            case NOT_COMPARED -> "not compared: not finished " + (run.before().isEmpty() ? "before" : "after");
        };
    }

    private static String invalidIn(RunComparison run) {
        List<String> where = new ArrayList<>();
        run.before().filter(m -> !m.valid()).ifPresent(m -> where.add("before (" + m.validity().reason() + ")"));
        run.after().filter(m -> !m.valid()).ifPresent(m -> where.add("after (" + m.validity().reason() + ")"));
        return String.join(" and ", where);
    }
}
