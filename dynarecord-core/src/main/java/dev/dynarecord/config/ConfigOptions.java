package dev.dynarecord.config;

import dev.dynarecord.annotation.AttributeNaming;
import dev.dynarecord.exception.ConfigurationException;
import dev.dynarecord.spi.RequestListener;
import dev.dynarecord.spi.RequestObserver;
import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.TimeFormat;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every option a {@link Config.Builder} takes, and where else options can come from (environment,
 * properties, the classpath). The builder itself only starts from the defaults or from a
 * configuration, and checks the options together when it builds. Each option is checked when it
 * is set, by {@link ConfigChecks}, so a bad value is refused at the line that gives it.
 */
abstract sealed class ConfigOptions permits Config.Builder {

    /** The options given so far. */
    final ConfigValues v;

    ConfigOptions(ConfigValues values) {
        this.v = values;
    }

    private Config.Builder self() {
        return (Config.Builder) this;
    }

    /** @param adapter LOCAL (embedded engine) or AWS @return this builder */
    public Config.Builder adapter(Adapter adapter) {
        v.adapter = Objects.requireNonNull(adapter, "adapter");
        return self();
    }

    /** @param namespace table-name prefix, letters, digits, {@code _ - .}; empty for none @return this builder */
    public Config.Builder namespace(String namespace) {
        v.namespace = ConfigChecks.namePart("namespace", namespace);
        return self();
    }

    /** @param suffix table-name suffix, letters, digits, {@code _ - .}; empty for none @return this builder */
    public Config.Builder tableSuffix(String suffix) {
        v.tableSuffix = ConfigChecks.namePart("tableSuffix", suffix);
        return self();
    }

    /** @param region an AWS region id such as {@code eu-west-1} @return this builder */
    public Config.Builder region(String region) {
        v.region = ConfigChecks.blankToNull(region);
        return self();
    }

    /** @param endpoint an endpoint such as {@code http://127.0.0.1:8000} @return this builder */
    public Config.Builder endpoint(String endpoint) {
        v.endpoint = ConfigChecks.endpoint(endpoint);
        return self();
    }

    /** @param endpoint an endpoint override @return this builder */
    public Config.Builder endpoint(URI endpoint) {
        return endpoint(endpoint == null ? null : endpoint.toString());
    }

    /**
     * Explicit credentials instead of the SDK's default provider chain. They are never
     * printed or logged.
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key
     * @return this builder
     */
    public Config.Builder credentials(String accessKeyId, String secretAccessKey) {
        if (ConfigChecks.blankToNull(accessKeyId) == null || ConfigChecks.blankToNull(secretAccessKey) == null) {
            throw new ConfigurationException(
                    "credentials need both an access key id and a secret access key; pass both, or neither to use the SDK's default chain");
        }
        v.accessKeyId = accessKeyId;
        v.secretAccessKey = secretAccessKey;
        return self();
    }

    /** @param provider a credentials provider to use instead of the default chain @return this builder */
    public Config.Builder credentialsProvider(AwsCredentialsProvider provider) {
        v.credentialsProvider = provider;
        return self();
    }

    /**
     * A client to use as is, instead of one built from this configuration. The session does
     * not close it.
     *
     * @param client the client
     * @return this builder
     */
    public Config.Builder client(DynamoDbClient client) {
        v.client = client;
        return self();
    }

    /** @param units read capacity units for created tables @return this builder */
    public Config.Builder readCapacity(long units) {
        v.readCapacity = ConfigChecks.positive("readCapacity", units);
        v.billingMode = BillingMode.PROVISIONED;
        return self();
    }

    /** @param units write capacity units for created tables @return this builder */
    public Config.Builder writeCapacity(long units) {
        v.writeCapacity = ConfigChecks.positive("writeCapacity", units);
        v.billingMode = BillingMode.PROVISIONED;
        return self();
    }

    /** Created tables are billed per request. @return this builder */
    public Config.Builder onDemand() {
        v.billingMode = BillingMode.ON_DEMAND;
        return self();
    }

    /** @param mode how created tables are billed @return this builder */
    public Config.Builder billingMode(BillingMode mode) {
        v.billingMode = Objects.requireNonNull(mode, "billingMode");
        return self();
    }

    /** @param create whether missing tables are created on first use @return this builder */
    public Config.Builder autoCreateTables(boolean create) {
        v.autoCreateTables = create;
        return self();
    }

    /**
     * Names the optimistic-locking attribute (default {@code lockVersion}), passed through each
     * model's {@linkplain #attributeNaming naming} ({@code lock_version} in snake case); models can name
     * their own with {@code @Table(lockVersion = ...)} or opt out with {@code @Table(locking = false)}.
     *
     * @param attribute the attribute name; empty to turn optimistic locking off for every model
     * @return this builder
     */
    public Config.Builder lockVersion(String attribute) {
        v.lockVersion = java.util.Objects.requireNonNull(attribute, "attribute").trim();
        return self();
    }

    /** @param on whether optimistic locking is on (with the attribute {@code lockVersion}) @return this builder */
    public Config.Builder optimisticLocking(boolean on) {
        v.lockVersion = on ? (v.lockVersion.isEmpty() ? "lockVersion" : v.lockVersion) : "";
        return self();
    }

    /**
     * How attribute names derive from field names in every model that does not choose its own with
     * {@code @Table(naming = ...)}: {@link AttributeNaming#SNAKE_CASE} for tables shared with a Rails
     * app ({@code userId} stored as {@code user_id}, timestamps {@code created_at} and
     * {@code updated_at}, lock attribute {@code lock_version}). {@code @Field(name)} always wins.
     *
     * @param naming {@link AttributeNaming#FIELD_NAMES} (the default) or {@link AttributeNaming#SNAKE_CASE}
     * @return this builder
     * @throws ConfigurationException for {@link AttributeNaming#CONFIGURED}, which only {@code @Table} takes
     */
    public Config.Builder attributeNaming(AttributeNaming naming) {
        v.attributeNaming = ConfigChecks.sessionNaming(naming);
        return self();
    }

    /**
     * How the timestamps ({@code createdAt}, {@code updatedAt}) of every model that does not choose
     * with {@code @Table(timestampFormat = ...)} are stored: {@link TimeFormat#EPOCH_SECONDS} for the
     * numbers with a fraction ({@code 1700000000.123456}) that Dynamoid and OceanDynamo write.
     *
     * @param format the format; {@link TimeFormat#ISO_8601} by default
     * @return this builder
     */
    public Config.Builder timestampFormat(TimeFormat format) {
        v.timestampFormat = Objects.requireNonNull(format, "timestampFormat");
        return self();
    }

    /** @param warn whether every Scan is logged as a warning @return this builder */
    public Config.Builder warnOnScan(boolean warn) {
        v.warnOnScan = warn;
        return self();
    }

    /** @param error whether a query that needs a Scan is refused @return this builder */
    public Config.Builder errorOnScan(boolean error) {
        v.errorOnScan = error;
        return self();
    }

    /**
     * Dynamoid-style write partitioning for every model whose {@code @Table(partitioning)} is
     * {@code SESSION} (the default): each save writes the whole record to one of
     * {@link #partitionSize(int)} copies of its hash key, and reads by key fetch every copy and keep
     * the newest. Off by default. See docs/partitioning.md for what a partitioned model can do.
     *
     * @param on whether models are partitioned unless their {@code @Table} says otherwise
     * @return this builder
     */
    public Config.Builder partitioning(boolean on) {
        v.partitioning = on;
        return self();
    }

    /**
     * @param size how many copies a partitioned record is spread over, 1 to 1000 (default 200), unless
     *     its {@code @Table(partitionSize)} says
     * @return this builder
     * @throws ConfigurationException when out of range
     */
    public Config.Builder partitionSize(int size) {
        v.partitionSize = (int) ConfigChecks.positive("partitionSize", size);
        if (size > 1000) {
            throw new ConfigurationException("partitionSize must be at most 1000 (each read by key fetches every copy), got "
                    + size);
        }
        return self();
    }

    /** @param file for LOCAL: a database file that keeps the data between runs @return this builder */
    public Config.Builder localDataFile(Path file) {
        v.localDataFile = file;
        return self();
    }

    /** @param listener hears every request sent @return this builder */
    public Config.Builder listener(RequestListener listener) {
        v.listeners.add(Objects.requireNonNull(listener, "listener"));
        return self();
    }

    /**
     * Adds an observer of requests and model operations: {@code MicrometerMetrics},
     * {@code OpenTelemetryTracing} (package {@code dev.dynarecord.observe}) or your own.
     *
     * @param observer the observer
     * @return this builder
     */
    public Config.Builder observer(RequestObserver observer) {
        v.observers.add(Objects.requireNonNull(observer, "observer"));
        return self();
    }

    /**
     * Logs every request at least this slow at WARN on the logger {@code dev.dynarecord.requests}
     * (operation, table, index, duration, capacity, item counts; never values). Off by default;
     * from the environment as {@code DYNARECORD_SLOW_REQUEST_THRESHOLD} in milliseconds.
     *
     * @param threshold a positive duration
     * @return this builder
     * @throws ConfigurationException when zero or negative
     */
    public Config.Builder slowRequestThreshold(java.time.Duration threshold) {
        Objects.requireNonNull(threshold, "slowRequestThreshold");
        if (threshold.isZero() || threshold.isNegative()) {
            throw new ConfigurationException("slowRequestThreshold must be positive, got " + threshold
                    + "; give a duration such as Duration.ofMillis(200), or leave it unset for no slow-request log");
        }
        v.slowRequestThreshold = threshold;
        return self();
    }

    /**
     * Bounds the session's own pool for concurrent requests (one Query per shard of a sharded
     * index, the Queries of a preload; default {@value Config#DEFAULT_PARALLELISM}). Its threads are
     * daemons named {@code dynarecord-<session>-<n>}, started on first use and stopped when the
     * session is closed.
     *
     * @param threads 1 to {@value Config#MAX_PARALLELISM}
     * @return this builder
     * @throws ConfigurationException when out of range
     */
    public Config.Builder parallelism(int threads) {
        v.parallelism = ConfigChecks.parallelism(threads);
        return self();
    }

    /**
     * How batch requests retry what DynamoDB leaves unprocessed or throttles (default
     * {@link RetryPolicy#DEFAULT}); from the environment as {@code DYNARECORD_RETRY_MAX_ATTEMPTS},
     * {@code DYNARECORD_RETRY_BASE_DELAY} and {@code DYNARECORD_RETRY_MAX_DELAY} (milliseconds).
     *
     * @param policy the policy
     * @return this builder
     */
    public Config.Builder retryPolicy(RetryPolicy policy) {
        v.retryPolicy = java.util.Objects.requireNonNull(policy, "policy");
        return self();
    }

    Config.Builder retryMaxAttempts(int attempts) {
        RetryPolicy p = v.retryPolicy;
        return retryPolicy(new RetryPolicy(attempts, p.baseDelay(), p.maxDelay()));
    }

    Config.Builder retryBaseDelay(java.time.Duration delay) {
        RetryPolicy p = v.retryPolicy;
        return retryPolicy(new RetryPolicy(p.maxAttempts(), delay, p.maxDelay().compareTo(delay) < 0 ? delay : p.maxDelay()));
    }

    Config.Builder retryMaxDelay(java.time.Duration delay) {
        RetryPolicy p = v.retryPolicy;
        return retryPolicy(new RetryPolicy(p.maxAttempts(), p.baseDelay(), delay));
    }


    /**
     * An executor of your own for concurrent requests, instead of the session's pool: used as is
     * and never shut down by Dynarecord. The thread asking also runs tasks, so a small or busy
     * executor slows a fan-out down but cannot stall it.
     *
     * @param executor the executor, or null for the session's own pool
     * @return this builder
     */
    public Config.Builder executor(Executor executor) {
        v.executor = executor;
        return self();
    }

    /**
     * The Bean Validation validator that checks the constraints of records saved through this
     * session, instead of the default provider's (ADR 0009): a Spring {@code Validator} bean, or one
     * built with your own message interpolator or constraint validators. Used as is; never closed.
     * Typed {@code Object} so that the core still runs without {@code jakarta.validation} on the
     * classpath.
     *
     * @param validator a {@code jakarta.validation.Validator}, or null for the default provider's
     * @return this builder
     * @throws ConfigurationException when the object is not a {@code jakarta.validation.Validator}
     */
    public Config.Builder validator(Object validator) {
        v.validator = ConfigChecks.validator(validator);
        return self();
    }

    /**
     * Registers a converter for a type in sessions on this configuration: it wins over one
     * registered for every session with {@code Converters.register} and over the built-in one,
     * for fields of exactly that class and for elements of collections and maps of it. A
     * field's own {@code @Field(converter = ...)} and {@code @Field(serialized = true)} still
     * win. So two sessions can store the same type differently, and nothing has to be
     * registered before a model is first used.
     *
     * <pre>{@code
     * Session cents = Session.open(c -> c.adapter(Adapter.LOCAL).converter(Money.class, new MoneyAsCents()));
     * }</pre>
     *
     * @param <T> the Java type
     * @param type the exact Java class the converter stores (not its subclasses)
     * @param converter the converter, thread-safe
     * @return this builder
     * @throws ConfigurationException when the type or converter is null, another converter is
     *     registered for the type already, or the converter cannot store the type (its
     *     {@code attributeType()} gives none, or it declares another Java type)
     */
    public <T> Config.Builder converter(Class<T> type, AttributeConverter<T> converter) {
        ConfigChecks.converter(v, type, converter);
        v.converters.put(type, converter);
        return self();
    }

    /**
     * Reads the {@code DYNARECORD_*} environment variables of this process.
     *
     * @return this builder
     * @see #fromEnvironment(Map)
     */
    public Config.Builder fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Reads options from environment-style variables: {@code DYNARECORD_ADAPTER},
     * {@code DYNARECORD_NAMESPACE}, {@code DYNARECORD_TABLE_SUFFIX}, {@code DYNARECORD_REGION},
     * {@code DYNARECORD_ENDPOINT}, {@code DYNARECORD_ACCESS_KEY_ID},
     * {@code DYNARECORD_SECRET_ACCESS_KEY}, {@code DYNARECORD_BILLING_MODE},
     * {@code DYNARECORD_READ_CAPACITY}, {@code DYNARECORD_WRITE_CAPACITY},
     * {@code DYNARECORD_AUTO_CREATE_TABLES}, {@code DYNARECORD_WARN_ON_SCAN}, {@code DYNARECORD_LOCK_VERSION},
     * {@code DYNARECORD_ERROR_ON_SCAN}, {@code DYNARECORD_PARTITIONING},
     * {@code DYNARECORD_PARTITION_SIZE}, {@code DYNARECORD_LOCAL_DATA_FILE},
     * {@code DYNARECORD_PARALLELISM}, {@code DYNARECORD_RETRY_MAX_ATTEMPTS}, {@code DYNARECORD_RETRY_BASE_DELAY},
     * {@code DYNARECORD_RETRY_MAX_DELAY} (milliseconds). Unset variables leave the option alone.
     *
     * @param env the variables
     * @return this builder
     * @throws ConfigurationException naming the variable whose value cannot be used
     */
    public Config.Builder fromEnvironment(Map<String, String> env) {
        ConfigSource.environment(env).applyTo(self());
        return self();
    }

    /**
     * Reads options from properties named {@code dynarecord.adapter},
     * {@code dynarecord.namespace}, {@code dynarecord.tableSuffix}, ... (the environment
     * names in camel case). Unset properties leave the option alone.
     *
     * @param properties the properties
     * @return this builder
     * @throws ConfigurationException naming the property whose value cannot be used
     */
    public Config.Builder fromProperties(Properties properties) {
        ConfigSource.properties(properties, "properties").applyTo(self());
        return self();
    }

    /**
     * Reads options from a properties file.
     *
     * @param file the file
     * @return this builder
     * @throws ConfigurationException when the file cannot be read or holds a bad value
     */
    public Config.Builder fromProperties(Path file) {
        ConfigSource.file(file).applyTo(self());
        return self();
    }

    /**
     * Reads {@code dynarecord.properties} from the classpath, if there is one.
     *
     * @return this builder
     */
    public Config.Builder fromClasspath() {
        ConfigSource.classpath("dynarecord.properties").ifPresent(s -> s.applyTo(self()));
        return self();
    }

    /**
     * Applies a block of settings, for {@code Dynarecord.configure(c -> ...)} style use.
     *
     * @param settings the settings
     * @return this builder
     */
    public Config.Builder with(Consumer<Config.Builder> settings) {
        settings.accept(self());
        return self();
    }
}
