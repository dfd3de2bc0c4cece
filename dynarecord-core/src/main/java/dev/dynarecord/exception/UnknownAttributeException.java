package dev.dynarecord.exception;

/**
 * An attribute name that the model does not declare. Check the spelling against the model's
 * {@code @Field} declarations.
 */
public class UnknownAttributeException extends DynarecordException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public UnknownAttributeException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public UnknownAttributeException(String message, Throwable cause) {
        super(message, cause);
    }
}
