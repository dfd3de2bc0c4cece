package dev.dynarecord.exception;

/**
 * DynamoDB could not be reached or did not answer in time, or kept failing on its side (a 500, a
 * timeout, throttling), after the SDK's own retries. Unlike a request DynamoDB rejected, the same
 * call may succeed later: {@link #isRetryable()} is true.
 *
 * <p>For a write, {@link #mayHaveBeenApplied()} tells whether DynamoDB may have applied it before
 * the answer was lost. When it may have, retry the same call on the same record: Dynarecord
 * recognises its own earlier write (a save, create, touch or destroy then reports success instead
 * of a conflict). An atomic {@code add}/{@code increment} cannot be recognised; reload the record
 * before repeating one.
 */
public class TransientFailureException extends DynarecordException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String table;
    private final boolean mayHaveBeenApplied;

    /**
     * @param message what went wrong and what to do
     * @param cause the SDK's exception
     * @param operation the DynamoDB operation ("PutItem")
     * @param table the table, or null when the call had none
     * @param mayHaveBeenApplied whether a write may have been applied before the failure
     */
    public TransientFailureException(String message, Throwable cause, String operation, String table,
            boolean mayHaveBeenApplied) {
        super(message, cause);
        this.operation = operation;
        this.table = table;
        this.mayHaveBeenApplied = mayHaveBeenApplied;
    }

    /** @return true: the same call may succeed if repeated */
    public boolean isRetryable() {
        return true;
    }

    /** @return the DynamoDB operation that failed, e.g. {@code UpdateItem} */
    public String operation() {
        return operation;
    }

    /** @return the table involved, or null */
    public String table() {
        return table;
    }

    /**
     * @return whether a write may have been applied although it failed: true for a 500 or a timeout
     *     on a write, false for throttling (a throttled request is not applied) and for reads
     */
    public boolean mayHaveBeenApplied() {
        return mayHaveBeenApplied;
    }
}
