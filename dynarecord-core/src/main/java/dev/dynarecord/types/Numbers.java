package dev.dynarecord.types;

import dev.dynarecord.exception.ConversionException;
import java.math.BigDecimal;

/**
 * The rules for DynamoDB numbers, checked in one place before a number is sent: at most 38
 * significant digits, a magnitude between 1E-130 and 9.9999999999999999999999999999999999999E+125
 * (or zero), and no NaN or infinity.
 *
 * <pre>{@code
 * Numbers.text(new BigDecimal("12.50"));  // "12.50"
 * Numbers.text(Double.NaN);               // throws ConversionException
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Numbers {

    /** The most significant digits a DynamoDB number can hold. */
    public static final int MAX_DIGITS = 38;

    /** The decimal exponent of the largest magnitude: 9.99...E+125. */
    private static final int MAX_EXPONENT = 125;
    /** The decimal exponent of the smallest non-zero magnitude: 1E-130. */
    private static final int MIN_EXPONENT = -130;

    private Numbers() {
    }

    /**
     * Checks that DynamoDB can store a decimal exactly.
     *
     * @param value the number
     * @return the same number
     * @throws ConversionException with more than 38 significant digits or a magnitude out of range
     */
    public static BigDecimal check(BigDecimal value) {
        if (value.signum() == 0) {
            return value;
        }
        int precision = value.precision();
        if (precision > MAX_DIGITS) {
            // Trailing zeros are not significant: DynamoDB trims them.
            precision = value.stripTrailingZeros().precision();
            if (precision > MAX_DIGITS) {
                throw new ConversionException("DynamoDB numbers hold at most " + MAX_DIGITS
                        + " significant digits, but " + value + " has " + precision
                        + "; round it (value.round(new MathContext(38))) or store it as a String");
            }
        }
        // The exponent of the leading digit; the same with or without trailing zeros.
        long exponent = (long) value.precision() - value.scale() - 1;
        if (exponent > MAX_EXPONENT || exponent < MIN_EXPONENT) {
            throw new ConversionException("DynamoDB numbers must be 0 or between 1E-130 and "
                    + "9.9999999999999999999999999999999999999E+125 in magnitude, but got " + value);
        }
        return value;
    }

    /**
     * Checks a decimal and returns its exact DynamoDB text: plain digits for fractions up to 60
     * places, otherwise {@link BigDecimal#toString()}'s scientific notation (which DynamoDB accepts
     * and normalizes). Either way {@code new BigDecimal(text)} equals the value, scale included.
     *
     * @param value the number
     * @return the text to send, e.g. {@code "12.50"} or {@code "1E+100"}
     * @throws ConversionException when DynamoDB cannot store the number
     */
    public static String text(BigDecimal value) {
        check(value);
        int scale = value.scale();
        return scale >= 0 && scale <= 60 ? value.toPlainString() : value.toString();
    }

    /**
     * Checks a double and returns its DynamoDB text ({@link Double#toString(double)}, which reads
     * back to the same double). Both zeros are stored as {@code "0"}.
     *
     * @param value the number
     * @return the text to send, e.g. {@code "0.1"} or {@code "1.0E-5"}
     * @throws ConversionException for NaN, infinity, or a magnitude out of DynamoDB's range
     */
    public static String text(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new ConversionException(
                    "DynamoDB numbers have no NaN or infinity; store null or a finite number (got " + value + ")");
        }
        if (value == 0.0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        // Comparing with the nearest doubles is exact here: a double below 1e-130 (or at or above
        // 1e126) has no decimal form inside DynamoDB's range.
        if (magnitude < 1e-130 || magnitude >= 1e126) {
            throw new ConversionException("DynamoDB numbers must be 0 or between 1E-130 and "
                    + "9.9999999999999999999999999999999999999E+125 in magnitude, but got " + value);
        }
        return Double.toString(value);
    }

    /**
     * Checks a float and returns its DynamoDB text ({@link Float#toString(float)}, which reads back
     * to the same float). Every finite float is in range; both zeros are stored as {@code "0"}.
     *
     * @param value the number
     * @return the text to send
     * @throws ConversionException for NaN or infinity
     */
    public static String text(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            throw new ConversionException(
                    "DynamoDB numbers have no NaN or infinity; store null or a finite number (got " + value + ")");
        }
        return value == 0.0f ? "0" : Float.toString(value);
    }

    /**
     * Parses stored number text.
     *
     * @param text the N value
     * @return the decimal
     * @throws ConversionException when the text is not a number
     */
    public static BigDecimal parse(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new ConversionException("Stored number '" + text + "' is not a decimal number", e);
        }
    }
}
