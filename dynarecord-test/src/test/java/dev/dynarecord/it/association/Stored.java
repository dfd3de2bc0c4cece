package dev.dynarecord.it.association;

import dev.dynarecord.Model;
import dev.dynarecord.Session;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Raw, strongly consistent reads through the SDK client, bypassing the mapper (and its request listeners). */
final class Stored {
    private Stored() {
    }

    /** @return the stored item of a record with a string {@code id} hash key, or an empty map */
    static Map<String, AttributeValue> item(Session session, Class<? extends Model<?>> model, Object id) {
        return item(session, model, Map.of("id", AttributeValue.fromS((String) id)));
    }

    /** @return the stored item under a key, or an empty map */
    static Map<String, AttributeValue> item(Session session, Class<? extends Model<?>> model, Map<String, AttributeValue> key) {
        return session.client().getItem(r -> r.tableName(session.tableName(model)).key(key).consistentRead(true)).item();
    }

    /** @return how many items a model's table holds (a raw Scan, not recorded) */
    static int count(Session session, Class<? extends Model<?>> model) {
        return session.client().scanPaginator(r -> r.tableName(session.tableName(model))).items().stream()
                .mapToInt(i -> 1).sum();
    }
}
