package dev.dynarecord.exception;

/**
 * The root of every exception Dynarecord throws. Unchecked, like the rest of the family.
 *
 * <p>Catch this to handle any mapper failure; catch a subclass for one kind.
 * The message always names the model, the attribute or the table involved and says what to change.
 */
public class DynarecordException extends RuntimeException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public DynarecordException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public DynarecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
