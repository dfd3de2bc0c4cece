package dev.dynarecord.exception;

/**
 * An atomic update or a transaction that cannot be sent as written (a transaction of more than 100
 * actions, a condition check without a condition): an increment on a field that is not a number, adding set elements to a field that is not a set, appending to a field that is not a list. Raised before any request.
 */
public class InvalidUpdateException extends DynarecordException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public InvalidUpdateException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public InvalidUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
