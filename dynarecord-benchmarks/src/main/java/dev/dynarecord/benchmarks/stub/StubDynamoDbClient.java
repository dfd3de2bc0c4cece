package dev.dynarecord.benchmarks.stub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A {@link DynamoDbClient} that answers from canned responses, so a benchmark measures mapping
 * and request building only. PutItem returns an empty response and keeps the last request (one
 * field, no growing list); GetItem returns the item set with {@link #cannedItem(Map)}; Query returns
 * one page set with {@link #cannedPage(List)}. BatchWriteItem answers that every write was processed
 * (an empty {@code UnprocessedItems}, as DynamoDB does); BatchGetItem answers with the items set
 * with {@link #cannedBatchGet(String, List)} and no unprocessed keys, one response built once, so
 * a benchmark checks once, with {@link #recordBatchGets()}, that it asks for exactly their keys;
 * or, once {@link #cannedCopies} is set, with the copies of a partitioned record that it is asked
 * for. UpdateItem, like PutItem, answers an empty response and keeps the last request.
 * {@link #countRequests()} counts the requests by operation, for a check before measuring.
 * Every other operation throws {@link UnsupportedOperationException} (the interface's default
 * methods do).
 *
 * <p>Not thread-safe beyond what JMH's single-threaded runs need: {@code lastPut} is a plain field.
 */
public final class StubDynamoDbClient implements DynamoDbClient {

    private static final PutItemResponse EMPTY_PUT = PutItemResponse.builder().build();
    private static final UpdateItemResponse EMPTY_UPDATE = UpdateItemResponse.builder().build();
    private static final BatchWriteItemResponse ALL_WRITTEN = BatchWriteItemResponse.builder().unprocessedItems(Map.of()).build();

    private volatile GetItemResponse getResponse = GetItemResponse.builder().build();
    private volatile QueryResponse queryResponse = QueryResponse.builder().items(List.of()).count(0).build();
    private volatile BatchGetItemResponse batchGetResponse = BatchGetItemResponse.builder().responses(Map.of())
            .unprocessedKeys(Map.of()).build();
    private volatile CannedCopies copies;
    private PutItemRequest lastPut;
    private UpdateItemRequest lastUpdate;
    private Map<String, Integer> counted;
    private GetItemRequest lastGet;
    private List<BatchWriteItemRequest> batchWrites;
    private List<BatchGetItemRequest> batchGets;

    /** An empty stub: GetItem finds nothing until an item is set. */
    public StubDynamoDbClient() {
    }

    /**
     * @param item what GetItem returns from now on (built once, here)
     * @return this stub
     */
    public StubDynamoDbClient cannedItem(Map<String, AttributeValue> item) {
        this.getResponse = GetItemResponse.builder().item(item).build();
        return this;
    }

    /**
     * @param items what Query returns from now on, as one last page
     * @return this stub
     */
    public StubDynamoDbClient cannedPage(List<Map<String, AttributeValue>> items) {
        this.queryResponse = QueryResponse.builder().items(items).count(items.size()).scannedCount(items.size()).build();
        return this;
    }

    /**
     * @param table the table BatchGetItem is asked about
     * @param items what BatchGetItem returns for it from now on, whatever keys are asked (built once, here)
     * @return this stub
     */
    public StubDynamoDbClient cannedBatchGet(String table, List<Map<String, AttributeValue>> items) {
        this.batchGetResponse = BatchGetItemResponse.builder().responses(Map.of(table, items)).unprocessedKeys(Map.of()).build();
        return this;
    }

    /**
     * Makes BatchGetItem answer every key it is asked with a copy of a partitioned record (from now on,
     * instead of {@link #cannedBatchGet}): the item under the key's hash value {@code <id>.<n>}, with
     * the lock version {@code n + 1}, so that the newest of N copies is the last, with version N. Each
     * chunk's answer is built once, the first time it is asked.
     *
     * @param table the table BatchGetItem is asked about
     * @param item the record's item (its hash key and lock version are replaced in each copy)
     * @param hashName the hash key attribute
     * @param lockName the lock version attribute
     * @return this stub
     */
    public StubDynamoDbClient cannedCopies(String table, Map<String, AttributeValue> item, String hashName, String lockName) {
        this.copies = new CannedCopies(table, item, hashName, lockName);
        return this;
    }

    /**
     * Counts every request by operation ({@code "GetItem"}, {@code "BatchGetItem"}, ...) from now on,
     * for a check before measuring, as {@link #recordBatchWrites()}.
     *
     * @return the counts, by operation
     */
    public Map<String, Integer> countRequests() {
        counted = new HashMap<>();
        return counted;
    }

    /**
     * Keeps every BatchWriteItem request from now on, for a check before measuring (never while
     * measuring: the list grows).
     *
     * @return the list the requests go to
     */
    public List<BatchWriteItemRequest> recordBatchWrites() {
        batchWrites = new ArrayList<>();
        return batchWrites;
    }

    /**
     * Keeps every BatchGetItem request from now on, as {@link #recordBatchWrites()}.
     *
     * @return the list the requests go to
     */
    public List<BatchGetItemRequest> recordBatchGets() {
        batchGets = new ArrayList<>();
        return batchGets;
    }

    /** Stops keeping the batch requests and counting requests. */
    public void stopRecording() {
        batchWrites = null;
        batchGets = null;
        counted = null;
    }

    private void count(String operation) {
        if (counted != null) {
            counted.merge(operation, 1, Integer::sum);
        }
    }

    /** @return the last PutItem request received, or null */
    public PutItemRequest lastPut() {
        return lastPut;
    }

    /** @return the last UpdateItem request received, or null */
    public UpdateItemRequest lastUpdate() {
        return lastUpdate;
    }

    /** @return the last GetItem request received, or null */
    public GetItemRequest lastGet() {
        return lastGet;
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        lastPut = request;
        count("PutItem");
        return EMPTY_PUT;
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        lastUpdate = request;
        count("UpdateItem");
        return EMPTY_UPDATE;
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        lastGet = request;
        count("GetItem");
        return getResponse;
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        if (batchWrites != null) {
            batchWrites.add(request);
        }
        count("BatchWriteItem");
        return ALL_WRITTEN;
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        if (batchGets != null) {
            batchGets.add(request);
        }
        count("BatchGetItem");
        CannedCopies answer = copies;
        return answer != null ? answer.answer(request) : batchGetResponse;
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        count("Query");
        return queryResponse;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
