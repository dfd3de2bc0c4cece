package dev.dynarecord.config;

import dev.dynarecord.exception.ConfigurationException;
import dev.dynarecord.spi.RequestListener;
import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.Converters;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Pattern;
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
     * Number of copies a partitioned record would be spread over, as in Dynamoid. Reserved: write
     * partitioning is not implemented yet.
     */
    public static final int DEFAULT_PARTITION_SIZE = 200;
    /** Threads of a session's own pool for concurrent requests (the shards of a sharded index, preloading). */
    public static final int DEFAULT_PARALLELISM = 16;
    /** The most threads a session's own pool may have: one per shard of the largest sharded index. */
    public static final int MAX_PARALLELISM = 1000;

    private static final Pattern NAME_CHARS = Pattern.compile("[A-Za-z0-9_.-]*");

    private final Adapter adapter;
    private final String namespace;
    private final String tableSuffix;
    private final String region;
    private final URI endpoint;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final AwsCredentialsProvider credentialsProvider;
    private final DynamoDbClient client;
    private final BillingMode billingMode;
    private final long readCapacity;
    private final long writeCapacity;
    private final Boolean autoCreateTables;
    private final boolean warnOnScan;
    private final String lockVersion;
    private final boolean errorOnScan;
    private final boolean partitioning;
    private final int partitionSize;
    private final Path localDataFile;
    private final List<RequestListener> listeners;
    private final Integer parallelism;
    private final Executor executor;
    private final Map<Class<?>, AttributeConverter<?>> converters;

    private Config(Builder b) {
        this.adapter = b.adapter;
        this.namespace = b.namespace;
        this.tableSuffix = b.tableSuffix;
        this.region = b.region;
        this.endpoint = b.endpoint;
        this.accessKeyId = b.accessKeyId;
        this.secretAccessKey = b.secretAccessKey;
        this.credentialsProvider = b.credentialsProvider;
        this.client = b.client;
        this.billingMode = b.billingMode;
        this.readCapacity = b.readCapacity;
        this.writeCapacity = b.writeCapacity;
        this.autoCreateTables = b.autoCreateTables;
        this.warnOnScan = b.warnOnScan;
        this.lockVersion = b.lockVersion;
        this.errorOnScan = b.errorOnScan;
        this.partitioning = b.partitioning;
        this.partitionSize = b.partitionSize;
        this.localDataFile = b.localDataFile;
        this.listeners = List.copyOf(b.listeners);
        this.parallelism = b.parallelism;
        this.executor = b.executor;
        this.converters = Collections.unmodifiableMap(new LinkedHashMap<>(b.converters));
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
        return adapter;
    }

    /** @return the table-name prefix, joined to the table name with {@code _}; empty for none */
    public String namespace() {
        return namespace;
    }

    /** @return the table-name suffix, joined with {@code _}; empty for none */
    public String tableSuffix() {
        return tableSuffix;
    }

    /** @return the AWS region, if set (else the SDK's region chain decides) */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** @return the endpoint override, if set */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /** @return whether an explicit access key and secret were given */
    public boolean hasStaticCredentials() {
        return accessKeyId != null;
    }

    /**
     * The explicit access key id; never printed by {@link #toString()}.
     *
     * @return the key id, if explicit credentials were given
     */
    public Optional<String> accessKeyId() {
        return Optional.ofNullable(accessKeyId);
    }

    /**
     * The explicit secret access key; never printed by {@link #toString()} nor logged.
     *
     * @return the secret, if explicit credentials were given
     */
    public Optional<String> secretAccessKey() {
        return Optional.ofNullable(secretAccessKey);
    }

    /** @return a credentials provider given in code, if any */
    public Optional<AwsCredentialsProvider> credentialsProvider() {
        return Optional.ofNullable(credentialsProvider);
    }

    /** @return a client supplied by the user, used as is, if any */
    public Optional<DynamoDbClient> client() {
        return Optional.ofNullable(client);
    }

    /** @return how created tables are billed */
    public BillingMode billingMode() {
        return billingMode;
    }

    /** @return read capacity units for created tables that do not declare their own */
    public long readCapacity() {
        return readCapacity;
    }

    /** @return write capacity units for created tables that do not declare their own */
    public long writeCapacity() {
        return writeCapacity;
    }

    /** @return whether missing tables are created on first use: by default yes for LOCAL, no for AWS */
    public boolean autoCreateTables() {
        return autoCreateTables != null ? autoCreateTables : adapter == Adapter.LOCAL;
    }

    /**
     * @return the optimistic-locking attribute of models that do not name their own; empty when
     *     locking is off everywhere
     */
    public String lockVersion() {
        return lockVersion;
    }

    /** @return whether every Scan is logged as a warning */
    public boolean warnOnScan() {
        return warnOnScan;
    }

    /** @return whether a query that needs a Scan is refused */
    public boolean errorOnScan() {
        return errorOnScan;
    }

    /**
     * Whether Dynamoid-style write partitioning was asked for. Reserved: stored and validated, not
     * yet applied to writes or reads; a later release will spread partitioned hash keys.
     *
     * @return the setting
     */
    public boolean partitioning() {
        return partitioning;
    }

    /**
     * How many copies a partitioned record's hash key is to be spread over. Reserved: stored and
     * validated, not yet applied to writes or reads.
     *
     * @return the setting
     */
    public int partitionSize() {
        return partitionSize;
    }

    /** @return for LOCAL: a database file that keeps the embedded engine's data; empty for memory only */
    public Optional<Path> localDataFile() {
        return Optional.ofNullable(localDataFile);
    }

    /** @return listeners that hear every request sent */
    public List<RequestListener> listeners() {
        return listeners;
    }

    /**
     * @return how many threads a session's own pool runs concurrent requests on (the calling thread
     *     takes part too); not used with {@link #executor()}
     */
    public int parallelism() {
        return parallelism != null ? parallelism : DEFAULT_PARALLELISM;
    }

    /** @return an executor supplied by the user for concurrent requests, used as is and never shut down, if any */
    public Optional<Executor> executor() {
        return Optional.ofNullable(executor);
    }

    /**
     * @return the converters a session on this configuration uses, by the exact Java class they
     *     store, in registration order; they win over those of {@code Converters.register}
     */
    public Map<Class<?>, AttributeConverter<?>> converters() {
        return converters;
    }

    /**
     * The full table name for a model's base name: namespace, name and suffix joined by {@code _}.
     *
     * @param baseName the model's table name
     * @return the name of the table in DynamoDB
     */
    public String tableName(String baseName) {
        StringBuilder sb = new StringBuilder(namespace.length() + baseName.length() + tableSuffix.length() + 2);
        if (!namespace.isEmpty()) {
            sb.append(namespace).append('_');
        }
        sb.append(baseName);
        if (!tableSuffix.isEmpty()) {
            sb.append('_').append(tableSuffix);
        }
        return sb.toString();
    }

    /** A description with every option and no secret: credentials show only whether they are set. */
    @Override
    public String toString() {
        return "Config{adapter=" + adapter
                + ", namespace='" + namespace + "'"
                + ", tableSuffix='" + tableSuffix + "'"
                + (adapter == Adapter.LOCAL ? ", engine=embedded(" + (localDataFile == null ? "memory" : localDataFile) + ")"
                        : ", region=" + (region == null ? "(sdk default)" : region)
                        + ", endpoint=" + (endpoint == null ? "(default)" : endpoint)
                        + ", credentials=" + credentialsDescription()
                        + ", client=" + (client == null ? "(built)" : "(supplied)"))
                + ", billing=" + billingMode
                + (billingMode == BillingMode.PROVISIONED ? ", capacity=" + readCapacity + "/" + writeCapacity : "")
                + ", autoCreateTables=" + autoCreateTables()
                + ", warnOnScan=" + warnOnScan
                + ", lockVersion=" + (lockVersion.isEmpty() ? "(off)" : lockVersion)
                + ", errorOnScan=" + errorOnScan
                + ", partitioning=" + partitioning
                + (partitioning ? ", partitionSize=" + partitionSize : "")
                + (executor == null ? ", parallelism=" + parallelism() : ", executor=(supplied)")
                + (converters.isEmpty() ? "" : ", converters=" + converterDescription())
                + "}";
    }

    private String converterDescription() {
        StringJoiner all = new StringJoiner(", ", "{", "}");
        converters.forEach((type, converter) -> all.add(type.getSimpleName() + "=" + converter.getClass().getSimpleName()));
        return all.toString();
    }

    private String credentialsDescription() {
        if (accessKeyId != null) {
            return "static(****)";
        }
        return credentialsProvider != null ? "provider(supplied)" : "(sdk default chain)";
    }

    /**
     * Builds a {@link Config}. Not thread-safe. Later calls override earlier ones, so
     * {@code fromEnvironment()} followed by {@code namespace("x")} keeps {@code x}.
     */
    public static final class Builder {
        private Adapter adapter = Adapter.AWS;
        private String namespace = "";
        private String tableSuffix = "";
        private String region;
        private URI endpoint;
        private String accessKeyId;
        private String secretAccessKey;
        private AwsCredentialsProvider credentialsProvider;
        private DynamoDbClient client;
        private BillingMode billingMode = BillingMode.PROVISIONED;
        private long readCapacity = DEFAULT_READ_CAPACITY;
        private long writeCapacity = DEFAULT_WRITE_CAPACITY;
        private Boolean autoCreateTables;
        private boolean warnOnScan = true;
        private String lockVersion = "lockVersion";
        private boolean errorOnScan;
        private boolean partitioning;
        private int partitionSize = DEFAULT_PARTITION_SIZE;
        private Path localDataFile;
        private final List<RequestListener> listeners = new ArrayList<>();
        private Integer parallelism;
        private Executor executor;
        private final Map<Class<?>, AttributeConverter<?>> converters = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(Config c) {
            adapter = c.adapter;
            namespace = c.namespace;
            tableSuffix = c.tableSuffix;
            region = c.region;
            endpoint = c.endpoint;
            accessKeyId = c.accessKeyId;
            secretAccessKey = c.secretAccessKey;
            credentialsProvider = c.credentialsProvider;
            client = c.client;
            billingMode = c.billingMode;
            readCapacity = c.readCapacity;
            writeCapacity = c.writeCapacity;
            autoCreateTables = c.autoCreateTables;
            warnOnScan = c.warnOnScan;
            lockVersion = c.lockVersion;
            errorOnScan = c.errorOnScan;
            partitioning = c.partitioning;
            partitionSize = c.partitionSize;
            localDataFile = c.localDataFile;
            listeners.addAll(c.listeners);
            parallelism = c.parallelism;
            executor = c.executor;
            converters.putAll(c.converters);
        }

        /** @param adapter LOCAL (embedded engine) or AWS @return this builder */
        public Builder adapter(Adapter adapter) {
            this.adapter = Objects.requireNonNull(adapter, "adapter");
            return this;
        }

        /** @param namespace table-name prefix, letters, digits, {@code _ - .}; empty for none @return this builder */
        public Builder namespace(String namespace) {
            this.namespace = checkNamePart("namespace", namespace);
            return this;
        }

        /** @param suffix table-name suffix, letters, digits, {@code _ - .}; empty for none @return this builder */
        public Builder tableSuffix(String suffix) {
            this.tableSuffix = checkNamePart("tableSuffix", suffix);
            return this;
        }

        /** @param region an AWS region id such as {@code eu-west-1} @return this builder */
        public Builder region(String region) {
            this.region = blankToNull(region);
            return this;
        }

        /** @param endpoint an endpoint such as {@code http://127.0.0.1:8000} @return this builder */
        public Builder endpoint(String endpoint) {
            if (blankToNull(endpoint) == null) {
                this.endpoint = null;
                return this;
            }
            try {
                URI uri = URI.create(endpoint.trim());
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException("no scheme or host");
                }
                this.endpoint = uri;
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("endpoint '" + endpoint
                        + "' is not a URL: write it as http://host:port or https://host", e);
            }
            return this;
        }

        /** @param endpoint an endpoint override @return this builder */
        public Builder endpoint(URI endpoint) {
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
        public Builder credentials(String accessKeyId, String secretAccessKey) {
            if (blankToNull(accessKeyId) == null || blankToNull(secretAccessKey) == null) {
                throw new ConfigurationException(
                        "credentials need both an access key id and a secret access key; pass both, or neither to use the SDK's default chain");
            }
            this.accessKeyId = accessKeyId;
            this.secretAccessKey = secretAccessKey;
            return this;
        }

        /** @param provider a credentials provider to use instead of the default chain @return this builder */
        public Builder credentialsProvider(AwsCredentialsProvider provider) {
            this.credentialsProvider = provider;
            return this;
        }

        /**
         * A client to use as is, instead of one built from this configuration. The session does
         * not close it.
         *
         * @param client the client
         * @return this builder
         */
        public Builder client(DynamoDbClient client) {
            this.client = client;
            return this;
        }

        /** @param units read capacity units for created tables @return this builder */
        public Builder readCapacity(long units) {
            this.readCapacity = checkPositive("readCapacity", units);
            this.billingMode = BillingMode.PROVISIONED;
            return this;
        }

        /** @param units write capacity units for created tables @return this builder */
        public Builder writeCapacity(long units) {
            this.writeCapacity = checkPositive("writeCapacity", units);
            this.billingMode = BillingMode.PROVISIONED;
            return this;
        }

        /** Created tables are billed per request. @return this builder */
        public Builder onDemand() {
            this.billingMode = BillingMode.ON_DEMAND;
            return this;
        }

        /** @param mode how created tables are billed @return this builder */
        public Builder billingMode(BillingMode mode) {
            this.billingMode = Objects.requireNonNull(mode, "billingMode");
            return this;
        }

        /** @param create whether missing tables are created on first use @return this builder */
        public Builder autoCreateTables(boolean create) {
            this.autoCreateTables = create;
            return this;
        }

        /**
         * Names the optimistic-locking attribute (default {@code lockVersion}); models can name their
         * own with {@code @Table(lockVersion = ...)} or opt out with {@code @Table(locking = false)}.
         *
         * @param attribute the attribute name; empty to turn optimistic locking off for every model
         * @return this builder
         */
        public Builder lockVersion(String attribute) {
            this.lockVersion = java.util.Objects.requireNonNull(attribute, "attribute").trim();
            return this;
        }

        /** @param on whether optimistic locking is on (with the attribute {@code lockVersion}) @return this builder */
        public Builder optimisticLocking(boolean on) {
            this.lockVersion = on ? (lockVersion.isEmpty() ? "lockVersion" : lockVersion) : "";
            return this;
        }

        /** @param warn whether every Scan is logged as a warning @return this builder */
        public Builder warnOnScan(boolean warn) {
            this.warnOnScan = warn;
            return this;
        }

        /** @param error whether a query that needs a Scan is refused @return this builder */
        public Builder errorOnScan(boolean error) {
            this.errorOnScan = error;
            return this;
        }

        /**
         * Reserved: stored and validated, not yet applied to writes or reads (write partitioning
         * is a future feature).
         *
         * @param on whether Dynamoid-style write partitioning is on
         * @return this builder
         */
        public Builder partitioning(boolean on) {
            this.partitioning = on;
            return this;
        }

        /**
         * Reserved: stored and validated, not yet applied to writes or reads (write partitioning
         * is a future feature).
         *
         * @param size how many copies a partitioned hash key is spread over, at least 1
         * @return this builder
         */
        public Builder partitionSize(int size) {
            this.partitionSize = (int) checkPositive("partitionSize", size);
            return this;
        }

        /** @param file for LOCAL: a database file that keeps the data between runs @return this builder */
        public Builder localDataFile(Path file) {
            this.localDataFile = file;
            return this;
        }

        /** @param listener hears every request sent @return this builder */
        public Builder listener(RequestListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Bounds the session's own pool for concurrent requests (one Query per shard of a sharded
         * index, the Queries of a preload; default {@value #DEFAULT_PARALLELISM}). Its threads are
         * daemons named {@code dynarecord-<session>-<n>}, started on first use and stopped when the
         * session is closed.
         *
         * @param threads 1 to {@value #MAX_PARALLELISM}
         * @return this builder
         * @throws ConfigurationException when out of range
         */
        public Builder parallelism(int threads) {
            if (threads < 1 || threads > MAX_PARALLELISM) {
                throw new ConfigurationException("parallelism must be between 1 and " + MAX_PARALLELISM + ", got " + threads
                        + "; it is the number of threads a session runs concurrent requests on (1 sends them one at a time)");
            }
            this.parallelism = threads;
            return this;
        }

        /**
         * An executor of your own for concurrent requests, instead of the session's pool: used as is
         * and never shut down by Dynarecord. The thread asking also runs tasks, so a small or busy
         * executor slows a fan-out down but cannot stall it.
         *
         * @param executor the executor, or null for the session's own pool
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
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
        public <T> Builder converter(Class<T> type, AttributeConverter<T> converter) {
            if (type == null) {
                throw new ConfigurationException("converter(null, ...): name the Java class the converter stores, as in"
                        + " converter(Money.class, new MoneyConverter())");
            }
            if (converter == null) {
                throw new ConfigurationException("converter(" + type.getSimpleName() + ".class, null): pass the converter"
                        + " that stores " + type.getName() + " values");
            }
            AttributeConverter<?> registered = converters.get(type);
            if (registered != null && registered != converter) {
                throw new ConfigurationException("a converter for " + type.getName() + " is registered already ("
                        + registered.getClass().getName() + "), and converter(" + type.getSimpleName() + ".class, "
                        + converter.getClass().getSimpleName() + ") would replace it; register one converter per type"
                        + " (a session that needs another one takes a configuration of its own)");
            }
            try {
                Converters.checkRegistration(type, converter);
            } catch (ConfigurationException e) {
                throw new ConfigurationException("converter(" + type.getSimpleName() + ".class, ...): " + e.getMessage(), e);
            }
            converters.put(type, converter);
            return this;
        }

        /**
         * Reads the {@code DYNARECORD_*} environment variables of this process.
         *
         * @return this builder
         * @see #fromEnvironment(Map)
         */
        public Builder fromEnvironment() {
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
         * {@code DYNARECORD_PARALLELISM}. Unset variables leave the option alone.
         *
         * @param env the variables
         * @return this builder
         * @throws ConfigurationException naming the variable whose value cannot be used
         */
        public Builder fromEnvironment(Map<String, String> env) {
            ConfigSource.environment(env).applyTo(this);
            return this;
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
        public Builder fromProperties(Properties properties) {
            ConfigSource.properties(properties, "properties").applyTo(this);
            return this;
        }

        /**
         * Reads options from a properties file.
         *
         * @param file the file
         * @return this builder
         * @throws ConfigurationException when the file cannot be read or holds a bad value
         */
        public Builder fromProperties(Path file) {
            ConfigSource.file(file).applyTo(this);
            return this;
        }

        /**
         * Reads {@code dynarecord.properties} from the classpath, if there is one.
         *
         * @return this builder
         */
        public Builder fromClasspath() {
            ConfigSource.classpath("dynarecord.properties").ifPresent(s -> s.applyTo(this));
            return this;
        }

        /**
         * Applies a block of settings, for {@code Dynarecord.configure(c -> ...)} style use.
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder with(Consumer<Builder> settings) {
            settings.accept(this);
            return this;
        }

        /**
         * Checks the options together and builds.
         *
         * @return the configuration
         * @throws ConfigurationException when options contradict each other
         */
        public Config build() {
            if (adapter == Adapter.LOCAL && client != null) {
                throw new ConfigurationException(
                        "adapter LOCAL starts its own embedded client, but a client was supplied too; use adapter AWS with your client, or drop the client");
            }
            if (adapter == Adapter.LOCAL && endpoint != null) {
                throw new ConfigurationException("adapter LOCAL runs in-process and takes no endpoint ("
                        + endpoint + "); use adapter AWS with the endpoint to reach DynamoDB Local as a server");
            }
            if (adapter == Adapter.AWS && localDataFile != null) {
                throw new ConfigurationException("localDataFile applies to adapter LOCAL only; remove it or switch the adapter to LOCAL");
            }
            if (accessKeyId != null && credentialsProvider != null) {
                throw new ConfigurationException(
                        "both static credentials and a credentials provider were given; keep one");
            }
            if (executor != null && parallelism != null) {
                throw new ConfigurationException("parallelism (" + parallelism + ") bounds the session's own pool, but an"
                        + " executor was supplied too; bound your executor yourself and drop parallelism, or drop the executor");
            }
            return new Config(this);
        }

        private static String checkNamePart(String option, String value) {
            String v = value == null ? "" : value.trim();
            if (!NAME_CHARS.matcher(v).matches()) {
                throw new ConfigurationException(option + " '" + v
                        + "' has characters DynamoDB table names cannot hold; use only letters, digits, '_', '-' and '.'");
            }
            if (v.length() > 200) {
                throw new ConfigurationException(option + " is " + v.length()
                        + " characters long; keep it under 200 so table names stay within DynamoDB's 255");
            }
            return v;
        }

        private static long checkPositive(String option, long value) {
            if (value < 1) {
                throw new ConfigurationException(option + " must be at least 1, got " + value);
            }
            return value;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
