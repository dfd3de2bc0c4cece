package dev.dynarecord;

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
 */
public record TableInfo(String name, String status, String hashKey, Optional<String> rangeKey, String billingMode,
        long readCapacity, long writeCapacity, long itemCount) {
}
