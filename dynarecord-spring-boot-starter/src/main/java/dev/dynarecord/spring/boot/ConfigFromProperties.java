package dev.dynarecord.spring.boot;

import dev.dynarecord.config.Config;
import dev.dynarecord.config.RetryPolicy;
import java.util.function.Consumer;

/**
 * Applies the {@code dynarecord.*} properties that are set to a {@link Config.Builder}, one option
 * at a time, so that a value the core refuses is an {@link InvalidPropertyException} naming the
 * property. Secrets are never part of a message.
 */
final class ConfigFromProperties {

    private final Config.Builder builder;

    private ConfigFromProperties(Config.Builder builder) {
        this.builder = builder;
    }

    /**
     * @param builder the builder, already holding what the classpath and environment set
     * @param p the bound properties
     * @return the builder
     * @throws InvalidPropertyException for the first property whose value cannot be used
     */
    static Config.Builder apply(Config.Builder builder, DynarecordProperties p) {
        ConfigFromProperties to = new ConfigFromProperties(builder);
        to.set("adapter", p.getAdapter(), b -> b.adapter(p.getAdapter()));
        to.set("namespace", p.getNamespace(), b -> b.namespace(p.getNamespace()));
        to.set("table-suffix", p.getTableSuffix(), b -> b.tableSuffix(p.getTableSuffix()));
        to.set("region", p.getRegion(), b -> b.region(p.getRegion()));
        to.set("endpoint", p.getEndpoint(), b -> b.endpoint(p.getEndpoint()));
        to.credentials(p.getAccessKeyId(), p.getSecretAccessKey());
        to.set("billing-mode", p.getBillingMode(), b -> b.billingMode(p.getBillingMode()));
        to.set("read-capacity", p.getReadCapacity(), b -> b.readCapacity(p.getReadCapacity()));
        to.set("write-capacity", p.getWriteCapacity(), b -> b.writeCapacity(p.getWriteCapacity()));
        to.set("auto-create-tables", p.getAutoCreateTables(), b -> b.autoCreateTables(p.getAutoCreateTables()));
        to.set("warn-on-scan", p.getWarnOnScan(), b -> b.warnOnScan(p.getWarnOnScan()));
        to.set("error-on-scan", p.getErrorOnScan(), b -> b.errorOnScan(p.getErrorOnScan()));
        to.set("lock-version", p.getLockVersion(), b -> b.lockVersion(p.getLockVersion()));
        to.set("attribute-naming", p.getAttributeNaming(), b -> b.attributeNaming(p.getAttributeNaming()));
        to.set("timestamp-format", p.getTimestampFormat(), b -> b.timestampFormat(p.getTimestampFormat()));
        to.set("partitioning", p.getPartitioning(), b -> b.partitioning(p.getPartitioning()));
        to.set("partition-size", p.getPartitionSize(), b -> b.partitionSize(p.getPartitionSize()));
        to.set("local-data-file", p.getLocalDataFile(), b -> b.localDataFile(p.getLocalDataFile()));
        to.set("parallelism", p.getParallelism(), b -> b.parallelism(p.getParallelism()));
        to.set("slow-request-threshold", p.getSlowRequestThreshold(), b -> b.slowRequestThreshold(p.getSlowRequestThreshold()));
        to.retry(p.getRetry());
        return builder;
    }

    private void set(String property, Object value, Consumer<Config.Builder> option) {
        if (value == null) {
            return;
        }
        try {
            option.accept(builder);
        } catch (RuntimeException e) {
            throw new InvalidPropertyException("dynarecord." + property, "'" + value + "'", e);
        }
    }

    private void credentials(String keyId, String secret) {
        if (keyId == null && secret == null) {
            return;
        }
        try {
            builder.credentials(keyId, secret);
        } catch (RuntimeException e) {
            throw new InvalidPropertyException(keyId == null ? "dynarecord.access-key-id" : "dynarecord.secret-access-key",
                    "(hidden)", e);
        }
    }

    private void retry(DynarecordProperties.Retry r) {
        if (r.getMaxAttempts() == null && r.getBaseDelay() == null && r.getMaxDelay() == null) {
            return;
        }
        RetryPolicy now = builder.build().retryPolicy();
        int attempts = r.getMaxAttempts() != null ? r.getMaxAttempts() : now.maxAttempts();
        java.time.Duration baseDelay = r.getBaseDelay() != null ? r.getBaseDelay() : now.baseDelay();
        java.time.Duration max = r.getMaxDelay() != null ? r.getMaxDelay()
                : (now.maxDelay().compareTo(baseDelay) < 0 ? baseDelay : now.maxDelay());
        try {
            builder.retryPolicy(new RetryPolicy(attempts, baseDelay, max));
        } catch (RuntimeException e) {
            // the core names the bound it refused: retry maxAttempts / baseDelay / maxDelay
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("retry maxAttempts")) {
                throw new InvalidPropertyException("dynarecord.retry.max-attempts", "'" + attempts + "'", e);
            }
            boolean base = message.startsWith("retry baseDelay");
            throw new InvalidPropertyException(base ? "dynarecord.retry.base-delay" : "dynarecord.retry.max-delay",
                    "'" + (base ? baseDelay : max) + "'", e);
        }
    }
}
