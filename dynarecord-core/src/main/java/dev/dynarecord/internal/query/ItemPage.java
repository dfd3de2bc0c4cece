package dev.dynarecord.internal.query;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One page of a Query or Scan.
 *
 * @param items the items returned (after filters)
 * @param lastKey where the next page starts, or null when this was the last page
 * @param count how many items matched on this page
 * @param scanned how many items were evaluated on this page
 */
record ItemPage(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> lastKey, int count, int scanned) {
}
