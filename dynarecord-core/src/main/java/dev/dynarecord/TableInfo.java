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
 * @param ttlAttribute the attribute DynamoDB's Time to Live reads, when TTL is on (or being turned on or off)
 * @param ttlStatus ENABLED, ENABLING, DISABLING, DISABLED, or UNSUPPORTED when the engine has no TTL
 * @param streamViewType the stream's view type (KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES), when
 *     the table has a stream
 * @param pointInTimeRecovery ENABLED, DISABLED, or UNSUPPORTED when the engine has no continuous backups
 *     (DynamoDB Local)
 */
public record TableInfo(String name, String status, String hashKey, Optional<String> rangeKey, String billingMode,
        long readCapacity, long writeCapacity, long itemCount, List<String> indexes, Optional<String> ttlAttribute,
        String ttlStatus, Optional<String> streamViewType, String pointInTimeRecovery) {

    /** Makes the index list immutable. */
    public TableInfo {
        indexes = List.copyOf(indexes);
    }

    /**
     * A table as DescribeTable alone reports it: no TTL, no stream, point-in-time recovery off.
     *
     * @param name the full table name
     * @param status ACTIVE, CREATING, ...
     * @param hashKey the hash key attribute
     * @param rangeKey the range key attribute, if any
     * @param billingMode PROVISIONED or PAY_PER_REQUEST
     * @param readCapacity provisioned read units (0 for on-demand)
     * @param writeCapacity provisioned write units (0 for on-demand)
     * @param itemCount DynamoDB's approximate item count
     * @param indexes the names of its secondary indexes, local ones first
     */
    public TableInfo(String name, String status, String hashKey, Optional<String> rangeKey, String billingMode,
            long readCapacity, long writeCapacity, long itemCount, List<String> indexes) {
        this(name, status, hashKey, rangeKey, billingMode, readCapacity, writeCapacity, itemCount, indexes, Optional.empty(),
                "DISABLED", Optional.empty(), "DISABLED");
    }
}
