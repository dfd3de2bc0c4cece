package dev.dynarecord.internal.schema;

import dev.dynarecord.annotation.StreamView;
import dev.dynarecord.annotation.Toggle;
import java.util.Optional;

/**
 * The settings of a model's table beyond its keys and indexes, as {@code @Table} declares them.
 *
 * @param ttlAttribute the attribute DynamoDB's Time to Live reads, if any
 * @param stream the table's stream, or {@link StreamView#UNMANAGED}
 * @param pointInTimeRecovery continuous backups, or {@link Toggle#UNMANAGED}
 */
public record TableOptions(Optional<String> ttlAttribute, StreamView stream, Toggle pointInTimeRecovery) {

    /** No option declared: a table as DynamoDB creates it, left alone by {@code sync}. */
    public static final TableOptions NONE = new TableOptions(Optional.empty(), StreamView.UNMANAGED, Toggle.UNMANAGED);
}
