package dev.dynarecord.internal.state;

import dev.dynarecord.internal.dynamo.BatchGetOperation;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.schema.Partitions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads of a partitioned model's records by key (docs/partitioning.md): every copy of each key in
 * BatchGetItem requests of 100 (sent at once when there are several), and the newest copy of each, its hash key made plain again, so that
 * what the rest of Dynarecord loads is the record as an unpartitioned model stores it. Thread-safe.
 */
public final class PartitionReads {

    private PartitionReads() {
    }

    /**
     * @param state the session
     * @param schema a partitioned model's schema
     * @param table the full table name
     * @param key a record's key, with the plain hash key
     * @param consistent whether to read strongly consistently
     * @param what what is read, for messages
     * @return the newest copy, with the plain hash key; null when no copy exists
     */
    public static Map<String, AttributeValue> newest(SessionState state, ModelSchema<?> schema, String table,
            Map<String, AttributeValue> key, boolean consistent, String what) {
        return newestOfEach(state, schema, table, List.of(key), List.of(), consistent, what).get(
                schema.partitions().recordId(key));
    }

    /**
     * @param state the session
     * @param schema a partitioned model's schema
     * @param table the full table name
     * @param keys records' keys, with the plain hash key, each at most once
     * @param projection attributes to read, or empty for all (the lock version, the update timestamp and
     *     the key are read too: they choose the newest copy)
     * @param consistent whether to read strongly consistently
     * @param what what is read, for messages
     * @return by record id (the plain hash key's text), the newest copy with the plain hash key, in key order; ids
     *     without a copy are absent
     */
    public static Map<String, Map<String, AttributeValue>> newestOfEach(SessionState state, ModelSchema<?> schema,
            String table, Collection<Map<String, AttributeValue>> keys, Collection<String> projection, boolean consistent,
            String what) {
        Partitions partitions = schema.partitions();
        List<Map<String, AttributeValue>> copies = new ArrayList<>(keys.size() * partitions.count());
        for (Map<String, AttributeValue> key : keys) {
            copies.addAll(partitions.copies(key));
        }
        String lock = state.lockAttribute(schema);
        String updatedAt = schema.updatedAt().map(a -> a.name()).orElse(null);
        List<String> attributes = new ArrayList<>(projection);
        if (!attributes.isEmpty()) {
            for (String needed : new String[] {schema.hashKey().name(), lock, updatedAt}) {
                if (needed != null && !attributes.contains(needed)) {
                    attributes.add(needed);
                }
            }
        }
        List<Map<String, AttributeValue>> found = read(state, table, copies, attributes, consistent,
                what + " (" + partitions.count() + " copies each)");
        Map<String, List<Map<String, AttributeValue>>> byRecord = new HashMap<>();
        for (Map<String, AttributeValue> item : found) {
            byRecord.computeIfAbsent(partitions.recordId(item), id -> new ArrayList<>(2)).add(item);
        }
        Map<String, Map<String, AttributeValue>> newest = new LinkedHashMap<>();
        for (Map<String, AttributeValue> key : keys) {
            String id = partitions.recordId(key);
            List<Map<String, AttributeValue>> of = byRecord.get(id);
            if (of != null) {
                newest.put(id, partitions.plain(partitions.newest(of, lock, updatedAt)));
            }
        }
        return newest;
    }

    /** The items of these keys: one BatchGetItem of up to 100 keys, or several at once, on the session's executor. */
    private static List<Map<String, AttributeValue>> read(SessionState state, String table, List<Map<String, AttributeValue>> keys,
            List<String> attributes, boolean consistent, String what) {
        if (keys.size() <= BatchGetOperation.MAX_KEYS) {
            return BatchGetOperation.execute(state.gateway(), table, keys, attributes, consistent, what);
        }
        List<List<Map<String, AttributeValue>>> parts = new ArrayList<>();
        List<Runnable> tasks = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BatchGetOperation.MAX_KEYS) {
            List<Map<String, AttributeValue>> chunk = keys.subList(from, Math.min(keys.size(), from + BatchGetOperation.MAX_KEYS));
            List<Map<String, AttributeValue>> part = new ArrayList<>();
            parts.add(part);
            tasks.add(() -> part.addAll(BatchGetOperation.execute(state.gateway(), table, chunk, attributes, consistent, what)));
        }
        FanOut.runAll(state.executor(), tasks);
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        parts.forEach(found::addAll);
        return found;
    }
}
