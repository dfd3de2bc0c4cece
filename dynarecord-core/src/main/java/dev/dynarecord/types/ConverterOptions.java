package dev.dynarecord.types;

/** TEMPORARY stub, replaced by the types branch. */
public record ConverterOptions(boolean serialized, TimeFormat timeFormat) {
    /** Defaults. */
    public static final ConverterOptions DEFAULT = new ConverterOptions(false, TimeFormat.ISO_8601);
}
