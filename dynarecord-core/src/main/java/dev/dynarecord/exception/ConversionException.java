package dev.dynarecord.exception;

/**
 * A value could not be converted between its Java type and a DynamoDB attribute value: the wrong
 * type for a field, a number DynamoDB cannot store (NaN, infinity, more than 38 significant
 * digits), or a stored attribute of an unexpected type.
 */
public class ConversionException extends DynarecordException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public ConversionException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public ConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}
