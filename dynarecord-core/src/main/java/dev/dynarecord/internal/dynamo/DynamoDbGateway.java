package dev.dynarecord.internal.dynamo;

import dev.dynarecord.config.RetryPolicy;
import dev.dynarecord.exception.SessionClosedException;
import dev.dynarecord.spi.ObservedRequest;
import dev.dynarecord.spi.RequestListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;

/**
 * The adapter layer: the only class that calls the SDK client. Every request passes through here,
 * so listeners hear each one and every SDK exception is translated in one place. Thread-safe.
 */
public final class DynamoDbGateway {

    private final DynamoDbClient client;
    private final List<RequestListener> listeners;
    private final RetryPolicy retries;
    private final Observers observers;
    /** Why nothing more may be sent (the session was closed), or null while open. */
    private volatile String closed;

    /**
     * @param client the SDK client
     * @param listeners listeners to call before each request
     */
    public DynamoDbGateway(DynamoDbClient client, List<RequestListener> listeners) {
        this(client, listeners, RetryPolicy.DEFAULT);
    }

    /**
     * @param client the SDK client
     * @param listeners listeners to call before each request
     * @param retries how batch requests retry unprocessed and throttled work
     */
    public DynamoDbGateway(DynamoDbClient client, List<RequestListener> listeners, RetryPolicy retries) {
        this(client, listeners, retries, new Observers(List.of(), null));
    }

    /**
     * @param client the SDK client
     * @param listeners listeners to call before each request
     * @param retries how batch requests retry unprocessed and throttled work
     * @param observers what watches each request and model operation
     */
    public DynamoDbGateway(DynamoDbClient client, List<RequestListener> listeners, RetryPolicy retries, Observers observers) {
        this.client = client;
        this.listeners = new CopyOnWriteArrayList<>(listeners);
        this.retries = retries;
        this.observers = observers;
    }

    /** @return what watches each request and model operation */
    public Observers observers() {
        return observers;
    }

    /** @return how batch requests retry unprocessed and throttled work */
    public RetryPolicy retries() {
        return retries;
    }

    /** @return the SDK client, for callers that need the raw escape hatch */
    public DynamoDbClient client() {
        return client;
    }

    /**
     * Refuses every request from now on.
     *
     * @param reason what the refusal says: which session was closed, and what to do instead
     */
    public void close(String reason) {
        this.closed = reason;
    }

    /** @param listener a listener to add */
    public void addListener(RequestListener listener) {
        listeners.add(listener);
    }

    /** @param listener a listener to remove */
    public void removeListener(RequestListener listener) {
        listeners.remove(listener);
    }

    /** @param r request @param c context @return response */
    public PutItemResponse putItem(PutItemRequest r, CallContext c) {
        return send(r, client::putItem, "PutItem", c);
    }

    /** @param r request @param c context @return response */
    public UpdateItemResponse updateItem(UpdateItemRequest r, CallContext c) {
        return send(r, client::updateItem, "UpdateItem", c);
    }

    /** @param r request @param c context @return response */
    public GetItemResponse getItem(GetItemRequest r, CallContext c) {
        return send(r, client::getItem, "GetItem", c);
    }

    /** @param r request @param c context @return response */
    public DeleteItemResponse deleteItem(DeleteItemRequest r, CallContext c) {
        return send(r, client::deleteItem, "DeleteItem", c);
    }

    /** @param r request @param c context @return response */
    public QueryResponse query(QueryRequest r, CallContext c) {
        return send(r, client::query, "Query", c);
    }

    /** @param r request @param c context @return response */
    public ScanResponse scan(ScanRequest r, CallContext c) {
        return send(r, client::scan, "Scan", c);
    }

    /** @param r request @param c context @return response */
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest r, CallContext c) {
        return send(r, client::batchGetItem, "BatchGetItem", c);
    }

    /** @param r request @param c context @return response */
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest r, CallContext c) {
        return send(r, client::batchWriteItem, "BatchWriteItem", c);
    }

    /** @param r request @param c context @return response */
    public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest r, CallContext c) {
        return send(r, client::transactGetItems, "TransactGetItems", c);
    }

    /** @param r request @param c context @return response */
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r, CallContext c) {
        return send(r, client::transactWriteItems, "TransactWriteItems", c);
    }

    /** @param r request @param c context @return response */
    public CreateTableResponse createTable(CreateTableRequest r, CallContext c) {
        return send(r, client::createTable, "CreateTable", c);
    }

    /** @param r request @param c context @return response */
    public DescribeTableResponse describeTable(DescribeTableRequest r, CallContext c) {
        return send(r, client::describeTable, "DescribeTable", c);
    }

    /** @param r request @param c context @return response */
    public DeleteTableResponse deleteTable(DeleteTableRequest r, CallContext c) {
        return send(r, client::deleteTable, "DeleteTable", c);
    }

    /** @param r request @param c context @return response */
    public UpdateTableResponse updateTable(UpdateTableRequest r, CallContext c) {
        return send(r, client::updateTable, "UpdateTable", c);
    }

    /** @param r request @param c context @return response */
    public ListTablesResponse listTables(ListTablesRequest r, CallContext c) {
        return send(r, client::listTables, "ListTables", c);
    }

    /** @param r request @param c context @return response */
    public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest r, CallContext c) {
        return send(r, client::describeTimeToLive, "DescribeTimeToLive", c);
    }

    /** @param r request @param c context @return response */
    public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest r, CallContext c) {
        return send(r, client::updateTimeToLive, "UpdateTimeToLive", c);
    }

    /** @param r request @param c context @return response */
    public DescribeContinuousBackupsResponse describeContinuousBackups(DescribeContinuousBackupsRequest r, CallContext c) {
        return send(r, client::describeContinuousBackups, "DescribeContinuousBackups", c);
    }

    /** @param r request @param c context @return response */
    public UpdateContinuousBackupsResponse updateContinuousBackups(UpdateContinuousBackupsRequest r, CallContext c) {
        return send(r, client::updateContinuousBackups, "UpdateContinuousBackups", c);
    }

    private <Q extends DynamoDbRequest, R> R send(Q request, Function<Q, R> call, String operation, CallContext context) {
        String refused = closed;
        if (refused != null) {
            throw new SessionClosedException(operation + (context == null ? "" : " (" + context.description() + ")")
                    + " was not sent: " + refused);
        }
        if (observers.watching()) {
            return observed(request, call, operation, context);
        }
        for (RequestListener l : listeners) {
            l.onRequest(request);
        }
        try {
            return call.apply(request);
        } catch (SdkException e) {
            throw ExceptionTranslator.translate(e, operation, context);
        }
    }

    private <Q extends DynamoDbRequest, R> R observed(Q request, Function<Q, R> call, String operation, CallContext context) {
        Q sent = observers.wantsCapacity() ? RequestFacts.withCapacity(request) : request;
        for (RequestListener l : listeners) {
            l.onRequest(sent);
        }
        ObservedRequest observed = RequestFacts.request(operation, sent);
        Object[] tokens = observers.started(observed);
        long start = System.nanoTime();
        R response;
        try {
            response = call.apply(sent);
        } catch (SdkException e) {
            RuntimeException translated = ExceptionTranslator.translate(e, operation, context);
            // an internal marker, which its caller turns into the exception users see, is reported as the SDK's
            boolean marker = translated.getClass().getPackageName().startsWith("dev.dynarecord.internal");
            observers.finished(observed, RequestFacts.failure(System.nanoTime() - start, marker ? e : translated), tokens);
            throw translated;
        } catch (RuntimeException e) {
            observers.finished(observed, RequestFacts.failure(System.nanoTime() - start, e), tokens);
            throw e;
        }
        observers.finished(observed, RequestFacts.result(System.nanoTime() - start, (DynamoDbResponse) response), tokens);
        return response;
    }

    /**
     * Tells the observers that Dynarecord is about to send work again (unprocessed, throttled, or a
     * transaction that met another).
     *
     * @param operation the operation to be sent again
     * @param tables the tables it touches
     */
    void retrying(String operation, java.util.Collection<String> tables) {
        observers.retried(operation, tables);
    }
}
