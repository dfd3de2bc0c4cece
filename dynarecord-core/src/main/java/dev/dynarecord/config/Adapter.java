package dev.dynarecord.config;

/** Which DynamoDB a session talks to. */
public enum Adapter {
    /**
     * The embedded engine: DynamoDB Local in-process and in memory. No server, no network, no
     * credentials. Needs {@code dev.dynarecord:dynarecord-local} on the classpath. Tables are
     * created on first use by default.
     */
    LOCAL,
    /**
     * Amazon DynamoDB, or any DynamoDB-compatible endpoint (DynamoDB Local as a server, ScyllaDB
     * Alternator) through {@code endpoint(...)}. Tables are not created unless asked.
     */
    AWS
}
