package dev.dynarecord.exception;

/**
 * A query would need a full-table Scan while {@code errorOnScan} is on. Add an index that serves
 * the query, or allow the scan explicitly.
 */
public class ScanProhibitedException extends InvalidQueryException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public ScanProhibitedException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public ScanProhibitedException(String message, Throwable cause) {
        super(message, cause);
    }
}
