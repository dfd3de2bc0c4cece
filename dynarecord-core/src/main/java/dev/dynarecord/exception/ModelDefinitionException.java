package dev.dynarecord.exception;

/**
 * A model class cannot be mapped: no usable no-arg constructor, an unsupported field type, a
 * conflicting annotation, an invalid table name. Raised when the model's schema is first built.
 */
public class ModelDefinitionException extends DynarecordException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public ModelDefinitionException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public ModelDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
