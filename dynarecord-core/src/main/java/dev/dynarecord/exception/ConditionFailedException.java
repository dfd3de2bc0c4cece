package dev.dynarecord.exception;

/**
 * A write's condition (given with {@code WriteCondition}: {@code if} / {@code unlessExists}) did not hold, so nothing was written.
 */
public class ConditionFailedException extends DynarecordException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public ConditionFailedException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public ConditionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
