package dev.dynarecord.internal.dynamo;

import dev.dynarecord.config.RetryPolicy;
import dev.dynarecord.exception.ThroughputExceededException;
import java.util.function.IntSupplier;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * Retries work a batch request left undone (unprocessed items or keys), a transaction that met
 * another, or a request that was throttled, by
 * the session's {@link RetryPolicy}: exponential backoff with full jitter (the SDK's
 * {@link BackoffStrategy}), and only attempts in a row without progress count against the limit.
 */
final class Backoff {

    private final RetryPolicy policy;
    private final BackoffStrategy delays;
    private final String operation;
    private int idle;

    Backoff(RetryPolicy policy, String operation) {
        this.policy = policy;
        this.delays = BackoffStrategy.exponentialDelay(policy.baseDelay(), policy.maxDelay());
        this.operation = operation;
    }

    /**
     * Runs one attempt: throttling counts as an attempt without progress, and is retried.
     *
     * @param attempt sends the request and returns how much of the work is left afterwards
     * @param left how much is left before the attempt
     * @param exhausted the exception when the attempts run out, given the work left
     * @return how much is left after the attempt
     */
    int attempt(IntSupplier attempt, int left, java.util.function.IntFunction<ThroughputExceededException> exhausted) {
        if (idle > 0) {
            pause();
        }
        int after;
        try {
            after = attempt.getAsInt();
        } catch (ThroughputExceededException throttled) {
            after = left;
            if (idle + 1 >= policy.maxAttempts()) {
                ThroughputExceededException e = exhausted.apply(left);
                e.addSuppressed(throttled);
                throw e;
            }
        }
        idle = after < left ? 0 : idle + 1;
        if (after > 0 && idle >= policy.maxAttempts()) {
            throw exhausted.apply(after);
        }
        return after;
    }

    /**
     * Counts an attempt that made no progress and, when the policy allows another, pauses before it.
     *
     * @return whether another attempt may be made
     */
    boolean another() {
        idle++;
        if (idle >= policy.maxAttempts()) {
            return false;
        }
        pause();
        return true;
    }

    /** @return the attempts made in a row without progress */
    int attempts() {
        return idle;
    }

    private void pause() {
        try {
            Thread.sleep(delays.computeDelay(idle).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ThroughputExceededException("interrupted while retrying unprocessed " + operation + " requests", e);
        }
    }
}
