package dev.dynarecord.internal.query;

import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.IndexSchema;
import dev.dynarecord.internal.schema.ModelSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Where a query stands: the key attributes (table and index) of the last item it gave out. */
final class Positions {

    private Positions() {
    }

    /** @return the attributes that make up an item's position for this plan: the table key, then the index key */
    static List<String> keys(ModelSchema<?> schema, Plan plan) {
        List<String> keys = new ArrayList<>(schema.keyNames());
        plan.index().ifPresent(i -> {
            add(keys, i.hashKeyName());
            i.rangeKey().map(AttributeSchema::name).ifPresent(r -> add(keys, r));
        });
        return keys;
    }

    static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, List<String> keys) {
        Map<String, AttributeValue> key = new HashMap<>(keys.size() * 2);
        for (String k : keys) {
            AttributeValue v = item.get(k);
            if (v != null) {
                key.put(k, v);
            }
        }
        return key;
    }

    static boolean isSharded(Plan plan) {
        return plan.index().map(IndexSchema::sharded).orElse(false);
    }

    private static void add(List<String> keys, String k) {
        if (!keys.contains(k)) {
            keys.add(k);
        }
    }
}
