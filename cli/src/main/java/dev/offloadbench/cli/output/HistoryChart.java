package dev.offloadbench.cli.output;

import dev.offloadbench.domain.history.History;
import dev.offloadbench.domain.history.Measurement;
import dev.offloadbench.domain.model.RunKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One project's history as a small hand-written SVG (720 × 360): time per run kind over the
 * finished sessions, oldest on the left, each session's mean as a dot joined by a line per kind,
 * ± σ as a whisker, an INVALID run as a red cross (left out of its line, its time not to be
 * trusted), a legend and the axes. Plain SVG 1.1 that any browser shows.
 *
 * <p>For programs and tests, the plot area is {@code <rect class="plot">} with {@code data-y-max}
 * (the seconds at its top; its bottom is 0), and every point is a {@code <g class="point">} with
 * {@code data-session}, {@code data-kind}, {@code data-mean}, {@code data-sigma} and
 * {@code data-valid}, holding a {@code <circle>} (valid) or a cross {@code <path>} (INVALID).
 */
public final class HistoryChart {
    static final int WIDTH = 720;
    static final int HEIGHT = 360;
    static final double LEFT = 64;
    static final double TOP = 44;
    static final double RIGHT = 596;
    static final double BOTTOM = 296;
    /** Room between the plot's edge and the first or last session. */
    static final double PADDING = 24;
    static final String INVALID_COLOUR = "#d62728";
    private static final Map<RunKind, String> COLOURS = Map.of(RunKind.BASELINE, "#1f77b4", RunKind.HIGH, "#2ca02c",
            RunKind.OFFLOAD, "#ff7f0e");
    /** Side by side, so that the whiskers of one session's kinds do not hide each other. */
    private static final Map<RunKind, Double> OFFSETS = Map.of(RunKind.BASELINE, -7.0, RunKind.HIGH, 0.0,
            RunKind.OFFLOAD, 7.0);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_LABELS = 8;

    private HistoryChart() {
    }

    /** The colour a kind's line and dots are drawn in. */
    public static String colour(RunKind kind) {
        return COLOURS.get(kind);
    }

    public static String write(History.Project project) {
        List<History.Point> sessions = project.sessions();
        List<RunKind> kinds = project.kinds();
        double yMax = niceMaximum(sessions);
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        String title = project.profileId() + ": time per run kind over " + sessions.size() + " finished session"
                + (sessions.size() == 1 ? "" : "s");
        svg.append("  <title>").append(escape(title)).append("</title>\n");
        svg.append("  <rect width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#ffffff\"/>\n");
        svg.append("  <text x=\"").append(WIDTH / 2).append("\" y=\"24\" text-anchor=\"middle\" font-size=\"15\""
                + " font-weight=\"bold\">").append(escape(title)).append("</text>\n");
        axes(svg, yMax, sessions);
        for (RunKind kind : kinds) {
            series(svg, kind, kinds.size() > 1, sessions, yMax);
        }
        legend(svg, kinds, sessions);
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Where a session's point of a kind is drawn across. */
    static double x(int index, int count, RunKind kind, boolean offset) {
        double centre = count == 1 ? (LEFT + RIGHT) / 2
                : LEFT + PADDING + index * (RIGHT - LEFT - 2 * PADDING) / (count - 1);
        return centre + (offset ? OFFSETS.get(kind) : 0);
    }

    /** Where a time is drawn up: 0 at the plot's bottom, {@code yMax} at its top. */
    static double y(double seconds, double yMax) {
        return BOTTOM - (BOTTOM - TOP) * seconds / yMax;
    }

    /** A round number above every mean + σ: a multiple of 1, 2 or 5 times a power of ten, in five or so steps. */
    static double niceMaximum(List<History.Point> sessions) {
        double highest = 0;
        for (History.Point point : sessions) {
            for (Measurement run : point.runs().values()) {
                highest = Math.max(highest, run.mean().add(run.sigma().orElse(BigDecimal.ZERO)).doubleValue());
            }
        }
        if (highest <= 0) {
            return 1;
        }
        // a little room above the highest whisker, so that no dot sits on the plot's edge
        double top = highest * 1.05;
        double step = step(top);
        return Math.ceil(top / step - 1e-9) * step;
    }

    static double step(double highest) {
        double raw = highest / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * magnitude >= raw - 1e-12) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static void axes(StringBuilder svg, double yMax, List<History.Point> sessions) {
        double step = step(yMax);
        svg.append("  <g class=\"grid\" stroke=\"#dddddd\" stroke-width=\"1\">\n");
        List<double[]> ticks = new ArrayList<>();
        for (int i = 0; i * step <= yMax + 1e-9; i++) {
            double value = i * step;
            double at = y(value, yMax);
            ticks.add(new double[] {value, at});
            svg.append("    <line x1=\"").append(number(LEFT)).append("\" y1=\"").append(number(at)).append("\" x2=\"")
                    .append(number(RIGHT)).append("\" y2=\"").append(number(at)).append("\"/>\n");
        }
        svg.append("  </g>\n");
        svg.append("  <rect class=\"plot\" x=\"").append(number(LEFT)).append("\" y=\"").append(number(TOP))
                .append("\" width=\"").append(number(RIGHT - LEFT)).append("\" height=\"").append(number(BOTTOM - TOP))
                .append("\" fill=\"none\" stroke=\"#888888\" data-y-max=\"").append(number(yMax)).append("\"/>\n");
        svg.append("  <g class=\"y-labels\" text-anchor=\"end\" fill=\"#333333\">\n");
        for (double[] tick : ticks) {
            svg.append("    <text x=\"").append(number(LEFT - 6)).append("\" y=\"").append(number(tick[1] + 4))
                    .append("\">").append(label(tick[0])).append("</text>\n");
        }
        svg.append("  </g>\n");
        svg.append("  <text x=\"16\" y=\"").append(number((TOP + BOTTOM) / 2)).append("\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 16 ").append(number((TOP + BOTTOM) / 2)).append(")\">time (s)</text>\n");
        int every = (sessions.size() + MAX_LABELS - 1) / MAX_LABELS;
        // sessions of the same day are told apart by their time
        long days = sessions.stream().map(point -> DATE.format(point.created())).distinct().count();
        DateTimeFormatter labels = days == sessions.size() ? DATE : DAY_AND_TIME;
        svg.append("  <g class=\"x-labels\" text-anchor=\"middle\" fill=\"#333333\" font-size=\"11\">\n");
        for (int i = 0; i < sessions.size(); i += Math.max(1, every)) {
            History.Point point = sessions.get(i);
            svg.append("    <text x=\"").append(number(x(i, sessions.size(), RunKind.HIGH, false))).append("\" y=\"")
                    .append(number(BOTTOM + 18)).append("\">").append(labels.format(point.created()))
                    .append("<title>session ").append(escape(point.sessionId())).append("</title></text>\n");
        }
        svg.append("  </g>\n");
        svg.append("  <text x=\"").append(number((LEFT + RIGHT) / 2)).append("\" y=\"").append(number(BOTTOM + 40))
                .append("\" text-anchor=\"middle\">finished sessions, oldest first (UTC)</text>\n");
    }

    private static void series(StringBuilder svg, RunKind kind, boolean offset, List<History.Point> sessions,
            double yMax) {
        String colour = colour(kind);
        svg.append("  <g class=\"series\" data-kind=\"").append(kind.id()).append("\">\n");
        List<String> line = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            Optional<Measurement> run = sessions.get(i).run(kind);
            if (run.isPresent() && run.get().valid()) {
                line.add(number(x(i, sessions.size(), kind, offset)) + "," + number(y(mean(run.get()), yMax)));
            }
        }
        if (line.size() > 1) {
            svg.append("    <polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
                    .append(String.join(" ", line)).append("\"/>\n");
        }
        for (int i = 0; i < sessions.size(); i++) {
            History.Point point = sessions.get(i);
            Optional<Measurement> run = point.run(kind);
            if (run.isEmpty()) {
                continue;
            }
            point(svg, kind, point, run.get(), x(i, sessions.size(), kind, offset), yMax, colour);
        }
        svg.append("  </g>\n");
    }

    private static void point(StringBuilder svg, RunKind kind, History.Point point, Measurement run, double x,
            double yMax, String colour) {
        double mean = mean(run);
        double cy = y(mean, yMax);
        svg.append("    <g class=\"point").append(run.valid() ? "" : " invalid").append("\" data-session=\"")
                .append(escape(point.sessionId())).append("\" data-kind=\"").append(kind.id())
                .append("\" data-mean=\"").append(run.mean().toPlainString()).append("\" data-sigma=\"")
                .append(run.sigma().map(BigDecimal::toPlainString).orElse("")).append("\" data-valid=\"")
                .append(run.valid()).append("\">\n");
        svg.append("      <title>").append(escape(point.sessionId() + " " + kind.id() + ": "
                + MeasurementText.of(run) + " s" + (run.valid() ? "" : ", INVALID (" + run.validity().reason() + ")")))
                .append("</title>\n");
        String stroke = run.valid() ? colour : INVALID_COLOUR;
        if (run.sigma().isPresent() && run.sigma().get().signum() > 0) {
            double sigma = run.sigma().get().doubleValue();
            double low = y(Math.max(0, mean - sigma), yMax);
            double high = y(mean + sigma, yMax);
            svg.append("      <g class=\"whisker\" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\">")
                    .append(line(x, low, x, high)).append(line(x - 4, low, x + 4, low)).append(line(x - 4, high, x + 4,
                            high)).append("</g>\n");
        }
        if (run.valid()) {
            svg.append("      <circle cx=\"").append(number(x)).append("\" cy=\"").append(number(cy))
                    .append("\" r=\"4.5\" fill=\"").append(colour).append("\" stroke=\"#ffffff\" stroke-width=\"1\"/>\n");
        } else {
            svg.append("      <path d=\"M ").append(number(x - 5)).append(' ').append(number(cy - 5)).append(" L ")
                    .append(number(x + 5)).append(' ').append(number(cy + 5)).append(" M ").append(number(x - 5))
                    .append(' ').append(number(cy + 5)).append(" L ").append(number(x + 5)).append(' ')
                    .append(number(cy - 5)).append("\" stroke=\"").append(INVALID_COLOUR)
                    .append("\" stroke-width=\"3\" stroke-linecap=\"round\"/>\n");
        }
        svg.append("    </g>\n");
    }

    private static void legend(StringBuilder svg, List<RunKind> kinds, List<History.Point> sessions) {
        double x = RIGHT + 16;
        double y = TOP + 8;
        svg.append("  <g class=\"legend\">\n");
        for (RunKind kind : kinds) {
            svg.append("    <line x1=\"").append(number(x)).append("\" y1=\"").append(number(y)).append("\" x2=\"")
                    .append(number(x + 20)).append("\" y2=\"").append(number(y)).append("\" stroke=\"")
                    .append(colour(kind)).append("\" stroke-width=\"2\"/>")
                    .append("<circle cx=\"").append(number(x + 10)).append("\" cy=\"").append(number(y))
                    .append("\" r=\"4\" fill=\"").append(colour(kind)).append("\"/>")
                    .append("<text x=\"").append(number(x + 26)).append("\" y=\"").append(number(y + 4)).append("\">")
                    .append(kind.id()).append("</text>\n");
            y += 20;
        }
        boolean anyInvalid = sessions.stream().anyMatch(p -> p.runs().values().stream().anyMatch(m -> !m.valid()));
        if (anyInvalid) {
            svg.append("    <path d=\"M ").append(number(x + 6)).append(' ').append(number(y - 4)).append(" L ")
                    .append(number(x + 14)).append(' ').append(number(y + 4)).append(" M ").append(number(x + 6))
                    .append(' ').append(number(y + 4)).append(" L ").append(number(x + 14)).append(' ')
                    .append(number(y - 4)).append("\" stroke=\"").append(INVALID_COLOUR)
                    .append("\" stroke-width=\"3\"/><text x=\"").append(number(x + 26)).append("\" y=\"")
                    .append(number(y + 4)).append("\">INVALID</text>\n");
            y += 20;
        }
        boolean anySpread = sessions.stream().anyMatch(p -> p.runs().values().stream()
                .anyMatch(m -> m.sigma().isPresent()));
        if (anySpread) {
            svg.append("    <text x=\"").append(number(x)).append("\" y=\"").append(number(y + 4))
                    .append("\" fill=\"#555555\">whiskers: ± σ</text>\n");
        }
        svg.append("  </g>\n");
    }

    private static double mean(Measurement run) {
        return run.mean().doubleValue();
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return "<line x1=\"" + number(x1) + "\" y1=\"" + number(y1) + "\" x2=\"" + number(x2) + "\" y2=\"" + number(y2)
                + "\"/>";
    }

    /** Two decimals at most, never an exponent, whatever the locale. */
    static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String label(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c < 0x20 && c != '\t' && c != '\n' ? ' ' : c);
            }
        }
        return escaped.toString();
    }
}
