package dev.dynarecord.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@link Fault#UNPROCESSED}: a batch of which the real client handles a seeded share, the rest
 * coming back unprocessed as DynamoDB returns it.
 */
final class Unprocessed {

    private Unprocessed() {
    }

    /**
     * @param real the client that writes the chosen part
     * @param request the whole batch
     * @param random chooses the part
     * @return the real response, with the part not written added to its unprocessed items
     */
    static BatchWriteItemResponse write(DynamoDbClient real, BatchWriteItemRequest request, SplittableRandom random) {
        Split<WriteRequest> split = split(request.requestItems(), random);
        BatchWriteItemResponse sent = split.none() ? BatchWriteItemResponse.builder().build()
                : real.batchWriteItem(request.toBuilder().requestItems(split.sent()).build());
        return sent.toBuilder().unprocessedItems(merge(sent.unprocessedItems(), split.kept())).build();
    }

    /**
     * @param real the client that reads the chosen keys
     * @param request the whole batch
     * @param random chooses the keys
     * @return the items read, an entry (maybe empty) for every table asked for, and the keys not
     *     read added to the response's unprocessed keys
     */
    static BatchGetItemResponse get(DynamoDbClient real, BatchGetItemRequest request, SplittableRandom random) {
        Map<String, KeysAndAttributes> asked = request.requestItems();
        Map<String, List<Map<String, AttributeValue>>> keys = new LinkedHashMap<>();
        asked.forEach((table, k) -> keys.put(table, k.keys()));
        Split<Map<String, AttributeValue>> split = split(keys, random);
        BatchGetItemResponse read = split.none() ? BatchGetItemResponse.builder().build()
                : real.batchGetItem(request.toBuilder().requestItems(withKeys(asked, split.sent())).build());
        Map<String, List<Map<String, AttributeValue>>> items = new LinkedHashMap<>();
        asked.keySet().forEach(table -> items.put(table, read.responses().getOrDefault(table, List.of())));
        Map<String, List<Map<String, AttributeValue>>> notRead = new LinkedHashMap<>();
        read.unprocessedKeys().forEach((table, k) -> notRead.put(table, k.keys()));
        return read.toBuilder().responses(items).unprocessedKeys(withKeys(asked, merge(notRead, split.kept()))).build();
    }

    /** The part of a batch sent to the table and the part kept back, each by table in request order. */
    private record Split<T>(Map<String, List<T>> sent, Map<String, List<T>> kept) {
        /** @return whether nothing goes to the table (an empty batch still does: DynamoDB refuses it) */
        boolean none() {
            return sent.isEmpty() && !kept.isEmpty();
        }
    }

    /** Several elements: at least one sent and one kept; a single one: kept. */
    private static <T> Split<T> split(Map<String, List<T>> batch, SplittableRandom random) {
        int total = batch.values().stream().mapToInt(List::size).sum();
        boolean[] send = new boolean[total];
        int toSend = total < 2 ? 0 : 1 + random.nextInt(total - 1);
        for (int chosen = 0; chosen < toSend; ) {
            int i = random.nextInt(total);
            if (!send[i]) {
                send[i] = true;
                chosen++;
            }
        }
        Map<String, List<T>> sent = new LinkedHashMap<>();
        Map<String, List<T>> kept = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, List<T>> table : batch.entrySet()) {
            for (T element : table.getValue()) {
                (send[i++] ? sent : kept).computeIfAbsent(table.getKey(), t -> new ArrayList<>()).add(element);
            }
        }
        return new Split<>(sent, kept);
    }

    private static <T> Map<String, List<T>> merge(Map<String, List<T>> first, Map<String, List<T>> second) {
        Map<String, List<T>> merged = new LinkedHashMap<>();
        BiFunction<List<T>, List<T>, List<T>> join = (a, b) -> {
            List<T> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
        };
        first.forEach((table, list) -> merged.merge(table, list, join));
        second.forEach((table, list) -> merged.merge(table, list, join));
        return merged;
    }

    /** The request's settings for each table (projection, consistency), with other keys. */
    private static Map<String, KeysAndAttributes> withKeys(Map<String, KeysAndAttributes> asked,
            Map<String, List<Map<String, AttributeValue>>> keys) {
        Map<String, KeysAndAttributes> out = new LinkedHashMap<>();
        keys.forEach((table, k) -> out.put(table, asked.get(table).toBuilder().keys(k).build()));
        return out;
    }
}
