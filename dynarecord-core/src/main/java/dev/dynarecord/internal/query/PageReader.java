package dev.dynarecord.internal.query;

import dev.dynarecord.internal.dynamo.CallContext;
import dev.dynarecord.internal.dynamo.DynamoDbGateway;
import dev.dynarecord.internal.schema.TimeToLive;
import dev.dynarecord.query.Condition;
import dev.dynarecord.query.Order;
import dev.dynarecord.query.QueryPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Sends the pages of one Query (one shard's, for a sharded index) or Scan (or one segment of a
 * parallel Scan). The expressions are rendered once per query shape ({@link Expressions}), with
 * {@code #name} / {@code :value} placeholders only; items whose TTL has passed are hidden by the filter or, when the TTL attribute
 * is a key of what is read, dropped from each page here. Thread-safe.
 */
final class PageReader {

    private final DynamoDbGateway gateway;
    private final Plan plan;
    private final String keyExpression;
    private final String filterExpression;
    private final String projectionExpression;
    private final Map<String, String> names;
    private final Map<String, String> countNames;
    private final Map<String, AttributeValue> values;
    private final String description;
    /** This reader's segment of a parallel Scan, or null; and how many segments there are. */
    private final Integer segment;
    private final Integer totalSegments;

    /**
     * @param gateway the adapter layer
     * @param plan the plan
     * @param shard for a sharded index, the shard attribute's name and this reader's shard value; else null
     * @param projection attributes to read (already including every key), or empty for all
     * @param description what is being read, for messages
     */
    PageReader(DynamoDbGateway gateway, Plan plan, Map.Entry<String, AttributeValue> shard, Collection<String> projection,
            String description) {
        this.gateway = gateway;
        this.plan = plan;
        this.description = description;
        Expressions expressions = Expressions.of(plan, shard, projection);
        this.keyExpression = expressions.keyExpression();
        this.filterExpression = expressions.filterExpression();
        this.projectionExpression = expressions.projectionExpression();
        this.names = expressions.names();
        this.countNames = expressions.countNames();
        this.values = Expressions.values(plan, shard);
        this.segment = null;
        this.totalSegments = null;
    }

    private PageReader(PageReader scan, int segment, int totalSegments) {
        this.gateway = scan.gateway;
        this.plan = scan.plan;
        this.keyExpression = scan.keyExpression;
        this.filterExpression = scan.filterExpression;
        this.projectionExpression = scan.projectionExpression;
        this.names = scan.names;
        this.countNames = scan.countNames;
        this.values = scan.values;
        this.description = scan.description + " segment " + segment + " of " + totalSegments;
        this.segment = segment;
        this.totalSegments = totalSegments;
    }

    /**
     * @param segment the segment, from 0
     * @param totalSegments how many segments the Scan is read in
     * @return a reader of one segment of this reader's Scan (its expressions are shared, not rendered again)
     */
    PageReader segment(int segment, int totalSegments) {
        return new PageReader(this, segment, totalSegments);
    }

    /**
     * Reads one page.
     *
     * @param start the exclusive start key, or null for the beginning
     * @param limit DynamoDB's Limit (items evaluated), or null for a full 1 MB page
     * @param count whether to count only (Select COUNT, no items transferred)
     * @return the page
     */
    ItemPage read(Map<String, AttributeValue> start, Integer limit, boolean count) {
        if (count && plan.expiryAfterRead()) {
            throw new IllegalStateException("Select COUNT cannot drop expired items after the read; count the items read");
        }
        CallContext context = CallContext.of(description, plan.table());
        if (plan.operation() == QueryPlan.Operation.QUERY) {
            QueryRequest.Builder r = QueryRequest.builder().tableName(plan.table()).indexName(plan.indexName().orElse(null))
                    .keyConditionExpression(keyExpression).filterExpression(filterExpression)
                    .expressionAttributeNames(names).expressionAttributeValues(values).exclusiveStartKey(start).limit(limit)
                    .scanIndexForward(plan.order() == Order.ASC ? null : Boolean.FALSE)
                    .consistentRead(plan.consistent() ? Boolean.TRUE : null);
            if (count) {
                r.select(Select.COUNT).expressionAttributeNames(countNames);
            } else if (projectionExpression == null && plan.index().map(i -> !i.global()).orElse(false)) {
                // A local index returns only what it projects unless asked for everything; DynamoDB then
                // fetches the rest from the table itself (global indexes cannot: see TableCompletion).
                r.select(Select.ALL_ATTRIBUTES);
            } else {
                r.projectionExpression(projectionExpression);
            }
            QueryResponse response = gateway.query(r.build(), context);
            return page(response.items(), lastKey(response.lastEvaluatedKey()), response.count(), response.scannedCount());
        }
        ScanRequest.Builder r = ScanRequest.builder().tableName(plan.table()).filterExpression(filterExpression)
                .expressionAttributeNames(names).expressionAttributeValues(values).exclusiveStartKey(start).limit(limit)
                .consistentRead(plan.consistent() ? Boolean.TRUE : null).segment(segment).totalSegments(totalSegments);
        if (count) {
            r.select(Select.COUNT).expressionAttributeNames(countNames);
        } else {
            r.projectionExpression(projectionExpression);
        }
        ScanResponse response = gateway.scan(r.build(), context);
        return page(response.items(), lastKey(response.lastEvaluatedKey()), response.count(), response.scannedCount());
    }

    /** The page as read, less the items whose TTL has passed when the plan checks them here rather than in the filter. */
    private ItemPage page(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> lastKey, Integer count,
            Integer scanned) {
        if (!plan.expiryAfterRead() || items.isEmpty()) {
            return new ItemPage(items, lastKey, count, scanned);
        }
        QueryPlan.Expiry expiry = plan.expiry().orElseThrow();
        List<Map<String, AttributeValue>> kept = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            if (!TimeToLive.expired(item.get(expiry.attribute()), expiry.now())) {
                kept.add(item);
            }
        }
        return new ItemPage(kept, lastKey, kept.size(), scanned);
    }

    private static Map<String, AttributeValue> lastKey(Map<String, AttributeValue> key) {
        return key == null || key.isEmpty() ? null : key;
    }
}
