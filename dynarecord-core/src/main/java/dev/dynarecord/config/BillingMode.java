package dev.dynarecord.config;

/** How tables that Dynarecord creates are billed. */
public enum BillingMode {
    /** Fixed read and write capacity units, from the model's {@code @Table} or the configuration. */
    PROVISIONED,
    /** Pay per request; capacities are ignored. */
    ON_DEMAND
}
