package dev.dynarecord.exception;

/**
 * Saving a new record would have overwritten an existing item with the same key. Nothing was
 * written. Load the existing record and update it, or choose another key.
 */
public class RecordNotUniqueException extends RecordNotSavedException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public RecordNotUniqueException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public RecordNotUniqueException(String message, Throwable cause) {
        super(message, cause);
    }
}
