package dev.dynarecord;

import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.ModelSchema;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One model's mapping between records and DynamoDB items, in one session, with nothing sent: for
 * code that reads or writes items itself (DynamoDB Streams images in a Lambda, the raw SDK client,
 * an export) and wants the records Dynarecord would have made of them. Get one from
 * {@link Session#mapper(Class)} or {@code User.find.mapper()}.
 *
 * <pre>{@code
 * ItemMapper<User> users = session.mapper(User.class);
 * Map<String, AttributeValue> item = users.toItem(user);      // the record as stored, for a raw PutItem
 * User loaded = users.fromItem(record.dynamodb().newImage());  // a Streams image, read as a find would
 * session.client().getItem(r -> r.tableName(users.tableName()).key(users.key(user)));
 * }</pre>
 *
 * <p>Immutable and thread-safe (the records are not).
 *
 * @param <T> the model type
 */
public final class ItemMapper<T extends Model<?>> {

    private final Class<T> type;
    private final Session session;
    private final ModelSchema<T> schema;
    /** The lock version attribute of this model in this session, or null without optimistic locking. */
    private final String lock;
    private final List<AttributeSchema> keys;

    /**
     * @throws ModelDefinitionException when the class is null or cannot be mapped
     */
    ItemMapper(Class<T> type, Session session) {
        if (type == null) {
            throw new ModelDefinitionException("mapper(null): pass the model class whose records to map, such as User.class");
        }
        this.type = type;
        this.session = Objects.requireNonNull(session, "session");
        this.schema = session.engine().state().schema(type);
        this.lock = session.engine().state().lockAttribute(schema);
        this.keys = schema.rangeKey().map(r -> List.of(schema.hashKey(), r)).orElse(List.of(schema.hashKey()));
    }

    /** @return the model class */
    public Class<T> type() {
        return type;
    }

    /** @return the model's full table name in this mapper's session (namespace and suffix applied) */
    public String tableName() {
        return session.tableName(type);
    }

    /**
     * The item that stores the record as it is now: every declared attribute that is not
     * {@code null}, the shard attribute of each sharded index, and the record's lock version when
     * the model is locked and the record has one (a record never saved has none, which reads back as
     * version 0). Nothing is generated, validated or sent: a new record's key must be set, and its
     * timestamps are left as they are. The map is new and mutable. For a partitioned model it has
     * the record's plain id, not a copy's {@code <id>.<copy>} (fromItem and keyOf take either).
     *
     * @param record the record
     * @return the item
     * @throws ConversionException when the record is null, or a field's value cannot be stored
     * @throws InvalidKeyException when a key part is missing, empty or too long
     */
    public Map<String, AttributeValue> toItem(T record) {
        checkRecord(record, "toItem");
        Map<String, AttributeValue> item = schema.toItem(record);
        for (AttributeSchema key : keys) {
            if (item.get(key.name()) == null) {
                throw new InvalidKeyException(schema.modelName() + "." + key.fieldName() + " (" + role(key) + ") is missing,"
                        + " so the item would have no key; set it first (toItem maps the record as it is: only a save"
                        + " generates keys)");
            }
        }
        schema.keyOfItem(item); // empty and oversized parts, refused as a save refuses them
        if (lock != null && record.lockVersion() > 0) {
            item.put(lock, AttributeValue.fromN(Long.toString(record.lockVersion())));
        }
        return item;
    }

    /**
     * The record of an item, exactly as the session makes it when it reads one: persisted, bound to
     * this mapper's session, nothing changed (dirty tracking starts from this item), its lock
     * version read, and its {@code after_find} and {@code after_initialize} callbacks run.
     * Attributes the model does not declare are ignored (and kept by a later save). The item must be
     * whole, as GetItem, Query, Scan or a Streams {@code NEW_IMAGE} / {@code OLD_IMAGE} give it.
     *
     * @param item the item
     * @return the record
     * @throws ConversionException when the item is null, or an attribute has a type its field cannot read
     * @throws InvalidKeyException when the item lacks a key attribute
     */
    public T fromItem(Map<String, AttributeValue> item) {
        if (item == null) {
            throw new ConversionException(schema.modelName() + ": fromItem was given null instead of an item; pass the"
                    + " attribute map of a GetItem, Query or Scan result or of a Streams image (a REMOVE event has no"
                    + " NEW_IMAGE: read its OLD_IMAGE, or its Keys with keyOf)");
        }
        checkItemKeys(item, "fromItem");
        return session.engine().state().load(schema, schema.partitioned() ? schema.partitions().plain(item) : item);
    }

    /**
     * The primary key of a record, from its key fields, as GetItem, DeleteItem or UpdateItem take it.
     *
     * @param record the record
     * @return the key attributes (an immutable map)
     * @throws ConversionException when the record is null
     * @throws InvalidKeyException when a key part is missing, empty or too long
     */
    public Map<String, AttributeValue> key(T record) {
        checkRecord(record, "key");
        return schema.keyOf(record);
    }

    /**
     * The primary key for key values, as {@code find.byKey(key)} reads it.
     *
     * @param key the hash key value and, for a composite key, the range key value
     * @return the key attributes (an immutable map)
     * @throws InvalidKeyException when the key is null, or a part is missing, empty, too long or not of this model
     * @throws ConversionException when a part has the wrong type
     */
    public Map<String, AttributeValue> key(Key key) {
        if (key == null) {
            throw new InvalidKeyException(schema.modelName() + ": key(Key) was given null; pass Key.of(hash)"
                    + (schema.rangeKey().isPresent() ? " with the range key, Key.of(hash, range)" : ""));
        }
        return schema.key(key.hash(), key.range());
    }

    /**
     * The key values of an item, converted to their fields' types: what a Streams record's
     * {@code Keys} (or any item) identifies, to pass to {@code find.byKey(...)}.
     *
     * @param item an item, or only its key attributes
     * @return the key
     * @throws InvalidKeyException when the item is null or lacks a key attribute
     * @throws ConversionException when a key attribute has a type its field cannot read
     */
    public Key keyOf(Map<String, AttributeValue> item) {
        if (item == null) {
            throw new InvalidKeyException(schema.modelName() + ": keyOf was given null instead of an item; pass an item"
                    + " or its key attributes " + schema.keyNames());
        }
        checkItemKeys(item, "keyOf");
        Map<String, AttributeValue> plain = schema.partitioned() ? schema.partitions().plain(item) : item;
        AttributeSchema hash = schema.hashKey();
        Object range = schema.rangeKey().map(r -> r.fromAttributeValue(item.get(r.name()))).orElse(null);
        return new Key(hash.fromAttributeValue(plain.get(hash.name())), range);
    }

    /**
     * Whether this model's records are made and its fields reached by the code
     * {@code dynarecord-processor} generated at compile time, rather than by method handles: true
     * when the processor ran on the model and every field it declares can be reached from its
     * package (a private field cannot). Both ways map alike; generated code needs no reflection.
     *
     * @return whether this model's field access is generated
     */
    public boolean generatedAccess() {
        return schema.generatedAccess();
    }

    @Override
    public String toString() {
        return "ItemMapper{" + schema.modelName() + " -> " + tableName() + (generatedAccess() ? ", generated access" : "") + "}";
    }

    private void checkRecord(Object record, String method) {
        if (record == null) {
            throw new ConversionException(schema.modelName() + ": " + method + " was given null instead of a record;"
                    + " pass a " + schema.modelName());
        }
        if (!type.isInstance(record)) { // only through raw types
            throw new ConversionException(schema.modelName() + ": " + method + " was given a "
                    + record.getClass().getName() + "; this mapper maps " + type.getName() + " only (session.mapper("
                    + record.getClass().getSimpleName() + ".class) maps that one)");
        }
    }

    private void checkItemKeys(Map<String, AttributeValue> item, String method) {
        for (AttributeSchema key : keys) {
            AttributeValue v = item.get(key.name());
            if (v == null || Boolean.TRUE.equals(v.nul())) {
                String wanted = method.equals("keyOf") ? "pass an item, or its key attributes " + schema.keyNames()
                        + " as a Streams record's Keys hold them" : "pass a whole item, as GetItem, Query, Scan or a Streams"
                        + " NEW_IMAGE / OLD_IMAGE give it";
                throw new InvalidKeyException(schema.modelName() + ": the item given to " + method + " has no '" + key.name()
                        + "' (" + role(key) + "), so it is not an item of table " + tableName() + "; " + wanted
                        + " (its attributes: " + new TreeSet<>(item.keySet()) + ")");
            }
        }
    }

    private String role(AttributeSchema key) {
        return key == schema.hashKey() ? "hash key" : "range key";
    }
}
