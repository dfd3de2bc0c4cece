package dev.dynarecord.internal.query;

import dev.dynarecord.Key;
import dev.dynarecord.Model;
import dev.dynarecord.ReadOptions;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.internal.dynamo.BatchGetOperation;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.state.Records;
import dev.dynarecord.internal.state.SessionState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads many records by key: every key checked and converted before any request, duplicates
 * collapsed, BatchGetItem 100 keys at a time (unprocessed keys retried), and the records returned
 * in the order their keys were given; an item whose TTL has passed is left out unless the options
 * include expired items. Thread-safe.
 */
public final class BatchReads {

    private static final int MISSING_SHOWN = 10;

    private BatchReads() {
    }

    /**
     * @param <T> the model type
     * @param state the session
     * @param type the model
     * @param keys the keys, in the order the records are wanted
     * @param projection the attributes to read, or empty for all; the records are then partial
     * @param options consistency; whether a key without an item is an error ({@code strict}); whether an
     *     item whose TTL has passed is returned, else treated as absent
     * @return the records found, by the key given (the first of equal keys), in input order
     * @throws InvalidKeyException when a key is null or cannot be converted; nothing is sent
     * @throws RecordNotFoundException when {@code strict} and some keys have no item, naming them
     */
    public static <T extends Model<T>> Map<Key, T> byKeys(SessionState state, Class<T> type, Collection<Key> keys,
            List<String> projection, ReadOptions options) {
        ModelSchema<T> schema = state.schema(type);
        if (keys == null) {
            throw new InvalidKeyException(schema.modelName() + ": byKeys(null); pass a collection of keys");
        }
        // By key identity (schema.keyIdentity), not by the key maps, whose AttributeValues are slow to hash and compare.
        Map<Object, Key> wanted = new LinkedHashMap<>(keys.size() * 2);
        List<Map<String, AttributeValue>> asked = new ArrayList<>(keys.size());
        int position = 0;
        for (Key key : keys) {
            if (key == null) {
                throw new InvalidKeyException(schema.modelName() + ": key #" + position + " of " + keys.size()
                        + " is null; nothing was read. Pass only keys");
            }
            Map<String, AttributeValue> itemKey = schema.key(key.hash(), key.range());
            if (wanted.putIfAbsent(schema.keyIdentity(itemKey), key) == null) {
                asked.add(itemKey);
            }
            position++;
        }
        if (wanted.isEmpty()) {
            return Map.of();
        }
        String table = state.ready(schema);
        boolean hide = !options.includesExpired() && schema.timeToLive().isPresent();
        List<String> attributes = projection.isEmpty() ? List.of() : withKeys(schema, projection, hide);
        List<Map<String, AttributeValue>> items = BatchGetOperation.execute(state.gateway(), table, asked,
                attributes, options.consistentRead(), "reading " + wanted.size() + " " + schema.modelName() + " records by key");
        Map<Object, T> read = new HashMap<>(items.size() * 2);
        for (Map<String, AttributeValue> item : items) {
            if (!hide || !schema.expired(item)) {
                read.put(schema.keyIdentity(item), state.load(schema, item, !attributes.isEmpty()));
            }
        }
        Map<Key, T> found = new LinkedHashMap<>(read.size() * 2);
        List<String> missing = new ArrayList<>();
        wanted.forEach((identity, key) -> {
            T record = read.get(identity);
            if (record != null) {
                found.put(key, record);
            } else if (missing.size() < MISSING_SHOWN) {
                missing.add(Records.keyText(key.hash(), key.range()));
            }
        });
        if (options.requireAll() && found.size() < wanted.size()) {
            int absent = wanted.size() - found.size();
            throw new RecordNotFoundException(absent + " of " + wanted.size() + " " + schema.modelName() + " keys have no item"
                    + " in table " + table + ": " + String.join(", ", missing) + (absent > missing.size() ? ", ..." : "")
                    + (hide ? " (an item whose TTL has passed counts as absent)" : "")
                    + "; drop strict() to get the records that exist");
        }
        return found;
    }

    /** The projected attributes and the key's, which tell the items apart, and the TTL attribute when it is checked. */
    private static List<String> withKeys(ModelSchema<?> schema, List<String> projection, boolean ttl) {
        List<String> names = new ArrayList<>(projection.size() + 3);
        names.add(schema.hashKey().name());
        schema.rangeKey().ifPresent(r -> names.add(r.name()));
        projection.stream().filter(n -> !names.contains(n)).forEach(names::add);
        if (ttl) {
            schema.timeToLive().map(t -> t.name()).filter(n -> !names.contains(n)).ifPresent(names::add);
        }
        return names;
    }
}
