package dev.offloadbench.cli.output;

import java.time.Duration;

/** {@code 0.4s}, {@code 7.2s}, {@code 42s}, {@code 3m05s}, {@code 1h02m}. */
public final class Durations {
    private Durations() {
    }

    public static String of(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 10) {
            return String.format(java.util.Locale.ROOT, "%.1fs", Math.max(0, duration.toMillis()) / 1000.0);
        }
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
    }
}
