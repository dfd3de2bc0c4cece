package dev.dynarecord;

import java.util.List;
import java.util.Optional;

/**
 * What DynamoDB reports about a table, as {@code session.tables().describe(User.class)} returns it.
 *
 * @param name the full table name
 * @param status ACTIVE, CREATING, ...
 * @param hashKey the hash key attribute
 * @param rangeKey the range key attribute, if any
 * @param billingMode PROVISIONED or PAY_PER_REQUEST
 * @param readCapacity provisioned read units (0 for on-demand)
 * @param writeCapacity provisioned write units (0 for on-demand)
 * @param itemCount DynamoDB's approximate item count (refreshed about every six hours on AWS)
 * @param indexes the names of its secondary indexes, local ones first
 */
public record TableInfo(String name, String status, String hashKey, Optional<String> rangeKey, String billingMode,
        long readCapacity, long writeCapacity, long itemCount, List<String> indexes) {

    /** Makes the index list immutable. */
    public TableInfo {
        indexes = List.copyOf(indexes);
    }
}
