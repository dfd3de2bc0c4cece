package dev.dynarecord.exception;

/**
 * No item exists for the key asked for, as {@code find.byId(...)} or {@code reload()} reports it.
 * Use {@code find.byIdOptional(...)} when absence is a normal outcome.
 */
public class RecordNotFoundException extends DynarecordException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public RecordNotFoundException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public RecordNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
