package dev.dynarecord.spi;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A running embedded DynamoDB engine (DynamoDB Local in-process), as the {@code dynarecord-local}
 * module provides it. Thread-safe.
 */
public interface EmbeddedEngine extends AutoCloseable {

    /**
     * The client that talks to this engine in-process.
     *
     * @return a client, shared; do not close it
     */
    DynamoDbClient client();

    /** Stops the engine and its threads. Idempotent. */
    @Override
    void close();
}
