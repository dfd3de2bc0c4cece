package dev.dynarecord.test;

/**
 * A failure {@link FaultyClient} injects, as the SDK's synchronous client shows it to its caller
 * once its own retries are over. Some faults leave the table as it was; others reach the table
 * first and lose only the response, the hard case for code that retries.
 */
public enum Fault {

    /**
     * No fault: the call goes through untouched. For scripts only ({@link FaultyClient#next}), to let
     * calls pass before a fault: {@code next(NONE, NONE, SERVER_ERROR_BEFORE)} fails the third call.
     * Never chosen by the rate, never counted as injected.
     */
    NONE,

    /**
     * Not applied: a {@code ProvisionedThroughputExceededException} (status 400), as when every
     * attempt was throttled. Its {@code numAttempts()} is the client's attempts.
     */
    THROTTLE,

    /**
     * Not applied: an {@code InternalServerErrorException}, a {@code DynamoDbException} with status
     * 500 and error code {@code InternalServerError}, as when every attempt failed.
     */
    SERVER_ERROR_BEFORE,

    /**
     * Applied, then the same 500 as {@link #SERVER_ERROR_BEFORE}: the first attempt changed the
     * table, its response was lost, and the retries failed.
     */
    SERVER_ERROR_AFTER,

    /**
     * Applied twice: the first attempt's response was lost and the SDK sent the request again. The
     * caller gets the second attempt's outcome; when that is an exception (such as a
     * {@code ConditionalCheckFailedException}, because the first attempt already wrote the item),
     * its {@code numAttempts()} is 2. A transaction is sent twice with the same client request
     * token (made up, as the SDK does, when it has none), so DynamoDB answers it only once.
     */
    LOST_RESPONSE_RETRIED,

    /**
     * Not applied: an {@code SdkClientException} caused by a {@code java.net.SocketTimeoutException},
     * as when every attempt timed out before reaching the table.
     */
    TIMEOUT_BEFORE,

    /**
     * Applied, then the timeout of {@link #TIMEOUT_BEFORE}: the first attempt changed the table and
     * its response never came.
     */
    TIMEOUT_AFTER,

    /**
     * Only for {@code BatchWriteItem} and {@code BatchGetItem}, and no exception: DynamoDB handles
     * part of the batch and returns the rest in {@code unprocessedItems} or {@code unprocessedKeys}.
     * A batch of several handles at least one and returns at least one; a batch of one returns it
     * unhandled.
     */
    UNPROCESSED,

    /**
     * Only for transactions ({@code TransactWriteItems}, {@code TransactGetItems},
     * {@code ExecuteTransaction}). Not applied: a {@code TransactionCanceledException} whose
     * cancellation reasons name one action, chosen at random, {@code TransactionConflict} and the
     * others {@code None}, as when another transaction was changing that item at the same time.
     */
    TRANSACTION_CONFLICT,

    /**
     * Only for {@code TransactWriteItems} and {@code ExecuteTransaction}. Applied, then a
     * {@code TransactionInProgressException}: the first attempt was still being committed when the
     * SDK's retries, under the same client request token, arrived, and they gave up.
     */
    TRANSACTION_IN_PROGRESS;

    /**
     * @param operation an operation name, such as {@code "PutItem"}
     * @return whether this fault can happen to that operation
     */
    boolean appliesTo(String operation) {
        return switch (this) {
            case UNPROCESSED -> operation.equals("BatchWriteItem") || operation.equals("BatchGetItem");
            case TRANSACTION_CONFLICT -> operation.startsWith("Transact") || operation.equals("ExecuteTransaction");
            case TRANSACTION_IN_PROGRESS -> operation.equals("TransactWriteItems") || operation.equals("ExecuteTransaction");
            default -> true;
        };
    }

    /** @return whether the request reaches the table before the exception */
    boolean reachesTable() {
        return this == SERVER_ERROR_AFTER || this == TIMEOUT_AFTER || this == TRANSACTION_IN_PROGRESS;
    }
}
