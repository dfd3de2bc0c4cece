package dev.dynarecord.types;

/**
 * How a field asks to be converted, as declared by its {@code @Field} annotation.
 *
 * <pre>{@code
 * Converters.resolve(Instant.class, new ConverterOptions(false, TimeFormat.EPOCH_SECONDS));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param serialized store any value as JSON text (an S attribute) instead of its natural type
 * @param timeFormat how dates and times are stored; never {@code null}
 */
public record ConverterOptions(boolean serialized, TimeFormat timeFormat) {

    /** Not serialized, ISO-8601 times. */
    public static final ConverterOptions DEFAULT = new ConverterOptions(false, TimeFormat.ISO_8601);

    /**
     * Creates the options.
     *
     * @param serialized store any value as JSON text
     * @param timeFormat how dates and times are stored; {@code null} means ISO-8601
     */
    public ConverterOptions {
        if (timeFormat == null) {
            timeFormat = TimeFormat.ISO_8601;
        }
    }
}
