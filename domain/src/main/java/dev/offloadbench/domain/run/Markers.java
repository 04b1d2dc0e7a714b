package dev.offloadbench.domain.run;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Markers of executions ({@code OFFLOAD_BENCH_RUN=<marker>} in their environment): unique among
 * every execution anywhere, and made of letters, digits and '-' alone, so that one can name a
 * file too.
 */
public final class Markers {
    /** What the markers of probes start with: they belong to no session. */
    public static final String PROBE = "probe";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,127}");

    private Markers() {
    }

    /** {@code <owner>-<24 hex digits>}: the owner is a session's id, or {@link #PROBE}; 96 random bits. */
    public static String next(String owner) {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        StringBuilder marker = new StringBuilder(owner).append('-');
        for (byte b : random) {
            marker.append(String.format("%02x", b & 0xff));
        }
        if (!isMarker(marker.toString())) {
            throw new IllegalArgumentException("a marker's owner is letters, digits and '-': \"" + owner + "\"");
        }
        return marker.toString();
    }

    /** Whether {@code text} has the shape of a marker (a record read back may have been tampered with). */
    public static boolean isMarker(String text) {
        return SHAPE.matcher(text).matches();
    }
}
