package dev.dynarecord.exception;

/**
 * The model's table does not exist and auto-creation is off. Create it with
 * {@code session.tables().create(Model.class)} or turn {@code autoCreateTables} on.
 */
public class TableNotFoundException extends DynarecordException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public TableNotFoundException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public TableNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
