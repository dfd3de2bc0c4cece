package dev.dynarecord.exception;

/**
 * Work was asked of a session that was closed: a request, or a query that would fan out over its
 * threads. Nothing was sent. Use a session that is open ({@code Session.open(...)}, or the default
 * one); a record remembers the session it was loaded through, so load it again through an open one.
 */
public class SessionClosedException extends DynarecordException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public SessionClosedException(String message) {
        super(message);
    }
}
