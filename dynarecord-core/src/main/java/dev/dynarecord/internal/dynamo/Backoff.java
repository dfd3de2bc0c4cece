package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.ThroughputExceededException;

/** The pause before retrying what a batch request left unprocessed: exponential, with jitter. */
final class Backoff {

    private Backoff() {
    }

    static void pause(int attempt, String operation) {
        long millis = Math.min(2_000, 25L << Math.min(attempt, 7));
        try {
            Thread.sleep(millis / 2 + (long) (Math.random() * millis / 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ThroughputExceededException("interrupted while retrying unprocessed " + operation + " requests", e);
        }
    }
}
