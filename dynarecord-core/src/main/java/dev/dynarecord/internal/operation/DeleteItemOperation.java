package dev.dynarecord.internal.operation;

import dev.dynarecord.internal.client.CallContext;
import dev.dynarecord.internal.client.DynamoDbGateway;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;

/** Deletes one item by key. Deleting an item that does not exist is not an error, as in DynamoDB. */
public final class DeleteItemOperation {

    private DeleteItemOperation() {
    }

    /**
     * @param gateway the adapter layer
     * @param table the full table name
     * @param key the key
     * @param what the record, for messages
     */
    public static void execute(DynamoDbGateway gateway, String table, Map<String, AttributeValue> key, String what) {
        gateway.deleteItem(DeleteItemRequest.builder().tableName(table).key(key).build(), CallContext.of("deleting " + what, table));
    }
}
