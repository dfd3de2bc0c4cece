package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.ConditionFailedException;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.exception.StaleRecordException;
import dev.dynarecord.internal.dynamo.DynamoDbGateway;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a write of an existing record must find for it to go through: the item (still) there, its
 * lock version unchanged, and the user's own condition true. When DynamoDB says the condition
 * failed, one consistent read tells which part failed, so the exception names the real cause.
 *
 * @param hashKey the table's hash key attribute (for {@code attribute_exists})
 * @param lockAttribute the lock version attribute, or null without optimistic locking
 * @param expectedVersion the version the record was read with; 0 when the item has none yet
 * @param userCondition renders the user's condition with the request's placeholders, or null
 * @param userConditionText the user's condition as text, for messages
 */
public record Guard(String hashKey, String lockAttribute, long expectedVersion, Function<ExpressionNames, String> userCondition,
        String userConditionText) {

    /**
     * @param hashKey the hash key attribute
     * @param lockAttribute the lock attribute, or null
     * @param expectedVersion the version read
     * @return a guard without a user condition
     */
    public static Guard of(String hashKey, String lockAttribute, long expectedVersion) {
        return new Guard(hashKey, lockAttribute, expectedVersion, null, null);
    }

    /** @return the lock condition, e.g. {@code #n3 = :v4}, or null without locking */
    String lockExpression(ExpressionNames p) {
        if (lockAttribute == null) {
            return null;
        }
        return expectedVersion == 0 ? "attribute_not_exists(" + p.name(lockAttribute) + ")"
                : p.name(lockAttribute) + " = " + p.value(AttributeValue.fromN(Long.toString(expectedVersion)));
    }

    /** @return the user's condition rendered, or null */
    String userExpression(ExpressionNames p) {
        return userCondition == null ? null : "(" + userCondition.apply(p) + ")";
    }

    /** @return the next version to write, or null without locking */
    AttributeValue nextVersion() {
        return lockAttribute == null ? null : AttributeValue.fromN(Long.toString(expectedVersion + 1));
    }

    /**
     * Finds out why a conditional write of this record failed.
     *
     * @param gateway the adapter layer
     * @param table the table
     * @param key the record's key
     * @param what the record, for messages
     * @param gone whether a missing item is itself the failure (false for a destroy, where it is not)
     * @return the exception to throw, or empty when the write's purpose is already met (destroying a gone item)
     */
    Optional<DynarecordException> explain(DynamoDbGateway gateway, String table, Map<String, AttributeValue> key, String what,
            boolean gone) {
        Optional<Map<String, AttributeValue>> item = GetItemOperation.execute(gateway, table, key, true, what);
        if (item.isEmpty()) {
            return gone ? Optional.of(new RecordNotSavedException(what + " no longer exists in table " + table
                    + " (deleted since it was loaded); nothing was written. Save it as a new record if it should come back"))
                    : Optional.empty();
        }
        if (lockAttribute != null) {
            AttributeValue stored = item.get().get(lockAttribute);
            long version = stored == null || stored.n() == null ? 0 : Long.parseLong(stored.n());
            if (version != expectedVersion) {
                return Optional.of(new StaleRecordException(what + " was changed by someone else since it was read (its "
                        + lockAttribute + " is " + version + ", this copy has " + expectedVersion + "); nothing was written."
                        + " Reload it, apply the change again, and save"));
            }
        }
        return Optional.of(new ConditionFailedException(what + ": the condition " + (userConditionText == null ? "" : userConditionText + " ")
                + "did not hold; nothing was written"));
    }
}
