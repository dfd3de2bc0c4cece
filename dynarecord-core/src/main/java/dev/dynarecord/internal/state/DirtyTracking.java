package dev.dynarecord.internal.state;

import dev.dynarecord.Model;
import dev.dynarecord.lifecycle.Change;
import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.KeyRole;
import dev.dynarecord.internal.schema.ModelSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What changed in a record since it was loaded or saved. The baseline is the record's item as
 * stored, in the form {@link ModelSchema#toItem} writes it: comparing stored forms makes in-place
 * changes (an element added to a set) visible, treats equal values as unchanged whatever their Java
 * identity, and costs nothing on load (a loaded item is normalised the first time it is needed).
 */
public final class DirtyTracking {

    private DirtyTracking() {
    }

    /** @return the record's baseline, in {@code toItem} form; empty for a new record */
    public static Map<String, AttributeValue> baseline(ModelSchema<?> schema, Model<?> record) {
        return RecordState.of(record).baseline(schema);
    }

    /**
     * The changed attributes, in declaration order, given the record's item as it would be written now.
     * Key attributes of a persisted record are left out: they cannot change.
     */
    public static Map<String, Change> changes(ModelSchema<?> schema, Model<?> record, Map<String, AttributeValue> current) {
        Map<String, AttributeValue> base = baseline(schema, record);
        Map<String, Change> changes = new LinkedHashMap<>();
        for (AttributeSchema a : schema.attributes()) {
            if (record.isPersisted() && a.keyRole() != KeyRole.NONE) {
                continue;
            }
            AttributeValue was = base.get(a.name());
            if (!Objects.equals(was, current.get(a.name()))) {
                changes.put(a.name(), new Change(was == null ? null : a.fromAttributeValue(was), a.get(record)));
            }
        }
        return Collections.unmodifiableMap(changes);
    }

    /** The names of the changed attributes, without building {@link Change}s (the save path needs only these). */
    public static List<String> changedNames(ModelSchema<?> schema, Model<?> record, Map<String, AttributeValue> current) {
        Map<String, AttributeValue> base = baseline(schema, record);
        List<String> changed = new ArrayList<>();
        for (AttributeSchema a : schema.attributes()) {
            if (record.isPersisted() && a.keyRole() != KeyRole.NONE) {
                continue;
            }
            if (!Objects.equals(base.get(a.name()), current.get(a.name()))) {
                changed.add(a.name());
            }
        }
        return changed;
    }

    /**
     * What a write changed, computed when asked: between the item before (empty for a new record)
     * and the item written, for the attributes it named (all for a new record).
     */
    public static Map<String, Change> written(ModelSchema<?> schema, Map<String, AttributeValue> before, Map<String, AttributeValue> after,
            List<String> names) {
        Map<String, Change> changes = new LinkedHashMap<>();
        for (AttributeSchema a : schema.attributes()) {
            if (names != null && !names.contains(a.name())) {
                continue;
            }
            AttributeValue was = before.get(a.name());
            AttributeValue now = after.get(a.name());
            if (!Objects.equals(was, now)) {
                changes.put(a.name(), new Change(was == null ? null : a.fromAttributeValue(was),
                        now == null ? null : a.fromAttributeValue(now)));
            }
        }
        return Collections.unmodifiableMap(changes);
    }

    public static Map<String, Change> changes(ModelSchema<?> schema, Model<?> record) {
        return changes(schema, record, schema.toItem(record));
    }

    /** Sets every changed attribute back to its baseline value. */
    public static void restore(ModelSchema<?> schema, Model<?> record) {
        Map<String, AttributeValue> base = baseline(schema, record);
        for (Map.Entry<String, Change> e : changes(schema, record).entrySet()) {
            AttributeSchema a = schema.attributeOrThrow(e.getKey());
            a.write(record, base.get(e.getKey()));
        }
    }
}
