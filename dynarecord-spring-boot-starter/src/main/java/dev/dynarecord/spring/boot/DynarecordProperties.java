package dev.dynarecord.spring.boot;

import dev.dynarecord.annotation.AttributeNaming;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.config.BillingMode;
import dev.dynarecord.types.TimeFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code dynarecord.*} properties: one for every option of {@link dev.dynarecord.config.Config}
 * that is a value (those that are objects come from beans: a {@code DynamoDbClient}, an
 * {@code AwsCredentialsProvider}, {@code RequestListener}s, the {@code Validator}), plus model
 * scanning. A property left unset leaves the option as {@code dynarecord.properties} on the classpath,
 * the {@code DYNARECORD_*} environment variables or the core's default have it.
 *
 * <pre>
 * dynarecord.adapter=LOCAL
 * dynarecord.namespace=myapp_development
 * dynarecord.models.packages=com.example.model
 * </pre>
 *
 * <p>{@link #toString()} never shows the secret access key. Not thread-safe: bound once at startup.
 */
@ConfigurationProperties("dynarecord")
public class DynarecordProperties {

    /** Which DynamoDB the session talks to: LOCAL (the embedded engine, needs dynarecord-local) or AWS. Default AWS. */
    private Adapter adapter;
    /** Table-name prefix, joined to each table name with '_': letters, digits, '_', '-', '.'. Default none. */
    private String namespace;
    /** Table-name suffix, joined with '_'. Default none. */
    private String tableSuffix;
    /** AWS region id, such as eu-west-1. Default: the SDK's region chain (us-east-1 with an endpoint). */
    private String region;
    /** Endpoint override, such as http://127.0.0.1:8000 (adapter AWS only). Default: DynamoDB's. */
    private String endpoint;
    /** Explicit access key id, with secret-access-key. Default: an AwsCredentialsProvider bean, else the SDK's chain. */
    private String accessKeyId;
    /** Explicit secret access key, with access-key-id; never logged nor shown. */
    private String secretAccessKey;
    /** How created tables are billed: PROVISIONED or ON_DEMAND. Default PROVISIONED. */
    private BillingMode billingMode;
    /** Read capacity units of created tables whose model declares none (sets PROVISIONED). Default 100. */
    private Long readCapacity;
    /** Write capacity units of created tables whose model declares none (sets PROVISIONED). Default 20. */
    private Long writeCapacity;
    /** Whether missing tables are created on first use. Default: true for LOCAL, false for AWS. */
    private Boolean autoCreateTables;
    /** Whether every Scan is logged as a warning. Default true. */
    private Boolean warnOnScan;
    /** Whether a query that needs a Scan is refused. Default false. */
    private Boolean errorOnScan;
    /** The optimistic-locking attribute of models that name none; empty turns locking off. Default lockVersion. */
    private String lockVersion;
    /** How attribute names derive from field names: FIELD_NAMES or SNAKE_CASE (tables shared with Rails). Default FIELD_NAMES. */
    private AttributeNaming attributeNaming;
    /** How createdAt/updatedAt are stored: ISO_8601 or EPOCH_SECONDS. Default ISO_8601. */
    private TimeFormat timestampFormat;
    /** Dynamoid-style write partitioning for models that follow the session. Default false. */
    private Boolean partitioning;
    /** How many copies a partitioned record is spread over, 1 to 1000. Default 200. */
    private Integer partitionSize;
    /** For LOCAL: a database file that keeps the embedded engine's data between runs. Default: in memory. */
    private Path localDataFile;
    /** Threads of the session's own pool for concurrent requests, 1 to 1000. Default 16. */
    private Integer parallelism;
    /** Requests at least this slow are logged at WARN on dev.dynarecord.requests. Default: none. */
    private Duration slowRequestThreshold;
    /** How batch requests retry unprocessed and throttled work. */
    private final Retry retry = new Retry();
    /** Micrometer metrics of requests and operations, when a MeterRegistry bean exists. */
    private final Toggle metrics = new Toggle();
    /** OpenTelemetry spans of requests and operations, when an OpenTelemetry bean exists. */
    private final Toggle tracing = new Toggle();
    /** Which models the starter finds, and what it does with their tables at startup. */
    private final Models models = new Models();

    /** How batch requests retry unprocessed and throttled work (RetryPolicy). */
    public static class Retry {
        /** Attempts in all, 1 to 1000. Default 10. */
        private Integer maxAttempts;
        /** The first wait, at least 1 ms. Default 25ms. */
        private Duration baseDelay;
        /** The longest wait, at least the base delay. Default 2s. */
        private Duration maxDelay;

        public Integer getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(Integer maxAttempts) { this.maxAttempts = maxAttempts; }
        public Duration getBaseDelay() { return baseDelay; }
        public void setBaseDelay(Duration baseDelay) { this.baseDelay = baseDelay; }
        public Duration getMaxDelay() { return maxDelay; }
        public void setMaxDelay(Duration maxDelay) { this.maxDelay = maxDelay; }
    }

    /** Whether a report (metrics or traces) is made when its library's bean exists. */
    public static class Toggle {
        /** Whether it is made. Default true. */
        private boolean enabled = true;

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
    }

    /** Model scanning: the packages searched for subclasses of Model, and what is done with their tables. */
    public static class Models {
        /** Packages searched (with their subpackages) for concrete subclasses of dev.dynarecord.Model. Default none. */
        private List<String> packages = new ArrayList<>();
        /** What startup does with the found models' tables: CREATE, SYNC or NONE. Default CREATE for LOCAL, NONE otherwise. */
        private TableAction tables;

        public List<String> getPackages() { return packages; }
        public void setPackages(List<String> packages) { this.packages = packages; }
        public TableAction getTables() { return tables; }
        public void setTables(TableAction tables) { this.tables = tables; }
    }

    public Adapter getAdapter() { return adapter; }
    public void setAdapter(Adapter adapter) { this.adapter = adapter; }
    public String getNamespace() { return namespace; }
    public void setNamespace(String namespace) { this.namespace = namespace; }
    public String getTableSuffix() { return tableSuffix; }
    public void setTableSuffix(String tableSuffix) { this.tableSuffix = tableSuffix; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getEndpoint() { return endpoint; }
    public void setEndpoint(String endpoint) { this.endpoint = endpoint; }
    public String getAccessKeyId() { return accessKeyId; }
    public void setAccessKeyId(String accessKeyId) { this.accessKeyId = accessKeyId; }
    public String getSecretAccessKey() { return secretAccessKey; }
    public void setSecretAccessKey(String secretAccessKey) { this.secretAccessKey = secretAccessKey; }
    public BillingMode getBillingMode() { return billingMode; }
    public void setBillingMode(BillingMode billingMode) { this.billingMode = billingMode; }
    public Long getReadCapacity() { return readCapacity; }
    public void setReadCapacity(Long readCapacity) { this.readCapacity = readCapacity; }
    public Long getWriteCapacity() { return writeCapacity; }
    public void setWriteCapacity(Long writeCapacity) { this.writeCapacity = writeCapacity; }
    public Boolean getAutoCreateTables() { return autoCreateTables; }
    public void setAutoCreateTables(Boolean autoCreateTables) { this.autoCreateTables = autoCreateTables; }
    public Boolean getWarnOnScan() { return warnOnScan; }
    public void setWarnOnScan(Boolean warnOnScan) { this.warnOnScan = warnOnScan; }
    public Boolean getErrorOnScan() { return errorOnScan; }
    public void setErrorOnScan(Boolean errorOnScan) { this.errorOnScan = errorOnScan; }
    public String getLockVersion() { return lockVersion; }
    public void setLockVersion(String lockVersion) { this.lockVersion = lockVersion; }
    public AttributeNaming getAttributeNaming() { return attributeNaming; }
    public void setAttributeNaming(AttributeNaming attributeNaming) { this.attributeNaming = attributeNaming; }
    public TimeFormat getTimestampFormat() { return timestampFormat; }
    public void setTimestampFormat(TimeFormat timestampFormat) { this.timestampFormat = timestampFormat; }
    public Boolean getPartitioning() { return partitioning; }
    public void setPartitioning(Boolean partitioning) { this.partitioning = partitioning; }
    public Integer getPartitionSize() { return partitionSize; }
    public void setPartitionSize(Integer partitionSize) { this.partitionSize = partitionSize; }
    public Path getLocalDataFile() { return localDataFile; }
    public void setLocalDataFile(Path localDataFile) { this.localDataFile = localDataFile; }
    public Integer getParallelism() { return parallelism; }
    public void setParallelism(Integer parallelism) { this.parallelism = parallelism; }
    public Duration getSlowRequestThreshold() { return slowRequestThreshold; }
    public void setSlowRequestThreshold(Duration slowRequestThreshold) { this.slowRequestThreshold = slowRequestThreshold; }
    public Retry getRetry() { return retry; }
    public Toggle getMetrics() { return metrics; }
    public Toggle getTracing() { return tracing; }
    public Models getModels() { return models; }

    /** The properties that are set, with the secret hidden. */
    @Override
    public String toString() {
        return "DynarecordProperties{adapter=" + adapter + ", namespace=" + namespace + ", tableSuffix=" + tableSuffix
                + ", region=" + region + ", endpoint=" + endpoint
                + ", credentials=" + (accessKeyId == null && secretAccessKey == null ? "(unset)" : "(set, hidden)")
                + ", models=" + models.packages + "/" + models.tables + "}";
    }
}
