package dev.dynarecord.internal.schema;

import dev.dynarecord.annotation.AttributeNaming;
import dev.dynarecord.annotation.Partitioning;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.types.TimeFormat;

/**
 * A session's defaults for what a model may choose itself with {@code @Table}: the attribute
 * naming, the timestamps' time format and write partitioning.
 *
 * @param naming the session's naming, never {@link AttributeNaming#CONFIGURED}
 * @param timestampFormat how timestamps are stored
 * @param partitioning whether models are partitioned unless their {@code @Table} says otherwise
 * @param partitionSize how many copies a partitioned model has unless its {@code @Table} says
 */
public record SessionConventions(AttributeNaming naming, TimeFormat timestampFormat, boolean partitioning, int partitionSize) {

    /** Field names as attribute names, ISO-8601 timestamps, no partitioning: a configuration that sets none of them. */
    public static final SessionConventions DEFAULT = new SessionConventions(AttributeNaming.FIELD_NAMES, TimeFormat.ISO_8601,
            false, 200);

    /**
     * @param naming the session's naming
     * @param timestampFormat how timestamps are stored
     */
    public SessionConventions(AttributeNaming naming, TimeFormat timestampFormat) {
        this(naming, timestampFormat, false, 200);
    }

    /**
     * @param table the model's (or its hierarchy root's) {@code @Table}, or null
     * @return how many copies the model's records have; 0 when it is not partitioned
     */
    public int partitionsOf(Table table) {
        Partitioning p = table == null ? Partitioning.SESSION : table.partitioning();
        boolean on = p == Partitioning.ON || p == Partitioning.SESSION && partitioning;
        if (!on) {
            return 0;
        }
        return table != null && table.partitionSize() != 0 ? table.partitionSize() : partitionSize;
    }

    /**
     * @param table the model's {@code @Table}, or null
     * @return the naming the model's attributes get: its own, else the session's
     */
    public AttributeNaming namingOf(Table table) {
        return table == null || table.naming() == AttributeNaming.CONFIGURED ? naming : table.naming();
    }
}
