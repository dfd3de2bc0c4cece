package dev.dynarecord.internal.persist;

import dev.dynarecord.Model;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.state.RecordState;
import dev.dynarecord.internal.state.SessionState;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item a new record's first write stores, shared by a save ({@link Persistence}) and an import
 * ({@link Imports}): the generated hash and range keys when they are null, createdAt and updatedAt,
 * the TTL field of {@code @Table(expiresIn)} when it is null, and the lock version 1. Preparing it sets those values on the record; {@link #undo()} gives them
 * back when nothing was written, and {@link #written()} makes the record persisted. When the
 * record's last write failed without an answer, the same key and timestamps are kept, so that the
 * same item is sent again. Not thread-safe: one record, one write.
 *
 * @param <T> the model type
 */
final class NewItem<T extends Model<?>> {

    private static final AttributeValue ONE = AttributeValue.fromN("1");

    private final SessionState session;
    private final ModelSchema<T> schema;
    private final T record;
    private final Object previousHash;
    private final Object previousRange;
    private final Object previousCreated;
    private final Object previousUpdated;
    private final Object previousExpiry;
    private final String lock;
    private Map<String, AttributeValue> item;
    private Map<String, AttributeValue> key;
    /** For a partitioned model, the copy written: its item and key; else the item and key themselves. */
    private Map<String, AttributeValue> storedItem;
    private Map<String, AttributeValue> storedKey;

    private NewItem(SessionState session, ModelSchema<T> schema, T record) {
        this.session = session;
        this.schema = schema;
        this.record = record;
        this.previousHash = schema.hashKey().get(record);
        this.previousRange = valueOf(schema.rangeKey().orElse(null), record);
        this.previousCreated = valueOf(schema.createdAt().orElse(null), record);
        this.previousUpdated = valueOf(schema.updatedAt().orElse(null), record);
        this.previousExpiry = schema.timeToLive().isPresent() ? schema.timeToLive().get().attribute().get(record) : null;
        this.lock = session.lockAttribute(schema);
    }

    private static Object valueOf(AttributeSchema attribute, Object record) {
        return attribute == null ? null : attribute.get(record);
    }

    private static void restore(AttributeSchema attribute, Object record, Object value) {
        if (attribute != null) {
            attribute.set(record, value);
        }
    }

    /**
     * Sets the generated values on the record and builds its item; on a failure (a conversion, a
     * key too long) the record's values are given back before the exception leaves.
     *
     * @param session the session's state
     * @param schema the record's schema
     * @param record a record not saved yet
     * @return the prepared item
     */
    static <T extends Model<?>> NewItem<T> prepare(SessionState session, ModelSchema<T> schema, T record) {
        if (schema.partitioned() && schema.hashKey().get(record) != null && !RecordState.of(record).outcomeUnknown()) {
            throw new InvalidKeyException(schema.modelName() + " is partitioned, so a new record's "
                    + schema.hashKey().fieldName() + " is generated: one conditional put can check that its key is free in"
                    + " one copy, not in all " + schema.partitions().count() + ". Leave " + schema.hashKey().fieldName()
                    + " null; nothing was written");
        }
        NewItem<T> created = new NewItem<>(session, schema, record);
        try {
            created.generate(RecordState.of(record).outcomeUnknown());
        } catch (RuntimeException e) {
            created.undo();
            throw e;
        }
        return created;
    }

    private void generate(boolean repeat) {
        AttributeSchema hash = schema.hashKey();
        if (previousHash == null && schema.generatesHashKey()) {
            UUID generated = UUID.randomUUID();
            hash.set(record, hash.javaType() == UUID.class ? generated : generated.toString());
        }
        if (previousRange == null && schema.generatesRangeKey()) {
            schema.rangeKey().orElseThrow().set(record, UUID.randomUUID().toString());
        }
        AttributeSchema created = schema.createdAt().orElse(null);
        AttributeSchema updated = schema.updatedAt().orElse(null);
        // the clock is read only for what needs it: timestamps, a TTL's expiresIn
        Instant now = created != null || updated != null || schema.timeToLive().isPresent() ? Instant.now() : null;
        if ((created != null || updated != null) && !repeat) {
            if (created != null && previousCreated == null) {
                created.set(record, now);
            }
            if (updated != null) {
                updated.set(record, now);
            }
        }
        // a repeat keeps the expiry of the first attempt: the field is no longer null
        schema.timeToLive().ifPresent(t -> t.applyExpiresIn(record, now));
        Map<String, AttributeValue> built = schema.toItem(record);
        key = schema.keyOfItem(built);
        if (lock != null) {
            // Also in the baseline, where it is harmless: changes are only looked for in declared attributes.
            built.put(lock, ONE);
        }
        item = built;
        if (schema.partitioned()) {
            int copy = schema.partitions().randomCopy();
            storedItem = schema.partitions().copy(built, copy);
            storedKey = schema.partitions().copy(key, copy);
        } else {
            storedItem = built;
            storedKey = key;
        }
    }

    /** @return the item as stored: for a partitioned model, the copy written, its hash key {@code <id>.<copy>} */
    Map<String, AttributeValue> storedItem() {
        return storedItem;
    }

    /** @return the key of {@link #storedItem()} */
    Map<String, AttributeValue> storedKey() {
        return storedKey;
    }

    /** @return the whole item, lock version included */
    Map<String, AttributeValue> item() {
        return item;
    }

    /** @return the item's key attributes */
    Map<String, AttributeValue> key() {
        return key;
    }

    /** The item was stored: the record is persisted, with its lock version and dirty-tracking baseline. */
    void written() {
        RecordState.of(record).lockVersion(lock != null ? 1 : 0);
        session.written(record, Map.of(), item, null, key);
    }

    /** Nothing was written: the record gets back the key, timestamps and expiry it had before {@link #prepare}. */
    void undo() {
        schema.hashKey().set(record, previousHash);
        restore(schema.rangeKey().orElse(null), record, previousRange);
        restore(schema.createdAt().orElse(null), record, previousCreated);
        restore(schema.updatedAt().orElse(null), record, previousUpdated);
        if (schema.timeToLive().isPresent()) {
            schema.timeToLive().get().attribute().set(record, previousExpiry);
        }
    }
}
