package dev.dynarecord.internal.dynamo;

import dev.dynarecord.spi.ObservedRequest;
import dev.dynarecord.spi.ObservedResult;
import dev.dynarecord.spi.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What observers are told about a request and its response, read from the SDK's objects: tables,
 * index, batch sizes, counts and consumed capacity. Never an item's values.
 */
final class RequestFacts {

    private RequestFacts() {
    }

    /** @return the request asking for its consumed capacity, unless it asks already or cannot */
    @SuppressWarnings("unchecked")
    static <Q extends DynamoDbRequest> Q withCapacity(Q request) {
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        DynamoDbRequest r = request;
        if (r instanceof PutItemRequest p && p.returnConsumedCapacity() == null) {
            r = p.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof UpdateItemRequest u && u.returnConsumedCapacity() == null) {
            r = u.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof DeleteItemRequest d && d.returnConsumedCapacity() == null) {
            r = d.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof GetItemRequest g && g.returnConsumedCapacity() == null) {
            r = g.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof QueryRequest q && q.returnConsumedCapacity() == null) {
            r = q.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof ScanRequest s && s.returnConsumedCapacity() == null) {
            r = s.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof BatchGetItemRequest b && b.returnConsumedCapacity() == null) {
            r = b.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof BatchWriteItemRequest b && b.returnConsumedCapacity() == null) {
            r = b.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof TransactGetItemsRequest t && t.returnConsumedCapacity() == null) {
            r = t.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof TransactWriteItemsRequest t && t.returnConsumedCapacity() == null) {
            r = t.toBuilder().returnConsumedCapacity(total).build();
        }
        return (Q) r;
    }

    static ObservedRequest request(String operation, DynamoDbRequest r) {
        Map<String, Integer> batch = Map.of();
        List<String> tables;
        String index = null;
        if (r instanceof PutItemRequest p) {
            tables = List.of(p.tableName());
        } else if (r instanceof UpdateItemRequest u) {
            tables = List.of(u.tableName());
        } else if (r instanceof DeleteItemRequest d) {
            tables = List.of(d.tableName());
        } else if (r instanceof GetItemRequest g) {
            tables = List.of(g.tableName());
        } else if (r instanceof QueryRequest q) {
            tables = List.of(q.tableName());
            index = q.indexName();
        } else if (r instanceof ScanRequest s) {
            tables = List.of(s.tableName());
            index = s.indexName();
        } else if (r instanceof BatchGetItemRequest b) {
            batch = new LinkedHashMap<>();
            for (var e : b.requestItems().entrySet()) {
                batch.put(e.getKey(), e.getValue().keys().size());
            }
            tables = List.copyOf(batch.keySet());
        } else if (r instanceof BatchWriteItemRequest b) {
            batch = new LinkedHashMap<>();
            for (var e : b.requestItems().entrySet()) {
                batch.put(e.getKey(), e.getValue().size());
            }
            tables = List.copyOf(batch.keySet());
        } else if (r instanceof TransactGetItemsRequest t) {
            batch = new LinkedHashMap<>();
            for (TransactGetItem i : t.transactItems()) {
                batch.merge(i.get().tableName(), 1, Integer::sum);
            }
            tables = List.copyOf(batch.keySet());
        } else if (r instanceof TransactWriteItemsRequest t) {
            batch = new LinkedHashMap<>();
            for (TransactWriteItem i : t.transactItems()) {
                batch.merge(table(i), 1, Integer::sum);
            }
            tables = List.copyOf(batch.keySet());
        } else {
            tables = controlPlaneTable(r);
        }
        return new ObservedRequest(operation, tables, index, batch, r);
    }

    static ObservedResult result(long nanos, DynamoDbResponse response) {
        List<ConsumedCapacity> capacity = List.of();
        int items = 0;
        int scanned = -1;
        Map<String, Integer> unprocessed = Map.of();
        if (response instanceof PutItemResponse p) {
            capacity = one(p.consumedCapacity());
        } else if (response instanceof UpdateItemResponse u) {
            capacity = one(u.consumedCapacity());
        } else if (response instanceof DeleteItemResponse d) {
            capacity = one(d.consumedCapacity());
        } else if (response instanceof GetItemResponse g) {
            capacity = one(g.consumedCapacity());
            items = g.hasItem() ? 1 : 0;
        } else if (response instanceof QueryResponse q) {
            capacity = one(q.consumedCapacity());
            items = q.count() == null ? 0 : q.count();
            scanned = q.scannedCount() == null ? items : q.scannedCount();
        } else if (response instanceof ScanResponse s) {
            capacity = one(s.consumedCapacity());
            items = s.count() == null ? 0 : s.count();
            scanned = s.scannedCount() == null ? items : s.scannedCount();
        } else if (response instanceof BatchGetItemResponse b) {
            capacity = b.hasConsumedCapacity() ? b.consumedCapacity() : List.of();
            for (var found : b.responses().values()) {
                items += found.size();
            }
            if (b.hasUnprocessedKeys() && !b.unprocessedKeys().isEmpty()) {
                unprocessed = new LinkedHashMap<>();
                for (var e : b.unprocessedKeys().entrySet()) {
                    unprocessed.put(e.getKey(), e.getValue().keys().size());
                }
            }
        } else if (response instanceof BatchWriteItemResponse b) {
            capacity = b.hasConsumedCapacity() ? b.consumedCapacity() : List.of();
            if (b.hasUnprocessedItems() && !b.unprocessedItems().isEmpty()) {
                unprocessed = new LinkedHashMap<>();
                for (Map.Entry<String, List<WriteRequest>> e : b.unprocessedItems().entrySet()) {
                    unprocessed.put(e.getKey(), e.getValue().size());
                }
            }
        } else if (response instanceof TransactGetItemsResponse t) {
            capacity = t.hasConsumedCapacity() ? t.consumedCapacity() : List.of();
            for (var found : t.responses()) {
                items += found.hasItem() ? 1 : 0;
            }
        } else if (response instanceof TransactWriteItemsResponse t) {
            capacity = t.hasConsumedCapacity() ? t.consumedCapacity() : List.of();
        }
        return new ObservedResult(Outcome.SUCCESS, nanos, response, null, capacity, items, scanned, unprocessed);
    }

    static ObservedResult failure(long nanos, RuntimeException failure) {
        return new ObservedResult(Outcome.of(failure), nanos, null, failure, List.of(), 0, -1, Map.of());
    }

    private static List<ConsumedCapacity> one(ConsumedCapacity c) {
        return c == null ? List.of() : List.of(c);
    }

    private static String table(TransactWriteItem i) {
        if (i.put() != null) {
            return i.put().tableName();
        }
        if (i.update() != null) {
            return i.update().tableName();
        }
        if (i.delete() != null) {
            return i.delete().tableName();
        }
        return i.conditionCheck().tableName();
    }

    private static List<String> controlPlaneTable(DynamoDbRequest r) {
        List<String> out = new ArrayList<>(1);
        if (r instanceof CreateTableRequest c) {
            out.add(c.tableName());
        } else if (r instanceof DescribeTableRequest d) {
            out.add(d.tableName());
        } else if (r instanceof DeleteTableRequest d) {
            out.add(d.tableName());
        } else if (r instanceof UpdateTableRequest u) {
            out.add(u.tableName());
        } else if (r instanceof DescribeTimeToLiveRequest d) {
            out.add(d.tableName());
        } else if (r instanceof UpdateTimeToLiveRequest u) {
            out.add(u.tableName());
        } else if (r instanceof DescribeContinuousBackupsRequest d) {
            out.add(d.tableName());
        } else if (r instanceof UpdateContinuousBackupsRequest u) {
            out.add(u.tableName());
        }
        return List.copyOf(out);
    }
}
