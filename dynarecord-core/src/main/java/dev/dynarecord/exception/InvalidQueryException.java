package dev.dynarecord.exception;

/**
 * A query that cannot be sent as written: an unknown field, an operator the type does not
 * support, conflicting conditions. Raised before any request.
 */
public class InvalidQueryException extends DynarecordException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public InvalidQueryException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public InvalidQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
