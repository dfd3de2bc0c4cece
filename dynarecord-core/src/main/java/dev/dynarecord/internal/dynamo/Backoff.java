package dev.dynarecord.internal.dynamo;

import dev.dynarecord.config.RetryPolicy;
import dev.dynarecord.exception.ThroughputExceededException;
import java.time.Duration;
import java.util.Collection;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * Retries work a batch request left undone (unprocessed items or keys), a transaction that met
 * another, or a request that was throttled, by
 * the session's {@link RetryPolicy}: exponential backoff with full jitter (the SDK's
 * {@link BackoffStrategy}), and only attempts in a row without progress count against the limit.
 */
final class Backoff {

    private final DynamoDbGateway gateway;
    private final RetryPolicy policy;
    private final BackoffStrategy delays;
    private final String operation;
    private final Supplier<? extends Collection<String>> tables;
    private int idle;
    private boolean sent;

    /**
     * @param gateway sends the requests, and tells its observers of each retry
     * @param operation the operation retried
     * @param tables the tables the next attempt touches, asked only when observers hear of a retry
     */
    Backoff(DynamoDbGateway gateway, String operation, Supplier<? extends Collection<String>> tables) {
        this.gateway = gateway;
        this.policy = gateway.retries();
        this.delays = BackoffStrategy.exponentialDelay(policy.baseDelay(), policy.maxDelay());
        this.operation = operation;
        this.tables = tables;
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
        Duration pause = pauseBeforeNext();
        if (!pause.isZero()) {
            pause(pause);
        }
        if (sent) {
            gateway.retrying(operation, tables.get());
        }
        sent = true;
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
        pause(pauseBeforeNext());
        gateway.retrying(operation, tables.get());
        return true;
    }

    /**
     * The pause before the next attempt: none after an attempt that made progress; after {@code n}
     * attempts in a row without, a random one up to {@code baseDelay * 2^(n-1)}, at most
     * {@code maxDelay}. The SDK's strategy numbers attempts from the first of the run, which it
     * never delays: the next one is attempt {@code n + 1}.
     */
    Duration pauseBeforeNext() {
        return idle == 0 ? Duration.ZERO : delays.computeDelay(idle + 1);
    }

    private void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ThroughputExceededException("interrupted while retrying " + operation + " requests", e);
        }
    }
}
