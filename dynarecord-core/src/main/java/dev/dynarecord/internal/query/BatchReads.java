package dev.dynarecord.internal.query;

import dev.dynarecord.Key;
import dev.dynarecord.Model;
import dev.dynarecord.ReadOptions;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.internal.dynamo.BatchGetOperation;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.state.PartitionReads;
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
 * in the order their keys were given. Thread-safe.
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
    public static <T extends Model<?>> Map<Key, T> byKeys(SessionState state, Class<T> type, Collection<Key> keys,
            List<String> projection, ReadOptions options) {
        Read<T> read = read(state, type, keys, projection, options);
        if (read.keys.isEmpty()) {
            return Map.of();
        }
        Map<Key, T> found = new LinkedHashMap<>(capacity(read.found));
        for (int i = 0; i < read.records.length; i++) {
            if (read.records[i] != null) {
                found.put(read.keys.get(i), read.records[i]);
            }
        }
        return found;
    }

    /**
     * As {@link #byKeys}, the records alone: no map of them is built.
     *
     * @return the records found, in the order of their keys (the first of equal keys)
     */
    public static <T extends Model<?>> List<T> records(SessionState state, Class<T> type, Collection<Key> keys,
            List<String> projection, ReadOptions options) {
        Read<T> read = read(state, type, keys, projection, options);
        List<T> found = new ArrayList<>(read.found);
        for (T record : read.records) {
            if (record != null) {
                found.add(record);
            }
        }
        return found;
    }

    /** What a read found: the distinct keys in input order, and at each one's position its record or null. */
    private record Read<T>(List<Key> keys, T[] records, int found) {
    }

    private static <T extends Model<?>> Read<T> read(SessionState state, Class<T> type, Collection<Key> keys,
            List<String> projection, ReadOptions options) {
        ModelSchema<T> schema = state.schema(type);
        if (keys == null) {
            throw new InvalidKeyException(schema.modelName() + ": byKeys(null); pass a collection of keys");
        }
        // By key identity (schema.keyIdentity), not by the key maps, whose AttributeValues are slow to hash and compare;
        // one map from identity to the key's position serves both to collapse duplicates and to place the items read.
        Map<Object, Integer> positions = new HashMap<>(capacity(keys.size()));
        List<Key> distinct = new ArrayList<>(keys.size());
        List<Map<String, AttributeValue>> asked = new ArrayList<>(keys.size());
        int position = 0;
        for (Key key : keys) {
            if (key == null) {
                throw new InvalidKeyException(schema.modelName() + ": key #" + position + " of " + keys.size()
                        + " is null; nothing was read. Pass only keys");
            }
            Map<String, AttributeValue> itemKey = schema.key(key.hash(), key.range());
            if (positions.putIfAbsent(schema.keyIdentity(itemKey), distinct.size()) == null) {
                distinct.add(key);
                asked.add(itemKey);
            }
            position++;
        }
        @SuppressWarnings("unchecked")
        T[] records = (T[]) new Model<?>[distinct.size()];
        if (distinct.isEmpty()) {
            return new Read<>(distinct, records, 0);
        }
        String table = state.ready(schema);
        boolean hide = !options.includesExpired() && schema.timeToLive().isPresent();
        List<String> attributes = projection.isEmpty() ? List.of() : schema.withDiscriminator(withKeys(schema, projection, hide));
        String what = "reading " + distinct.size() + " " + schema.modelName() + " records by key";
        Collection<Map<String, AttributeValue>> items = schema.partitioned()
                ? PartitionReads.newestOfEach(state, schema, table, asked, attributes, options.consistentRead(), what).values()
                : BatchGetOperation.execute(state.gateway(), table, asked, attributes, options.consistentRead(), what);
        int found = 0;
        for (Map<String, AttributeValue> item : items) {
            if (hide && schema.expired(item) || !schema.admits(item)) {
                continue;
            }
            T record = state.load(schema, item, !attributes.isEmpty());
            Integer at = positions.get(schema.keyIdentity(item));
            if (at != null) {
                found += records[at] == null ? 1 : 0;
                records[at] = record;
            }
        }
        if (options.requireAll() && found < distinct.size()) {
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < records.length && missing.size() < MISSING_SHOWN; i++) {
                if (records[i] == null) {
                    missing.add(Records.keyText(distinct.get(i).hash(), distinct.get(i).range()));
                }
            }
            int absent = distinct.size() - found;
            throw new RecordNotFoundException(absent + " of " + distinct.size() + " " + schema.modelName() + " keys have no"
                    + " item in table " + table + ": " + String.join(", ", missing) + (absent > missing.size() ? ", ..." : "")
                    + (hide ? " (an item whose TTL has passed counts as absent)" : "")
                    + "; drop strict() to get the records that exist");
        }
        return new Read<>(distinct, records, found);
    }

    /** @return a HashMap capacity that holds {@code n} entries without resizing */
    private static int capacity(int n) {
        return (int) (n / 0.75f) + 1;
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
