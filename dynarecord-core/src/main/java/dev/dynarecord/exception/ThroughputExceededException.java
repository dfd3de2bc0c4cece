package dev.dynarecord.exception;

/**
 * DynamoDB kept throttling the request after the SDK's retries. Nothing was applied: repeating
 * the call is safe. Raise the table's capacity, switch to on-demand billing, or slow down.
 */
public class ThroughputExceededException extends TransientFailureException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public ThroughputExceededException(String message) {
        this(message, null, null, null);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public ThroughputExceededException(String message, Throwable cause) {
        this(message, cause, null, null);
    }

    /**
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     * @param operation the DynamoDB operation
     * @param table the table
     */
    public ThroughputExceededException(String message, Throwable cause, String operation, String table) {
        super(message, cause, operation, table, false);
    }
}
