package dev.dynarecord.exception;

/**
 * An optimistic-locking check failed: the item changed since this record was loaded. Nothing was
 * written. Reload the record and apply the change again.
 */
public class StaleRecordException extends RecordNotSavedException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public StaleRecordException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public StaleRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
