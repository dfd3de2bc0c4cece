package dev.dynarecord.internal.schema;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A model's Time to Live: the attribute of epoch seconds DynamoDB's TTL reads, and how long a new
 * record lives. An item has expired once that moment has passed; DynamoDB deletes it some time
 * later (typically within days), and until then Dynarecord's reads hide it (ADR 0022).
 *
 * @param attribute the TTL field, a number of epoch seconds
 * @param expiresIn how long a new record lives when its field is null on its first save, or null
 */
public record TimeToLive(AttributeSchema attribute, Duration expiresIn) {

    /** @return the attribute's name in DynamoDB */
    public String name() {
        return attribute.name();
    }

    /**
     * @param at a moment
     * @return it as DynamoDB compares TTL values: epoch seconds, with milliseconds as a fraction
     */
    public static BigDecimal epochSeconds(Instant at) {
        return BigDecimal.valueOf(at.toEpochMilli(), 3);
    }

    /**
     * Whether an item's TTL has passed: the filter {@code attribute_not_exists(#ttl) OR #ttl > :now}
     * on the client side. An item without the attribute, or with a value that is not a number (which
     * DynamoDB's TTL ignores too), has not expired.
     *
     * @param item the item as read
     * @param now the moment to compare with, as {@link #epochSeconds(Instant)} gives it
     * @return whether it has expired
     */
    public boolean expired(Map<String, AttributeValue> item, BigDecimal now) {
        return expired(item.get(attribute.name()), now);
    }

    /**
     * @param value a TTL attribute's value as read, or null
     * @param now the moment to compare with, as {@link #epochSeconds(Instant)} gives it
     * @return whether the moment it holds has passed; false when absent or not a number
     */
    public static boolean expired(AttributeValue value, BigDecimal now) {
        if (value == null || value.n() == null) {
            return false;
        }
        try {
            return new BigDecimal(value.n()).compareTo(now) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Sets the field of a new record that has none to {@code now + expiresIn}, in the field's type.
     *
     * @param record the record before its first save
     * @param now the time of the save
     * @return whether the field was set
     */
    public boolean applyExpiresIn(Object record, Instant now) {
        if (expiresIn == null || attribute.get(record) != null) {
            return false;
        }
        // Whole seconds, as stored: the record holds what a reload would give.
        Instant at = now.plus(expiresIn).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Class<?> type = attribute.javaType();
        Object value = type == Long.class ? Long.valueOf(at.getEpochSecond())
                : type == OffsetDateTime.class ? OffsetDateTime.ofInstant(at, ZoneOffset.UTC)
                : type == ZonedDateTime.class ? ZonedDateTime.ofInstant(at, ZoneOffset.UTC) : at;
        attribute.set(record, value);
        return true;
    }
}
