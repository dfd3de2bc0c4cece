package dev.dynarecord.spi;

import java.util.List;

/**
 * Watches the requests a session sends and the model operations that send them, for metrics,
 * traces and logs. Dynarecord's Micrometer and OpenTelemetry support ({@code dev.dynarecord.observe})
 * are observers; register one with {@code Config.Builder.observer(...)}. A session without
 * observers skips all of this on every request.
 *
 * <p>Each {@code ...Started} call returns a token (a span, a start time, or null) that the
 * matching {@code ...Finished} call gets back, on the same thread. Observers must be thread-safe
 * and quick, and must not throw: what they throw is logged and otherwise ignored.
 */
public interface RequestObserver {

    /**
     * @return whether requests should ask DynamoDB for the capacity they consume
     *     ({@code ReturnConsumedCapacity=TOTAL}), so that {@link ObservedResult#consumedCapacity()} is filled
     */
    default boolean wantsConsumedCapacity() {
        return false;
    }

    /**
     * Called just before a request is sent (after the request listeners).
     *
     * @param request the request
     * @return a token for {@link #requestFinished}, or null
     */
    Object requestStarted(ObservedRequest request);

    /**
     * Called when a request has been answered or has failed.
     *
     * @param request the request
     * @param result how it ended
     * @param token what {@link #requestStarted} returned
     */
    void requestFinished(ObservedRequest request, ObservedResult result, Object token);

    /**
     * Called when Dynarecord itself is about to send again what a batch left unprocessed, what was
     * throttled, or a transaction that met another (the SDK's own retries within one request are not reported).
     *
     * @param operation the operation to be sent again
     * @param tables the tables it touches
     */
    default void retried(String operation, List<String> tables) {
    }

    /**
     * Called when Dynarecord hands part of an operation to another thread (the Queries of a sharded
     * index, the segments of a parallel Scan, the reads of a preload or of a partitioned record's
     * copies), so that what the observer keeps of the calling thread (OpenTelemetry's current
     * context) goes with it.
     *
     * @param task the task
     * @return the task to run instead; by default the task itself
     */
    default Runnable carry(Runnable task) {
        return task;
    }

    /**
     * Called when a model-level operation starts.
     *
     * @param operation the operation
     * @return a token for {@link #operationFinished}, or null
     */
    default Object operationStarted(ObservedOperation operation) {
        return null;
    }

    /**
     * Called when a model-level operation has ended.
     *
     * @param operation the operation
     * @param outcome how it ended
     * @param failure what it threw, or null
     * @param durationNanos how long it took
     * @param token what {@link #operationStarted} returned
     */
    default void operationFinished(ObservedOperation operation, Outcome outcome, Throwable failure, long durationNanos,
            Object token) {
    }
}
