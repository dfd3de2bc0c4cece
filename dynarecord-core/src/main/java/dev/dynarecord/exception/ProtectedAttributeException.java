package dev.dynarecord.exception;

/**
 * Mass assignment ({@code assign(Map)}, {@code create(Map)}, {@code update(Map)}) named a protected field (keys, {@code lockVersion}, timestamps, and fields marked {@code @Protected}) without permitting it. Nothing was assigned.
 */
public class ProtectedAttributeException extends DynarecordException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public ProtectedAttributeException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public ProtectedAttributeException(String message, Throwable cause) {
        super(message, cause);
    }
}
