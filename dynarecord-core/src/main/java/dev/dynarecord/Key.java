package dev.dynarecord;

import java.util.Objects;
import java.util.Optional;

/**
 * A record's primary key: the hash key value and, for tables with one, the range key value.
 *
 * @param hash the hash (partition) key value
 * @param range the range (sort) key value, or null when the table has none
 */
public record Key(Object hash, Object range) {

    /**
     * @param hash the hash key value, not null
     * @param range the range key value, or null
     */
    public Key {
        Objects.requireNonNull(hash, "hash");
    }

    /**
     * @param hash the hash key value
     * @return a key without a range part
     */
    public static Key of(Object hash) {
        return new Key(hash, null);
    }

    /**
     * @param hash the hash key value
     * @param range the range key value
     * @return a key with both parts
     */
    public static Key of(Object hash, Object range) {
        return new Key(hash, Objects.requireNonNull(range, "range"));
    }

    /** @return the range key value, if any */
    public Optional<Object> rangeValue() {
        return Optional.ofNullable(range);
    }

    @Override
    public String toString() {
        return range == null ? "'" + hash + "'" : "'" + hash + "'/'" + range + "'";
    }
}
