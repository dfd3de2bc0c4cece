package dev.dynarecord.spi;

import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/**
 * Hears every request a session sends to DynamoDB, whichever client carries it (the embedded
 * engine's in-process client included). Register one with {@code Config.Builder.listener(...)} or
 * {@code session.addListener(...)}. The test module's {@code RequestRecorder} is one.
 *
 * <p>Listeners are called on the thread that sends the request and must be thread-safe and quick.
 */
@FunctionalInterface
public interface RequestListener {

    /**
     * Called just before a request is sent.
     *
     * @param request the request, exactly as it will be sent
     */
    void onRequest(DynamoDbRequest request);
}
