package dev.dynarecord.exception;

/**
 * An item would exceed DynamoDB's 400 KB item limit (attribute names and values counted). Nothing
 * was written. Store large values elsewhere (S3) and keep a reference.
 */
public class ItemTooLargeException extends DynarecordException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public ItemTooLargeException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public ItemTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
