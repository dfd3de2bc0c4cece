package dev.dynarecord.config;

import dev.dynarecord.exception.ConfigurationException;
import java.time.Duration;

/**
 * How Dynarecord itself retries what DynamoDB leaves undone in batch requests (unprocessed items
 * and keys), what it throttles, and write transactions that met another transaction or got no
 * answer, on top of the SDK's own retries: up to {@code maxAttempts}
 * attempts in a row that make no progress, pausing with exponential backoff and full jitter
 * between {@code baseDelay} and {@code maxDelay} (the SDK's {@code BackoffStrategy}). An attempt
 * that gets some of the work done starts the count again, so a long batch under throttling
 * finishes; when the attempts run out, the failure is a {@code ThroughputExceededException} naming
 * what was not done, never a silent partial result.
 *
 * @param maxAttempts attempts in a row without progress, at least 1
 * @param baseDelay the first pause, at least 1 ms
 * @param maxDelay the longest pause, at least {@code baseDelay}
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /** The default: 10 attempts without progress, pauses from 25 ms up to 2 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(10, Duration.ofMillis(25), Duration.ofSeconds(2));

    /**
     * @throws ConfigurationException when a bound is out of range
     */
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 1000) {
            throw new ConfigurationException("retry maxAttempts must be between 1 and 1000, got " + maxAttempts);
        }
        if (baseDelay == null || baseDelay.toMillis() < 1) {
            throw new ConfigurationException("retry baseDelay must be at least 1 ms, got " + baseDelay);
        }
        if (maxDelay == null || maxDelay.compareTo(baseDelay) < 0) {
            throw new ConfigurationException("retry maxDelay must be at least baseDelay (" + baseDelay + "), got " + maxDelay);
        }
    }
}
