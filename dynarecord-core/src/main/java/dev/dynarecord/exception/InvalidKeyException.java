package dev.dynarecord.exception;

/**
 * A key is missing, empty, of the wrong type or too long for DynamoDB (2048 bytes for a hash
 * key, 1024 for a range key). Raised before any request.
 */
public class InvalidKeyException extends DynarecordException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public InvalidKeyException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public InvalidKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
