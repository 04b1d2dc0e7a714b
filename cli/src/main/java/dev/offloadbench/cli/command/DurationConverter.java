package dev.offloadbench.cli.command;

import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code 90s}, {@code 45m}, {@code 2h}, {@code 1h30m}, or ISO-8601 ({@code PT45M}); longer than zero
 * and at most {@link #LONGEST} (a session records it, and reads back no longer time).
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    /** 10^7 seconds, about 115 days: the longest time a results document holds. */
    static final Duration LONGEST = Duration.ofSeconds(10_000_000);
    private static final Pattern SIMPLE = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(text);
        Duration duration;
        if (!text.isEmpty() && m.matches()) {
            // whole numbers of any length, added up exactly: an absurd one is too long, never an overflow
            BigInteger seconds = number(m.group(1)).multiply(BigInteger.valueOf(3600))
                    .add(number(m.group(2)).multiply(BigInteger.valueOf(60))).add(number(m.group(3)));
            if (seconds.compareTo(BigInteger.valueOf(LONGEST.getSeconds())) > 0) {
                throw tooLong(value);
            }
            duration = Duration.ofSeconds(seconds.longValueExact());
        } else {
            try {
                duration = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                if (e.getCause() instanceof ArithmeticException) {
                    throw tooLong(value);
                }
                throw new TypeConversionException("'" + value + "' is not a duration; write it like 90s, 45m, 2h or 1h30m");
            }
            if (duration.compareTo(LONGEST) > 0) {
                throw tooLong(value);
            }
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new TypeConversionException("'" + value + "' must be longer than zero");
        }
        return duration;
    }

    private static TypeConversionException tooLong(String value) {
        return new TypeConversionException("'" + value + "' is too long: a timeout is at most "
                + LONGEST.toHours() + "h (" + LONGEST.getSeconds() + " seconds, about 115 days)");
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }
}
