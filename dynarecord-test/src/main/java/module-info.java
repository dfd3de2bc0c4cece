/**
 * Dynarecord test support: the JUnit 5 extension, the request recorder and the fault-injecting
 * client (ADR 0016).
 *
 * <p>The embedded engine is not required here: {@code Adapter.LOCAL} finds it through
 * {@link java.util.ServiceLoader}, from {@code dev.dynarecord.local} on the module path or from the
 * classpath.
 */
module dev.dynarecord.test {
    exports dev.dynarecord.test;

    // Session, DynamoDbRequest and the SDK's ExecutionInterceptor (through core), and JUnit's
    // extension types appear in this module's public signatures
    requires transitive dev.dynarecord.core;
    requires transitive org.junit.jupiter.api;
}
