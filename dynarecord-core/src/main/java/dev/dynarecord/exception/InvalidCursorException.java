package dev.dynarecord.exception;

/**
 * A page cursor that cannot be used: not one Dynarecord wrote, altered since, or written for
 * another query. Raised before any request.
 */
public class InvalidCursorException extends InvalidQueryException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public InvalidCursorException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public InvalidCursorException(String message, Throwable cause) {
        super(message, cause);
    }
}
