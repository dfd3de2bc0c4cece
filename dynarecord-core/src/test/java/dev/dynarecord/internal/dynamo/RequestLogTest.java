package dev.dynarecord.internal.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.exception.ThroughputExceededException;
import dev.dynarecord.spi.ObservedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** What the request log says of a request: its shape and counts, never its values. */
class RequestLogTest {

    private static final Map<String, AttributeValue> SECRET_ITEM = Map.of("id", AttributeValue.fromS("s3cr3t-value"));

    @Test
    void aQueryLineHasTheTableTheIndexTheDurationTheCapacityAndTheCounts() {
        QueryRequest query = QueryRequest.builder().tableName("users").indexName("email_index")
                .keyConditionExpression("#n0 = :v0").expressionAttributeValues(Map.of(":v0", AttributeValue.fromS("s3cr3t-value")))
                .build();
        ObservedRequest request = RequestFacts.request("Query", RequestFacts.withCapacity(query));
        QueryResponse response = QueryResponse.builder().count(3).scannedCount(5).items(SECRET_ITEM, SECRET_ITEM, SECRET_ITEM)
                .consumedCapacity(ConsumedCapacity.builder().tableName("users").capacityUnits(1.5).build()).build();

        String line = RequestLog.line(request, RequestFacts.result(2_345_000, response));

        assertThat(line).isEqualTo("Query table=users index=email_index 2.35 ms success capacity=1.5 items=3 scanned=5");
        assertThat(((QueryRequest) RequestFacts.withCapacity(query)).returnConsumedCapacity()).isEqualTo(ReturnConsumedCapacity.TOTAL);
    }

    @Test
    void aBatchLineCountsItsWritesAndWhatWasLeftUnprocessedAndAFailureNamesItsException() {
        WriteRequest put = WriteRequest.builder().putRequest(PutRequest.builder().item(SECRET_ITEM).build()).build();
        BatchWriteItemRequest batch = BatchWriteItemRequest.builder()
                .requestItems(Map.of("notes", List.of(put, put, put), "tags", List.of(put))).build();
        ObservedRequest request = RequestFacts.request("BatchWriteItem", batch);
        assertThat(request.tables()).containsExactlyInAnyOrder("notes", "tags");
        assertThat(request.batchItems()).containsOnly(Map.entry("notes", 3), Map.entry("tags", 1));

        BatchWriteItemResponse response = BatchWriteItemResponse.builder().unprocessedItems(Map.of("notes", List.of(put))).build();
        String line = RequestLog.line(request, RequestFacts.result(1_000_000, response));
        assertThat(line).startsWith("BatchWriteItem table=").endsWith("1.00 ms success batch=4 unprocessed=1")
                .doesNotContain("s3cr3t");

        String failed = RequestLog.line(request, RequestFacts.failure(4_000_000,
                new ThroughputExceededException("throttled", null, "BatchWriteItem", "notes")));
        assertThat(failed).endsWith("4.00 ms throttled (ThroughputExceededException) batch=4");
    }
}
