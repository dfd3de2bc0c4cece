package dev.dynarecord.types;

import dev.dynarecord.exception.ConversionException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Seconds with an exact decimal fraction for nanoseconds, as N text: {@code 1795256130.123456789},
 * {@code 1795256130.5}, {@code 1795256130} (no trailing zeros), {@code -0.5}.
 */
final class EpochSeconds {

    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private EpochSeconds() {
    }

    /** Seconds plus a fraction; {@code nanos} is 0..999,999,999 and adds to {@code seconds}. */
    static String text(long seconds, int nanos) {
        if (nanos == 0) {
            return Long.toString(seconds);
        }
        if (seconds < 0) {
            // -1 s + 0.5 s is -0.5: let BigDecimal carry the sign across the point.
            return BigDecimal.valueOf(seconds).add(BigDecimal.valueOf(nanos, 9)).stripTrailingZeros().toPlainString();
        }
        int digits = 9;
        while (nanos % 10 == 0) {
            nanos /= 10;
            digits--;
        }
        StringBuilder out = new StringBuilder(30).append(seconds).append('.');
        String fraction = Integer.toString(nanos);
        for (int i = fraction.length(); i < digits; i++) {
            out.append('0');
        }
        return out.append(fraction).toString();
    }

    /**
     * Splits stored text into whole seconds (rounded down) and nanoseconds.
     *
     * @return {@code {seconds, nanos}}
     */
    static long[] parse(String text) {
        int point = text.indexOf('.');
        if (point < 0 && text.length() <= 18 && plainDigits(text, -1)) {
            return new long[] {Long.parseLong(text), 0};
        }
        if (point > 0 && point < text.length() - 1 && text.length() - point - 1 <= 9 && plainDigits(text, point)) {
            long seconds = Long.parseLong(text, 0, point, 10);
            int nanos = Integer.parseInt(text, point + 1, text.length(), 10);
            for (int i = text.length() - point - 1; i < 9; i++) {
                nanos *= 10;
            }
            return new long[] {seconds, nanos};
        }
        BigDecimal value = Numbers.parse(text);
        try {
            BigDecimal whole = value.setScale(0, RoundingMode.FLOOR);
            long nanos = value.subtract(whole).multiply(NANOS_PER_SECOND).intValueExact();
            return new long[] {whole.longValueExact(), nanos};
        } catch (ArithmeticException e) {
            throw new ConversionException("Stored number " + text
                    + " is not a time in seconds with at most 9 fraction digits", e);
        }
    }

    // Unsigned digits on both sides of the point (and short enough for a long): the fast path.
    private static boolean plainDigits(String text, int point) {
        if (text.isEmpty() || point > 18) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i != point && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }
}
