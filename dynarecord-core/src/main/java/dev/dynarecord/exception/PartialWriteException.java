package dev.dynarecord.exception;

/**
 * A change that takes several requests (linking many records, a dependent cascade, a batch, a
 * {@code deleteAll}, {@code destroyAll} or {@code updateAll} over a query) failed part-way:
 * {@link #applied()} of the requested writes were made before the failure, the rest were not. Each
 * write of such a change is idempotent (a put of the same link, a delete of the same item), so
 * repeating the same call completes it exactly; an {@code updateAll} repeated updates every
 * matching record again, which only {@code set} and {@code remove} make harmless. {@link #getCause()}
 * is the failure.
 */
public class PartialWriteException extends DynarecordException {

    private static final long serialVersionUID = 1L;

    private final long applied;
    private final long requested;

    /**
     * @param message what was applied, what failed, and what to do
     * @param cause the failure
     * @param applied how many of the writes were made
     * @param requested how many were asked for, or -1 when not known up front (a cascade or a query read a page at a time)
     */
    public PartialWriteException(String message, Throwable cause, long applied, long requested) {
        super(message, cause);
        this.applied = applied;
        this.requested = requested;
    }

    /** @return how many of the writes were made before the failure */
    public long applied() {
        return applied;
    }

    /** @return how many writes were asked for, or -1 when not known (a cascade stops at the first failure) */
    public long requested() {
        return requested;
    }

    /** @return whether repeating the call may succeed: the failure was transient (a 500, a timeout, throttling) */
    public boolean isRetryable() {
        return getCause() instanceof TransientFailureException;
    }
}
