package dev.dynarecord.exception;

/**
 * DynamoDB kept throttling the request after the SDK's retries. Raise the table's capacity,
 * switch to on-demand billing, or slow down.
 */
public class ThroughputExceededException extends DynarecordException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public ThroughputExceededException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public ThroughputExceededException(String message, Throwable cause) {
        super(message, cause);
    }
}
