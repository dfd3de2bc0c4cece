package dev.dynarecord.exception;

/**
 * A record could not be saved for a reason other than validation: a callback aborted the save,
 * or the item it was loaded from no longer exists.
 */
public class RecordNotSavedException extends DynarecordException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public RecordNotSavedException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public RecordNotSavedException(String message, Throwable cause) {
        super(message, cause);
    }
}
