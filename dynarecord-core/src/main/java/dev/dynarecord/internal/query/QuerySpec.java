package dev.dynarecord.internal.query;

import dev.dynarecord.Key;
import dev.dynarecord.Model;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.state.SessionState;
import dev.dynarecord.query.Condition;
import java.util.List;

/**
 * What a {@link dev.dynarecord.Query} asks for, as the engine runs it: the model, the session, the
 * conditions and options the user chained, and the plan chosen for them.
 *
 * @param limit at most this many records (0: no limit)
 * @param scanLimit at most this many items read (0: no limit)
 * @param startRecord start after this record, or null
 * @param startKey start after the record with this key, or null
 * @param projection the attributes to read (empty: all)
 * @param includes the associations to preload
 * @param allowScan whether the user allowed a Scan
 */
public record QuerySpec<T extends Model<T>>(ModelSchema<T> schema, SessionState session, List<Condition> conditions, int limit,
        long scanLimit, Model<?> startRecord, Key startKey, List<String> projection, List<String> includes, boolean allowScan,
        Plan plan) {

    /** @return whether the query starts after a record or a key */
    public boolean starts() {
        return startRecord != null || startKey != null;
    }
}
