package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.DynarecordException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * One write of one item, built but not sent: a put, an update, a delete or a condition check. The
 * same object gives the request of a single call ({@link WriteSender#send}), an item of a
 * TransactWriteItems ({@link #transactItem()}) and, for unconditional puts and deletes, an item of
 * a BatchWriteItem ({@link #batchItem()}); when DynamoDB refuses its condition,
 * {@link ConditionDiagnosis} explains the refusal from its {@link #guard()}. Immutable.
 */
public sealed interface WriteOperation permits PutItemOperation, UpdateItemOperation, DeleteItemOperation,
        ConditionCheckOperation {

    /** Whether the item stored now shows this write applied. */
    enum Applied {
        /** It shows exactly what this write wrote. */
        YES,
        /** It does not. */
        NO,
        /** It cannot tell: the write adds to what was stored (ADD, list appends), so its result looks like any other. */
        UNKNOWN
    }

    /** @return the DynamoDB operation, for messages ("PutItem") */
    String operation();

    /**
     * Tells whether this write was applied, from the item stored under its key now: how a refusal
     * after a retry, or on the repeat of a write whose outcome was unknown, is recognised as this
     * write's own earlier attempt.
     *
     * @param stored the item stored now, or null when there is none
     * @return whether it shows this write applied
     */
    Applied appliedIn(Map<String, AttributeValue> stored);

    /** @return the full table name */
    String table();

    /** @return the item's key; null only for an unconditional put, which is never refused */
    Map<String, AttributeValue> key();

    /** @return what the item must be for the write to go through */
    Guard guard();

    /** @return the record written, for messages ("User 'u-1'"), computed on demand */
    String what();

    /** @return what was being done, for messages ("saving new User 'u-1'") */
    String description();

    /**
     * @return the exception when the guard requires the item to exist and it does not; the default
     *     says a saved record was deleted since it was loaded
     */
    default DynarecordException absent() {
        return new dev.dynarecord.exception.RecordNotSavedException(what() + " no longer exists in table " + table()
                + " (deleted since it was loaded); nothing was written. Save it as a new record if it should come back");
    }

    /** @return this write as an item of a TransactWriteItems */
    TransactWriteItem transactItem();

    /**
     * @return this write as an item of a BatchWriteItem
     * @throws IllegalStateException when the write has a condition or is not a put or a delete:
     *     BatchWriteItem carries neither
     */
    default WriteRequest batchItem() {
        throw new IllegalStateException(description() + ": BatchWriteItem carries only unconditional puts and deletes;"
                + " send this write on its own or in a transaction");
    }

    /**
     * Sends this write's own request, without diagnosing a refusal (that is {@link WriteSender}'s).
     *
     * @param gateway the adapter layer
     * @param context what the call is for
     * @return the attributes DynamoDB returned, or an empty map
     */
    Map<String, AttributeValue> exchange(DynamoDbGateway gateway, CallContext context);
}
