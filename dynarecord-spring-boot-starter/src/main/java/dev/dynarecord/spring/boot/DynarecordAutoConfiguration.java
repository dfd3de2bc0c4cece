package dev.dynarecord.spring.boot;

import dev.dynarecord.Session;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.config.Config;
import dev.dynarecord.observe.MicrometerMetrics;
import dev.dynarecord.observe.OpenTelemetryTracing;
import dev.dynarecord.spi.RequestListener;
import dev.dynarecord.spi.RequestObserver;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Auto-configuration of a Dynarecord {@link Session} from the {@code dynarecord.*} properties
 * ({@link DynarecordProperties}): the session is made the default ({@code User.find} uses it) and
 * closed with the application context, which resets the default. A {@code DynamoDbClient} bean is
 * used by adapter AWS and never closed by the starter; {@code AwsCredentialsProvider},
 * {@code RequestListener}, {@code RequestObserver} and {@code jakarta.validation.Validator} beans and
 * {@link DynarecordConfigCustomizer}s are applied too. With Micrometer's {@code MeterRegistry} or an
 * {@code OpenTelemetry} bean in the context, the session reports metrics or spans to it
 * ({@code dynarecord.metrics.enabled}, {@code dynarecord.tracing.enabled}). A {@code Config} or {@code Session} bean of
 * your own replaces the starter's. See docs/spring-boot.md.
 */
@AutoConfiguration(afterName = "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration")
@ConditionalOnClass(Session.class)
@EnableConfigurationProperties(DynarecordProperties.class)
public class DynarecordAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DynarecordAutoConfiguration.class);

    /**
     * The configuration: the core's defaults, {@code dynarecord.properties} on the classpath and
     * the {@code DYNARECORD_*} environment variables, then the properties, then the beans.
     *
     * @param properties the bound properties
     * @param client a client of the application's own, for adapter AWS
     * @param credentials a credentials provider of the application's own
     * @param listeners listeners to every request sent
     * @param observers observers of every request and model operation
     * @param customizers adjustments in code, in order
     * @return the configuration
     * @throws InvalidPropertyException naming a property whose value cannot be used
     */
    @Bean
    @ConditionalOnMissingBean
    public Config dynarecordConfig(DynarecordProperties properties, ObjectProvider<DynamoDbClient> client,
            ObjectProvider<AwsCredentialsProvider> credentials, ObjectProvider<RequestListener> listeners,
            ObjectProvider<RequestObserver> observers, ObjectProvider<DynarecordConfigCustomizer> customizers) {
        Config.Builder builder = ConfigFromProperties.apply(Config.builder().fromClasspath().fromEnvironment(), properties);
        DynamoDbClient own = client.getIfUnique();
        if (own != null) {
            if (builder.build().adapter() == Adapter.LOCAL) {
                LOG.info("A DynamoDbClient bean is present, but dynarecord.adapter is LOCAL: the embedded engine is used");
            } else {
                builder.client(own);
            }
        }
        credentials.ifUnique(builder::credentialsProvider);
        listeners.orderedStream().forEach(builder::listener);
        observers.orderedStream().forEach(builder::observer);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /**
     * The session; closed with the context (its own client and pool, never a client bean).
     *
     * @param config the configuration
     * @return the session
     */
    @Bean
    @ConditionalOnMissingBean
    public Session dynarecordSession(Config config) {
        Session session = Session.open(config);
        LOG.info("Dynarecord session on {}", config);
        return session;
    }

    /**
     * Makes the session the default while the context runs.
     *
     * @param session the session
     * @return the binding, undone when the context closes
     */
    @Bean
    @Lazy(false) // the default must be set even under spring.main.lazy-initialization
    public DefaultSessionBinding dynarecordDefaultSession(Session session) {
        return new DefaultSessionBinding(session);
    }

    /**
     * The models found under {@code dynarecord.models.packages}, their tables created or synced at startup.
     *
     * @param session the session
     * @param properties the bound properties
     * @return the models
     */
    @Bean
    @Lazy(false) // tables are prepared at startup, not on first injection
    @ConditionalOnMissingBean
    public DynarecordModels dynarecordModels(Session session, DynarecordProperties properties) {
        List<Class<? extends dev.dynarecord.Model<?>>> found = ModelScanner.scan(properties.getModels().getPackages());
        DynarecordModels models = new DynarecordModels(found);
        TableAction action = properties.getModels().getTables();
        if (action == null) {
            action = session.config().adapter() == Adapter.LOCAL ? TableAction.CREATE : TableAction.NONE;
        }
        models.prepareTables(session, action);
        return models;
    }

    /** Reports to the application's Micrometer registry, when there is one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    @ConditionalOnProperty(name = "dynarecord.metrics.enabled", havingValue = "true", matchIfMissing = true)
    static class MetricsConfiguration {

        @Bean
        DynarecordConfigCustomizer dynarecordMetrics(ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry) {
            return builder -> registry.ifUnique(r -> builder.observer(MicrometerMetrics.of(r)));
        }
    }

    /** Reports spans to the application's OpenTelemetry, when there is one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.opentelemetry.api.OpenTelemetry")
    @ConditionalOnProperty(name = "dynarecord.tracing.enabled", havingValue = "true", matchIfMissing = true)
    static class TracingConfiguration {

        @Bean
        DynarecordConfigCustomizer dynarecordTracing(ObjectProvider<io.opentelemetry.api.OpenTelemetry> openTelemetry) {
            return builder -> openTelemetry.ifUnique(o -> builder.observer(OpenTelemetryTracing.of(o)));
        }
    }

    /** Passes the application's Bean Validation validator to the session, when there is one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "jakarta.validation.Validator")
    static class ValidatorConfiguration {

        @Bean
        DynarecordConfigCustomizer dynarecordValidator(ObjectProvider<jakarta.validation.Validator> validator) {
            return builder -> validator.ifUnique(builder::validator);
        }
    }
}
