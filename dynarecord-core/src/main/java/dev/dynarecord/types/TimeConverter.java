package dev.dynarecord.types;

import dev.dynarecord.exception.ConversionException;
import java.time.DateTimeException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A date or time stored per {@link TimeFormat}: ISO-8601 text (S) through a fast fixed-width path
 * with the standard java.time parser as fallback, or epoch seconds (N).
 */
abstract class TimeConverter<T> implements AttributeConverter<T> {

    private final boolean iso;
    private final String typeName;

    TimeConverter(TimeFormat format, String typeName) {
        this.iso = format == TimeFormat.ISO_8601;
        this.typeName = typeName;
    }

    /** ISO-8601 text, fixed width where the type allows. */
    abstract String isoText(T value);

    /** The value in the fixed form, {@code null} when the text is in another form. */
    abstract T parseFixed(String text);

    /** Any ISO-8601 form the standard java.time parser accepts. */
    abstract T parseStandard(String text);

    /** Seconds (or days, for dates) as N text. */
    abstract String epochText(T value);

    abstract T fromEpoch(long seconds, int nanos);

    @Override
    public final AttributeType attributeType() {
        return iso ? AttributeType.S : AttributeType.N;
    }

    @Override
    public final AttributeValue toAttributeValue(T value) {
        return iso ? AttributeValue.createS(isoText(value)) : AttributeValue.createN(epochText(value));
    }

    @Override
    public final T fromAttributeValue(AttributeValue value) {
        if (iso) {
            String text = Expect.s(value);
            try {
                T parsed = parseFixed(text);
                return parsed != null ? parsed : parseStandard(text);
            } catch (DateTimeException e) {
                throw new ConversionException("Stored string '" + text + "' is not an ISO-8601 " + typeName, e);
            }
        }
        String text = Expect.n(value);
        long[] parts = EpochSeconds.parse(text);
        try {
            return fromEpoch(parts[0], (int) parts[1]);
        } catch (DateTimeException | ArithmeticException e) {
            throw new ConversionException("Stored number " + text + " is not a valid epoch value for " + typeName, e);
        }
    }
}
