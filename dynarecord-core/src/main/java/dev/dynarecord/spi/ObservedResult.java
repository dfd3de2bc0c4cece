package dev.dynarecord.spi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;

/**
 * How a request ended, as a {@link RequestObserver} sees it.
 *
 * @param outcome how it ended
 * @param durationNanos how long the call took, the SDK's own retries included
 * @param response the response, or null when it failed
 * @param failure the exception the caller gets (already translated), or null
 * @param consumedCapacity the capacity each table consumed, as DynamoDB reported it; empty unless
 *     an observer asked for it ({@link RequestObserver#wantsConsumedCapacity()})
 * @param items items returned: 1 or 0 for GetItem, the count of a Query or Scan, the items of a
 *     BatchGetItem or TransactGetItems; 0 for writes
 * @param scanned items a Query or Scan examined, or -1 for other operations
 * @param unprocessed for BatchGetItem and BatchWriteItem: the keys or writes each table left
 *     unprocessed (to be retried); empty otherwise
 */
public record ObservedResult(Outcome outcome, long durationNanos, DynamoDbResponse response, RuntimeException failure,
        List<ConsumedCapacity> consumedCapacity, int items, int scanned, Map<String, Integer> unprocessed) {

    /** @return how long the call took */
    public Duration duration() {
        return Duration.ofNanos(durationNanos);
    }

    /** @return the capacity units consumed in all, 0 when not reported */
    public double capacityUnits() {
        double total = 0;
        for (ConsumedCapacity c : consumedCapacity) {
            if (c.capacityUnits() != null) {
                total += c.capacityUnits();
            }
        }
        return total;
    }
}
