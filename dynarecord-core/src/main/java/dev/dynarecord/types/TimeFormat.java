package dev.dynarecord.types;

/**
 * How a date or time field is stored. Chosen per field with {@code @Field(timeFormat = ...)}.
 */
public enum TimeFormat {
    /**
     * ISO-8601 text with a fixed number of fraction digits, so that stored values sort in time
     * order (for {@code Instant} and other UTC values): {@code 2026-11-21T10:15:30.123456789Z}.
     * The default.
     */
    ISO_8601,
    /**
     * A number of seconds since the epoch, with a decimal fraction for sub-second precision
     * ({@code 1795256130.5}); what DynamoDB's TTL expects. {@code LocalDate} stores epoch days,
     * local date-times are taken at UTC, and offsets or zones are not kept.
     */
    EPOCH_SECONDS
}
