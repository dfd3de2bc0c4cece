package dev.dynarecord.internal.schema;

import dev.dynarecord.annotation.AttributeNaming;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.types.TimeFormat;

/**
 * A session's defaults for the names and formats a model may choose itself with {@code @Table}:
 * the attribute naming and the timestamps' time format.
 *
 * @param naming the session's naming, never {@link AttributeNaming#CONFIGURED}
 * @param timestampFormat how timestamps are stored
 */
public record SessionConventions(AttributeNaming naming, TimeFormat timestampFormat) {

    /** Field names as attribute names, ISO-8601 timestamps: a configuration that sets neither. */
    public static final SessionConventions DEFAULT = new SessionConventions(AttributeNaming.FIELD_NAMES, TimeFormat.ISO_8601);

    /**
     * @param table the model's {@code @Table}, or null
     * @return the naming the model's attributes get: its own, else the session's
     */
    public AttributeNaming namingOf(Table table) {
        return table == null || table.naming() == AttributeNaming.CONFIGURED ? naming : table.naming();
    }
}
