package dev.dynarecord.config;

import dev.dynarecord.annotation.AttributeNaming;
import dev.dynarecord.spi.RequestListener;
import dev.dynarecord.spi.RequestObserver;
import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.TimeFormat;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every option of a {@link Config}, with its default, in one place: a {@link Config.Builder}
 * fills a mutable copy, and a {@link Config} keeps a frozen one. Not thread-safe until frozen.
 */
final class ConfigValues {

    Adapter adapter = Adapter.AWS;
    String namespace = "";
    String tableSuffix = "";
    String region;
    URI endpoint;
    String accessKeyId;
    String secretAccessKey;
    AwsCredentialsProvider credentialsProvider;
    DynamoDbClient client;
    BillingMode billingMode = BillingMode.PROVISIONED;
    long readCapacity = Config.DEFAULT_READ_CAPACITY;
    long writeCapacity = Config.DEFAULT_WRITE_CAPACITY;
    /** Null until set: the default depends on the adapter. */
    Boolean autoCreateTables;
    boolean warnOnScan = true;
    String lockVersion = "lockVersion";
    AttributeNaming attributeNaming = AttributeNaming.FIELD_NAMES;
    TimeFormat timestampFormat = TimeFormat.ISO_8601;
    boolean errorOnScan;
    boolean partitioning;
    int partitionSize = Config.DEFAULT_PARTITION_SIZE;
    Path localDataFile;
    List<RequestListener> listeners = new ArrayList<>();
    List<RequestObserver> observers = new ArrayList<>();
    /** Null for none: requests at least this slow are logged at WARN. */
    Duration slowRequestThreshold;
    /** Null until set: the session's own pool then has the default size; never set with an executor. */
    Integer parallelism;
    Executor executor;
    /** A {@code jakarta.validation.Validator}, held as Object so the API stays optional (ADR 0009). */
    Object validator;
    RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    Map<Class<?>, AttributeConverter<?>> converters = new LinkedHashMap<>();

    /** @return whether missing tables are created on first use: by default yes for LOCAL, no for AWS */
    boolean autoCreate() {
        return autoCreateTables != null ? autoCreateTables : adapter == Adapter.LOCAL;
    }

    /** @return the size of the session's own pool */
    int threads() {
        return parallelism != null ? parallelism : Config.DEFAULT_PARALLELISM;
    }

    /** @return a mutable copy, for a builder derived from a configuration */
    ConfigValues copy() {
        ConfigValues c = copyScalars();
        c.listeners = new ArrayList<>(listeners);
        c.observers = new ArrayList<>(observers);
        c.converters = new LinkedHashMap<>(converters);
        return c;
    }

    /** @return an immutable copy, for a configuration */
    ConfigValues frozen() {
        ConfigValues c = copyScalars();
        c.listeners = List.copyOf(listeners);
        c.observers = List.copyOf(observers);
        c.converters = Collections.unmodifiableMap(new LinkedHashMap<>(converters));
        return c;
    }

    private ConfigValues copyScalars() {
        ConfigValues c = new ConfigValues();
        c.adapter = adapter;
        c.namespace = namespace;
        c.tableSuffix = tableSuffix;
        c.region = region;
        c.endpoint = endpoint;
        c.accessKeyId = accessKeyId;
        c.secretAccessKey = secretAccessKey;
        c.credentialsProvider = credentialsProvider;
        c.client = client;
        c.billingMode = billingMode;
        c.readCapacity = readCapacity;
        c.writeCapacity = writeCapacity;
        c.autoCreateTables = autoCreateTables;
        c.warnOnScan = warnOnScan;
        c.lockVersion = lockVersion;
        c.attributeNaming = attributeNaming;
        c.timestampFormat = timestampFormat;
        c.errorOnScan = errorOnScan;
        c.partitioning = partitioning;
        c.partitionSize = partitionSize;
        c.localDataFile = localDataFile;
        c.parallelism = parallelism;
        c.executor = executor;
        c.validator = validator;
        c.retryPolicy = retryPolicy;
        c.slowRequestThreshold = slowRequestThreshold;
        return c;
    }
}
