package dev.dynarecord.internal.dynamo;

import dev.dynarecord.config.Adapter;
import dev.dynarecord.config.Config;
import dev.dynarecord.exception.ConfigurationException;
import dev.dynarecord.spi.EmbeddedEngine;
import dev.dynarecord.spi.EmbeddedEngineProvider;
import java.util.Iterator;
import java.util.ServiceLoader;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** Finds or builds the SDK client a configuration asks for. */
public final class ClientFactory {

    /** The artifact that provides the embedded engine, named in errors. */
    public static final String LOCAL_ARTIFACT = "dev.dynarecord:dynarecord-local";

    private ClientFactory() {
    }

    /**
     * A client and what must be closed with the session.
     *
     * @param client the client
     * @param owned something the session closes when it closes (a client it built, an engine of
     *     its own), or null
     */
    public record Connection(DynamoDbClient client, AutoCloseable owned) {
    }

    /**
     * Connects as the configuration says.
     *
     * @param config the configuration
     * @return the connection
     * @throws ConfigurationException when the embedded engine is asked for but not on the classpath
     */
    public static Connection connect(Config config) {
        if (config.adapter() == Adapter.LOCAL) {
            EmbeddedEngineProvider provider = embeddedEngineProvider();
            if (config.localDataFile().isPresent()) {
                EmbeddedEngine engine = provider.start(config.localDataFile());
                return new Connection(engine.client(), engine);
            }
            return new Connection(provider.shared().client(), null);
        }
        if (config.client().isPresent()) {
            return new Connection(config.client().get(), null);
        }
        DynamoDbClient client = buildAwsClient(config);
        return new Connection(client, client);
    }

    private static DynamoDbClient buildAwsClient(Config config) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClientBuilder(Apache5HttpClient.builder());
        config.endpoint().ifPresent(builder::endpointOverride);
        if (config.region().isPresent()) {
            builder.region(Region.of(config.region().get()));
        } else if (config.endpoint().isPresent()) {
            builder.region(Region.US_EAST_1);
        }
        if (config.hasStaticCredentials()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.accessKeyId().orElseThrow(), config.secretAccessKey().orElseThrow())));
        } else if (config.credentialsProvider().isPresent()) {
            builder.credentialsProvider(config.credentialsProvider().get());
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        try {
            return builder.build();
        } catch (RuntimeException e) {
            throw new ConfigurationException("cannot build the DynamoDB client: " + e.getMessage()
                    + "; set a region (DYNARECORD_REGION or region(...)) or an endpoint", e);
        }
    }

    private static EmbeddedEngineProvider embeddedEngineProvider() {
        Iterator<EmbeddedEngineProvider> found = ServiceLoader.load(EmbeddedEngineProvider.class,
                ClientFactory.class.getClassLoader()).iterator();
        if (!found.hasNext()) {
            throw new ConfigurationException("adapter LOCAL needs the embedded engine, which is not on the classpath: add "
                    + LOCAL_ARTIFACT + " as a test or development dependency, or use adapter AWS");
        }
        return found.next();
    }
}
