package dev.dynarecord.it;

import dev.dynarecord.Session;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** Raw reads through the SDK client, bypassing the mapper. */
final class Raw {
    private Raw() {
    }

    static Map<String, AttributeValue> item(Session session, String table, Map<String, AttributeValue> key) {
        return session.client().getItem(GetItemRequest.builder().tableName(table).key(key).consistentRead(true).build()).item();
    }

    static Map<String, AttributeValue> item(Session session, String table, String hashName, String hash) {
        return item(session, table, Map.of(hashName, AttributeValue.fromS(hash)));
    }
}
