package dev.dynarecord.internal.state;

import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.ModelSchema;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How the engine names a record or a key in its messages. (A record's schema comes from the session
 * that converts its values: {@link SessionState#schema(Class)}.)
 */
public final class Records {

    private Records() {
    }

    /** @return the record's model and key, for messages: {@code User 'a1'}, or {@code User (new, no key yet)} */
    public static String describe(ModelSchema<?> schema, Object record) {
        Object hash = schema.hashKey().get(record);
        Object range = schema.rangeKey().map(r -> r.get(record)).orElse(null);
        return schema.modelName() + (hash == null ? " (new, no key yet)" : " " + keyText(hash, range));
    }

    /** @return a key for messages: {@code 'a1'} or {@code 'a1'/'2024'} */
    public static String keyText(Object hash, Object range) {
        return range == null ? "'" + hash + "'" : "'" + hash + "'/'" + range + "'";
    }

    /** @return an item's key for messages, as {@link #describe} names a record: {@code User 'a1'} */
    public static String describeKey(ModelSchema<?> schema, Map<String, AttributeValue> key) {
        AttributeSchema hash = schema.hashKey();
        Object range = schema.rangeKey().map(r -> r.fromAttributeValue(key.get(r.name()))).orElse(null);
        return schema.modelName() + " " + keyText(hash.fromAttributeValue(key.get(hash.name())), range);
    }
}
