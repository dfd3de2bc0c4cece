package dev.dynarecord.internal.dynamo;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Reads the items of one partition of a table or index, a page at a time: how the join tables of
 * has-and-belongs-to-many associations are read. The key's value is a placeholder, never text in
 * the expression.
 *
 * @param table the full table name
 * @param index the index name, or null for the table
 * @param keyName the hash key attribute of the table or index
 * @param key the partition's hash key value
 * @param consistent whether to read strongly consistently (tables only)
 * @param what what is read, for messages
 */
public record KeyQueryOperation(String table, String index, String keyName, AttributeValue key, boolean consistent,
        String what) {

    private static final String CONDITION = "#k = :k";

    /**
     * Hands each page of the partition's items to {@code page}, until the partition is read or
     * {@code limit} items were handed.
     *
     * @param gateway the adapter layer
     * @param limit the most items to read, or 0 for all
     * @param page receives each page
     */
    public void forEachPage(DynamoDbGateway gateway, int limit, Consumer<List<Map<String, AttributeValue>>> page) {
        Map<String, AttributeValue> start = null;
        int read = 0;
        do {
            QueryRequest.Builder request = request().exclusiveStartKey(start);
            if (limit > 0) {
                request.limit(limit - read);
            }
            QueryResponse response = gateway.query(request.build(), CallContext.of(what, table));
            read += response.count();
            page.accept(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null && (limit == 0 || read < limit));
    }

    /**
     * Counts the items of a partition with Select COUNT.
     *
     * @param gateway the adapter layer
     * @return the count
     */
    public long count(DynamoDbGateway gateway) {
        Map<String, AttributeValue> start = null;
        long count = 0;
        do {
            QueryResponse response = gateway.query(request().select(Select.COUNT)
                    .exclusiveStartKey(start).build(), CallContext.of(what, table));
            count += response.count();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /** @return the Query of the partition, without a start or a limit */
    public QueryRequest.Builder request() {
        return QueryRequest.builder().tableName(table).indexName(index).keyConditionExpression(CONDITION)
                .expressionAttributeNames(Map.of("#k", keyName)).expressionAttributeValues(Map.of(":k", key))
                .consistentRead(consistent && index == null ? Boolean.TRUE : null);
    }
}
