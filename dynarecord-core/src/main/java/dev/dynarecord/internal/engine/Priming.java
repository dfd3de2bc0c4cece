package dev.dynarecord.internal.engine;

import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.state.SessionState;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The one-time work of a model, done before its first request ({@code Session.prime}): its schema
 * built and checked, its table name, a new record mapped to an item and back through the
 * converters, and the requests a save, a find, a query and a destroy send built (never sent), so
 * that the classes they need are loaded and initialised. What a Lambda function's initialisation,
 * or a SnapStart or CRaC checkpoint, should have done once.
 */
final class Priming {

    private Priming() {
    }

    static void prime(SessionState state, Class<?> type) {
        if (type == null) {
            throw new ModelDefinitionException("prime(null): pass the model classes to prepare, such as User.class");
        }
        ModelSchema<?> schema = state.schema(type);
        String table = state.tableName(type);
        Object record = schema.newInstance();
        Map<String, AttributeValue> item = schema.toItem(record);
        schema.readItem(item, schema.newInstance());
        Map<String, AttributeValue> key = new HashMap<>();
        for (String name : schema.keyNames()) {
            AttributeSchema part = schema.attribute(name).orElseThrow();
            key.put(name, sample(part));
        }
        item.putAll(key);
        Map<String, String> names = Map.of("#n0", schema.hashKey().name());
        Map<String, AttributeValue> values = Map.of(":v0", key.get(schema.hashKey().name()));
        PutItemRequest.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(#n0)")
                .expressionAttributeNames(names).build();
        GetItemRequest.builder().tableName(table).key(key).build();
        UpdateItemRequest.builder().tableName(table).key(key).updateExpression("SET #n0 = :v0").expressionAttributeNames(names)
                .expressionAttributeValues(values).build();
        QueryRequest.builder().tableName(table).keyConditionExpression("#n0 = :v0").expressionAttributeNames(names)
                .expressionAttributeValues(values).limit(1).build();
        DeleteItemRequest.builder().tableName(table).key(key).build();
    }

    /** A key value of the attribute's type, for requests that are built and not sent. */
    private static AttributeValue sample(AttributeSchema key) {
        return switch (key.attributeType()) {
            case N -> AttributeValue.fromN("0");
            case B -> AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] {0}));
            default -> AttributeValue.fromS("prime");
        };
    }
}
