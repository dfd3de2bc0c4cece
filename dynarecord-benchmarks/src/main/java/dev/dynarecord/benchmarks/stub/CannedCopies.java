package dev.dynarecord.benchmarks.stub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The BatchGetItem answer of {@link StubDynamoDbClient#cannedCopies}: every key asked gets a copy
 * of one record's item, stored under that key's hash value, its lock version one more than the
 * copy number the key ends in ({@code <id>.<n>} has version {@code n + 1}), as a hot partitioned
 * record has once every copy was written in turn. The answer to a chunk of keys is built the first
 * time it is asked and kept, by its first key's hash value (the same first key, the same chunk: a
 * partitioned read asks for the copies in copy order), so that a benchmark measures the reader,
 * not the stub. Thread-safe.
 */
final class CannedCopies {

    private final String table;
    private final Map<String, AttributeValue> item;
    private final String hashName;
    private final String lockName;
    private final Map<AttributeValue, BatchGetItemResponse> byFirstKey = new ConcurrentHashMap<>();

    CannedCopies(String table, Map<String, AttributeValue> item, String hashName, String lockName) {
        this.table = table;
        this.item = Map.copyOf(item);
        this.hashName = hashName;
        this.lockName = lockName;
    }

    BatchGetItemResponse answer(BatchGetItemRequest request) {
        KeysAndAttributes asked = request.requestItems().get(table);
        if (asked == null || !asked.hasKeys() || asked.keys().isEmpty()) {
            throw new IllegalArgumentException("the canned copies are of table " + table + ", but BatchGetItem asked "
                    + request.requestItems().keySet());
        }
        AttributeValue first = asked.keys().get(0).get(hashName);
        BatchGetItemResponse answer = byFirstKey.get(first);
        return answer != null ? answer : byFirstKey.computeIfAbsent(first, k -> build(asked.keys()));
    }

    private BatchGetItemResponse build(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> copies = new ArrayList<>(keys.size());
        for (Map<String, AttributeValue> key : keys) {
            String hash = key.get(hashName).s();
            long copy = Long.parseLong(hash.substring(hash.lastIndexOf('.') + 1));
            Map<String, AttributeValue> stored = new HashMap<>(item);
            stored.put(hashName, AttributeValue.fromS(hash));
            stored.put(lockName, AttributeValue.fromN(Long.toString(copy + 1)));
            copies.add(stored);
        }
        return BatchGetItemResponse.builder().responses(Map.of(table, List.copyOf(copies))).unprocessedKeys(Map.of()).build();
    }
}
