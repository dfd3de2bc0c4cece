package dev.dynarecord.exception;

import java.util.List;

/**
 * DynamoDB cancelled a transaction ({@code session.transaction(...)}): nothing of it was written, and
 * no record's in-memory state changed. {@link #failures()} names each action that caused the
 * cancellation, in the transaction's order, with the exception the same write alone would have
 * raised ({@link StaleRecordException}, {@link RecordNotUniqueException},
 * {@link ConditionFailedException}, {@link RecordNotFoundException}); the message names them too.
 * A read transaction ({@code session.readTransaction(...)}) fails the same way, naming its gets:
 * nothing was read. {@link #isRetryable()} tells whether running the same transaction again may
 * succeed: every failure was a conflict with another transaction or throttling.
 */
public class TransactionFailedException extends DynarecordException {

    private static final long serialVersionUID = 1L;

    /**
     * Why one action of the transaction failed.
     *
     * @param index the action's position in the transaction, from 0; -1 when the engine named no action
     * @param action the action, for messages ("save of Player 'p-1'")
     * @param reason why it failed, in words
     * @param cause the exception the same write alone would have raised; null when there is none (a conflict)
     * @param retryable whether the failure was a conflict with another transaction or throttling
     */
    public record Failure(int index, String action, String reason, DynarecordException cause, boolean retryable) {

        @Override
        public String toString() {
            return (index < 0 ? "" : "action #" + index + " (" + action + "): ") + reason;
        }
    }

    private final transient List<Failure> failures;

    /**
     * @param message the failing actions and what to do
     * @param cause DynamoDB's cancellation
     * @param failures the failing actions, in order
     */
    public TransactionFailedException(String message, Throwable cause, List<Failure> failures) {
        super(message, cause);
        this.failures = List.copyOf(failures);
    }

    /** @return the actions that caused the cancellation, in the transaction's order */
    public List<Failure> failures() {
        return failures;
    }

    /** @return whether every failure was a conflict with another transaction or throttling: run it again */
    public boolean isRetryable() {
        return !failures.isEmpty() && failures.stream().allMatch(Failure::retryable);
    }
}
