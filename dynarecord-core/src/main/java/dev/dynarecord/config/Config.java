package dev.dynarecord.config;

import dev.dynarecord.exception.ConfigurationException;
import dev.dynarecord.spi.RequestListener;
import dev.dynarecord.spi.RequestObserver;
import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.Converters;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executor;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * How a session reaches DynamoDB and how it names and creates tables. Immutable and thread-safe.
 *
 * <pre>{@code
 * Config config = Config.builder()
 *     .adapter(Adapter.LOCAL)
 *     .namespace("myapp_development")
 *     .build();
 * }</pre>
 *
 * <p>Every option can also come from environment variables ({@code DYNARECORD_NAMESPACE}) or a
 * properties file ({@code dynarecord.namespace}); see {@link Builder#fromEnvironment()} and
 * {@link Builder#fromProperties(Properties)}. Converters are configured in code only
 * ({@link Builder#converter(Class, AttributeConverter)}). {@link #toString()} never shows a secret.
 */
public final class Config {

    /** Read capacity units for tables created without their own, as in Dynamoid. */
    public static final long DEFAULT_READ_CAPACITY = 100;
    /** Write capacity units for tables created without their own, as in Dynamoid. */
    public static final long DEFAULT_WRITE_CAPACITY = 20;
    /**
     * Number of copies a partitioned record is spread over unless its model says, as in Dynamoid.
     */
    public static final int DEFAULT_PARTITION_SIZE = 200;
    /** Threads of a session's own pool for concurrent requests (the shards of a sharded index, preloading). */
    public static final int DEFAULT_PARALLELISM = 16;
    /** The most threads a session's own pool may have: one per shard of the largest sharded index. */
    public static final int MAX_PARALLELISM = 1000;

    /** Every option, frozen. */
    private final ConfigValues v;

    private Config(ConfigValues values) {
        this.v = values;
    }

    /**
     * A builder with the defaults: adapter {@code AWS}, no namespace, provisioned 100/20, scans
     * logged, partitioning off.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The defaults, then {@code dynarecord.properties} from the classpath if present, then the
     * {@code DYNARECORD_*} environment variables: what a session uses when nothing was configured
     * in code.
     *
     * @return the resolved configuration
     */
    public static Config fromDefaults() {
        return builder().fromClasspath().fromEnvironment().build();
    }

    /** @return a builder holding this configuration's values, to derive another from it */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return which DynamoDB a session talks to */
    public Adapter adapter() {
        return v.adapter;
    }

    /** @return the table-name prefix, joined to the table name with {@code _}; empty for none */
    public String namespace() {
        return v.namespace;
    }

    /** @return the table-name suffix, joined with {@code _}; empty for none */
    public String tableSuffix() {
        return v.tableSuffix;
    }

    /** @return the AWS region, if set (else the SDK's region chain decides) */
    public Optional<String> region() {
        return Optional.ofNullable(v.region);
    }

    /** @return the endpoint override, if set */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(v.endpoint);
    }

    /** @return whether an explicit access key and secret were given */
    public boolean hasStaticCredentials() {
        return v.accessKeyId != null;
    }

    /**
     * The explicit access key id; never printed by {@link #toString()}.
     *
     * @return the key id, if explicit credentials were given
     */
    public Optional<String> accessKeyId() {
        return Optional.ofNullable(v.accessKeyId);
    }

    /**
     * The explicit secret access key; never printed by {@link #toString()} nor logged.
     *
     * @return the secret, if explicit credentials were given
     */
    public Optional<String> secretAccessKey() {
        return Optional.ofNullable(v.secretAccessKey);
    }

    /** @return a credentials provider given in code, if any */
    public Optional<AwsCredentialsProvider> credentialsProvider() {
        return Optional.ofNullable(v.credentialsProvider);
    }

    /** @return a client supplied by the user, used as is, if any */
    public Optional<DynamoDbClient> client() {
        return Optional.ofNullable(v.client);
    }

    /** @return how created tables are billed */
    public BillingMode billingMode() {
        return v.billingMode;
    }

    /** @return read capacity units for created tables that do not declare their own */
    public long readCapacity() {
        return v.readCapacity;
    }

    /** @return write capacity units for created tables that do not declare their own */
    public long writeCapacity() {
        return v.writeCapacity;
    }

    /** @return whether missing tables are created on first use: by default yes for LOCAL, no for AWS */
    public boolean autoCreateTables() {
        return v.autoCreate();
    }

    /**
     * @return the optimistic-locking attribute of models that do not name their own, as configured
     *     (each model's naming applies to it: {@code lock_version} in snake case); empty when
     *     locking is off everywhere
     */
    public String lockVersion() {
        return v.lockVersion;
    }

    /**
     * @return how attribute names derive from field names in models that do not choose with
     *     {@code @Table(naming)}; {@code FIELD_NAMES} unless configured
     */
    public dev.dynarecord.annotation.AttributeNaming attributeNaming() {
        return v.attributeNaming;
    }

    /** @return how the timestamps of models that do not choose with {@code @Table(timestampFormat)} are stored */
    public dev.dynarecord.types.TimeFormat timestampFormat() {
        return v.timestampFormat;
    }

    /** @return whether every Scan is logged as a warning */
    public boolean warnOnScan() {
        return v.warnOnScan;
    }

    /** @return whether a query that needs a Scan is refused */
    public boolean errorOnScan() {
        return v.errorOnScan;
    }

    /**
     * Whether Dynamoid-style write partitioning is on for models that follow the session
     * ({@code @Table(partitioning = SESSION)}, the default); see docs/partitioning.md.
     *
     * @return the setting
     */
    public boolean partitioning() {
        return v.partitioning;
    }

    /**
     * How many copies a partitioned record's hash key is spread over, unless its model says.
     *
     * @return the setting
     */
    public int partitionSize() {
        return v.partitionSize;
    }

    /** @return for LOCAL: a database file that keeps the embedded engine's data; empty for memory only */
    public Optional<Path> localDataFile() {
        return Optional.ofNullable(v.localDataFile);
    }

    /** @return listeners that hear every request sent */
    public List<RequestListener> listeners() {
        return v.listeners;
    }

    /** @return observers of requests and model operations, in the order added */
    public List<RequestObserver> observers() {
        return v.observers;
    }

    /** @return the duration from which a request is logged at WARN as slow; empty when off */
    public Optional<java.time.Duration> slowRequestThreshold() {
        return Optional.ofNullable(v.slowRequestThreshold);
    }

    /**
     * @return how many threads a session's own pool runs concurrent requests on (the calling thread
     *     takes part too); not used with {@link #executor()}
     */
    public int parallelism() {
        return v.threads();
    }

    /** @return how batch requests retry unprocessed and throttled work (see {@link RetryPolicy}) */
    public RetryPolicy retryPolicy() {
        return v.retryPolicy;
    }

    /** @return an executor supplied by the user for concurrent requests, used as is and never shut down, if any */
    public Optional<Executor> executor() {
        return Optional.ofNullable(v.executor);
    }

    /**
     * @return the {@code jakarta.validation.Validator} given with {@link Builder#validator(Object)},
     *     used as is and never closed, if any; else records are checked by the default provider's
     */
    public Optional<Object> validator() {
        return Optional.ofNullable(v.validator);
    }

    /**
     * @return the converters a session on this configuration uses, by the exact Java class they
     *     store, in registration order; they win over those of {@code Converters.register}
     */
    public Map<Class<?>, AttributeConverter<?>> converters() {
        return v.converters;
    }

    /**
     * The full table name for a model's base name: namespace, name and suffix joined by {@code _}.
     *
     * @param baseName the model's table name
     * @return the name of the table in DynamoDB
     */
    public String tableName(String baseName) {
        StringBuilder sb = new StringBuilder(v.namespace.length() + baseName.length() + v.tableSuffix.length() + 2);
        if (!v.namespace.isEmpty()) {
            sb.append(v.namespace).append('_');
        }
        sb.append(baseName);
        if (!v.tableSuffix.isEmpty()) {
            sb.append('_').append(v.tableSuffix);
        }
        return sb.toString();
    }

    /** A description with every option and no secret: credentials show only whether they are set. */
    @Override
    public String toString() {
        return ConfigChecks.describe(v);
    }

    /**
     * Builds a {@link Config}. Not thread-safe. Later calls override earlier ones, so
     * {@code fromEnvironment()} followed by {@code namespace("x")} keeps {@code x}.
     */
    public static final class Builder extends ConfigOptions {

        private Builder() {
            super(new ConfigValues());
        }

        private Builder(Config c) {
            super(c.v.copy());
        }

        /**
         * Checks the options together and builds.
         *
         * @return the configuration
         * @throws ConfigurationException when options contradict each other
         */
        public Config build() {
            ConfigChecks.together(v);
            return new Config(v.frozen());
        }
    }
}
