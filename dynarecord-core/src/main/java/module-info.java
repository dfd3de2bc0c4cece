/**
 * Dynarecord: the object mapper. Only the public packages are exported;
 * {@code dev.dynarecord.internal.*} stays inside the module (ADR 0016).
 *
 * <p>Model classes are read reflectively (fields, constructors, callbacks): a model in a named
 * module must open its package to this one, {@code opens com.example.model to dev.dynarecord.core;}.
 */
// the AWS SDK v2 jars are automatic modules, with stable names (Automatic-Module-Name)
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.dynarecord.core {
    exports dev.dynarecord;
    exports dev.dynarecord.annotation;
    exports dev.dynarecord.config;
    exports dev.dynarecord.exception;
    exports dev.dynarecord.lifecycle;
    exports dev.dynarecord.observe;
    exports dev.dynarecord.query;
    exports dev.dynarecord.spi;
    exports dev.dynarecord.types;

    // SDK types in public signatures: AttributeValue, DynamoDbClient, DynamoDbRequest (dynamodb),
    // SdkBytes (core), AwsCredentialsProvider (auth)
    requires transitive software.amazon.awssdk.services.dynamodb;
    requires transitive software.amazon.awssdk.core;
    requires transitive software.amazon.awssdk.auth;

    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.retries.api;
    requires software.amazon.awssdk.http.apache5;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;

    // optional (ADR 0009): constraints are evaluated only when the API and a provider are present
    requires static jakarta.validation;
    // optional (ADR 0028): dev.dynarecord.observe reports to them only when the application has them
    requires static micrometer.core;
    requires static io.opentelemetry.api;
    requires static io.opentelemetry.context;

    // Adapter.LOCAL: the embedded engine, provided by dev.dynarecord.local
    uses dev.dynarecord.spi.EmbeddedEngineProvider;
}
