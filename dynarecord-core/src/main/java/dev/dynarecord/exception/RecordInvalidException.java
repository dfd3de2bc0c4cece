package dev.dynarecord.exception;

/**
 * A record failed validation and was not written. Thrown by {@code saveOrThrow()} and
 * {@code updateOrThrow()}; {@code save()} returns {@code false} instead.
 */
public class RecordInvalidException extends DynarecordException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public RecordInvalidException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public RecordInvalidException(String message, Throwable cause) {
        super(message, cause);
    }
}
