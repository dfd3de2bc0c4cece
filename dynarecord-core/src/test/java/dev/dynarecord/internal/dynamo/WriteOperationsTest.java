package dev.dynarecord.internal.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.exception.ItemTooLargeException;
import dev.dynarecord.internal.dynamo.UpdateAction.Kind;
import dev.dynarecord.query.Condition;
import dev.dynarecord.query.Operator;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The write operations build the same request alone, in a transaction and in a batch, without sending it. */
class WriteOperationsTest {

    private static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("u-1"));
    private static final Condition NAME_IS_ANN = new Condition("name", "name", Operator.EQ, List.of("Ann"),
            List.of(AttributeValue.fromS("Ann")));

    @Test
    void aNewRecordsPutRequiresAFreeKey() {
        PutItemOperation put = new PutItemOperation("t", KEY, Map.of("id", AttributeValue.fromS("u-1")),
                Guard.newRecord("id", List.of()), () -> "User 'u-1'");
        PutItemRequest request = put.request();
        assertThat(request.conditionExpression()).isEqualTo("attribute_not_exists(#n0)");
        assertThat(request.expressionAttributeNames()).containsExactly(Map.entry("#n0", "id"));
        assertThat(request.returnValuesOnConditionCheckFailureAsString()).isNull();

        TransactWriteItem item = put.transactItem();
        assertThat(item.put().conditionExpression()).isEqualTo(request.conditionExpression());
        assertThat(item.put().item()).isEqualTo(request.item());
        assertThatThrownBy(put::batchItem).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BatchWriteItem carries only unconditional puts and deletes");
    }

    @Test
    void aUserConditionIsAndedWithPlaceholdersOnly() {
        PutItemOperation put = new PutItemOperation("t", KEY, Map.of("id", AttributeValue.fromS("u-1")),
                Guard.newRecord("id", List.of(NAME_IS_ANN)), () -> "User 'u-1'");
        PutItemRequest request = put.request();
        assertThat(request.conditionExpression()).isEqualTo("attribute_not_exists(#n0) AND (#n1 = :v0)");
        assertThat(request.expressionAttributeNames()).containsEntry("#n1", "name");
        assertThat(request.expressionAttributeValues()).containsEntry(":v0", AttributeValue.fromS("Ann"));
        assertThat(put.transactItem().put().conditionExpression()).isEqualTo(request.conditionExpression());
    }

    @Test
    void anUnconditionalPutOrDeleteIsABatchItem() {
        PutItemOperation put = new PutItemOperation("t", KEY, Map.of("id", AttributeValue.fromS("u-1")), Guard.none(),
                () -> "User 'u-1'");
        assertThat(put.batchItem().putRequest().item()).containsKey("id");
        assertThat(put.request().conditionExpression()).isNull();
        DeleteItemOperation delete = DeleteItemOperation.of("t", KEY, "User 'u-1'");
        assertThat(delete.batchItem().deleteRequest().key()).isEqualTo(KEY);
        assertThat(delete.request().conditionExpression()).isNull();
        assertThat(delete.request().expressionAttributeNames()).isEmpty();
    }

    @Test
    void aDestroyIsFineWithAGoneItemAndChecksTheVersionOfAStoredOne() {
        DeleteItemOperation delete = new DeleteItemOperation("t", KEY, Guard.destroying("id", "lockVersion", 3, List.of(NAME_IS_ANN)),
                () -> "User 'u-1'");
        DeleteItemRequest request = delete.request();
        assertThat(request.conditionExpression()).isEqualTo("attribute_not_exists(#n0) OR (#n1 = :v0 AND (#n2 = :v1))");
        assertThat(request.expressionAttributeValues()).containsEntry(":v0", AttributeValue.fromN("3"));
        assertThat(delete.transactItem().delete().conditionExpression()).isEqualTo(request.conditionExpression());
        assertThatThrownBy(delete::batchItem).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneUpdateExpressionBuilderForSavesAndAtomicUpdates() {
        UpdateItemOperation update = UpdateItemOperation.of("t", KEY, List.of(
                UpdateAction.of(Kind.REMOVE, "nickname", null),
                UpdateAction.of(Kind.SET, "name", AttributeValue.fromS("Ann")),
                UpdateAction.of(Kind.ADD, "credits", AttributeValue.fromN("2")),
                UpdateAction.of(Kind.APPEND, "history", AttributeValue.fromL(List.of(AttributeValue.fromS("x")))),
                UpdateAction.of(Kind.DELETE, "tags", AttributeValue.fromSs(List.of("old")))),
                Guard.stored("id", "lockVersion", 0, List.of()), () -> "User 'u-1'");
        UpdateItemRequest request = update.request();
        assertThat(request.updateExpression()).isEqualTo("SET #n1 = :v0, #n3 = list_append(if_not_exists(#n3, :v2), :v3)"
                + " ADD #n2 :v1 DELETE #n4 :v4 REMOVE #n0");
        assertThat(request.conditionExpression()).isEqualTo("attribute_exists(#n5) AND (attribute_not_exists(#n6) OR #n6 = :v5)");
        assertThat(request.returnValuesOnConditionCheckFailureAsString()).isNull();
        assertThat(update.transactItem().update().updateExpression()).isEqualTo(request.updateExpression());
        assertThat(update.transactItem().update().conditionExpression()).isEqualTo(request.conditionExpression());
        assertThatThrownBy(update::batchItem).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUpdateWithNothingToChangeSendsOnlyItsCondition() {
        UpdateItemRequest request = UpdateItemOperation.of("t", KEY, List.of(), Guard.stored("id", null, 0, List.of()),
                () -> "User 'u-1'").request();
        assertThat(request.updateExpression()).isNull();
        assertThat(request.conditionExpression()).isEqualTo("attribute_exists(#n0)");
        assertThat(request.expressionAttributeValues()).isEmpty();
    }

    @Test
    void aConditionCheckExistsOnlyInATransaction() {
        ConditionCheckOperation check = new ConditionCheckOperation("t", KEY, Guard.stored("id", null, 0, List.of(NAME_IS_ANN)),
                () -> "User 'u-1'");
        assertThat(check.transactItem().conditionCheck().conditionExpression()).isEqualTo("attribute_exists(#n0) AND (#n1 = :v0)");
        assertThatThrownBy(() -> new ConditionCheckOperation("t", KEY, Guard.none(), () -> "User 'u-1'"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a condition");
        assertThatThrownBy(() -> check.exchange(null, null)).hasMessageContaining("only as part of a transaction");
    }

    @Test
    void anItemOverTheLimitIsRefusedWhenTheOperationIsBuilt() {
        Map<String, AttributeValue> big = Map.of("id", AttributeValue.fromS("u-1"), "s", AttributeValue.fromS("x".repeat(410 * 1024)));
        assertThatThrownBy(() -> new PutItemOperation("t", KEY, big, Guard.none(), () -> "User 'u-1'"))
                .isInstanceOf(ItemTooLargeException.class).hasMessageContaining("User 'u-1'");
        assertThatThrownBy(() -> UpdateItemOperation.of("t", KEY, List.of(), Guard.none(), () -> "User 'u-1'").sizedAs(big))
                .isInstanceOf(ItemTooLargeException.class);
    }

    @Test
    void aBatchCarriesTheSameOperationsInChunksOf25AcrossTables() {
        List<BatchWriteItemRequest> sent = new ArrayList<>();
        DynamoDbClient client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("batchWriteItem") && args[0] instanceof BatchWriteItemRequest r) {
                        sent.add(r);
                        return BatchWriteItemResponse.builder().build();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        DynamoDbGateway gateway = new DynamoDbGateway(client, List.of());
        List<WriteOperation> writes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("k" + i));
            writes.add(i % 2 == 0 ? PutItemOperation.of("a", key, "item " + i) : DeleteItemOperation.of("b", key, "item " + i));
        }
        BatchWriteOperation.send(gateway, writes, "test");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).requestItems().get("a")).hasSize(13);
        assertThat(sent.get(0).requestItems().get("b")).hasSize(12);
        assertThat(sent.get(1).requestItems().values().stream().mapToInt(List::size).sum()).isEqualTo(5);

        sent.clear();
        List<WriteOperation> conditional = List.of(writes.get(0), new DeleteItemOperation("a", KEY,
                Guard.destroying("id", "lockVersion", 1, List.of()), () -> "User 'u-1'"));
        assertThatThrownBy(() -> BatchWriteOperation.send(gateway, conditional, "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("deleting User 'u-1'");
        assertThat(sent).as("nothing is sent when one write cannot be batched").isEmpty();
    }

    @Test
    void aWriteRecognisesItselfInTheStoredItem() {
        Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("u-1"), "name", AttributeValue.fromS("Ann"));
        PutItemOperation put = new PutItemOperation("t", KEY, item, Guard.newRecord("id", List.of()), () -> "User 'u-1'");
        assertThat(put.appliedIn(item)).isEqualTo(WriteOperation.Applied.YES);
        assertThat(put.appliedIn(Map.of("id", AttributeValue.fromS("u-1"), "name", AttributeValue.fromS("Bob"))))
                .isEqualTo(WriteOperation.Applied.NO);
        assertThat(put.appliedIn(null)).isEqualTo(WriteOperation.Applied.NO);

        UpdateItemOperation save = UpdateItemOperation.of("t", KEY, List.of(
                UpdateAction.of(Kind.SET, "name", AttributeValue.fromS("Ann")),
                UpdateAction.of(Kind.REMOVE, "nickname", null),
                UpdateAction.of(Kind.SET, "lockVersion", AttributeValue.fromN("3"))),
                Guard.stored("id", "lockVersion", 2, List.of()), () -> "User 'u-1'");
        assertThat(save.appliedIn(Map.of("id", AttributeValue.fromS("u-1"), "name", AttributeValue.fromS("Ann"),
                "lockVersion", AttributeValue.fromN("3")))).isEqualTo(WriteOperation.Applied.YES);
        assertThat(save.appliedIn(Map.of("id", AttributeValue.fromS("u-1"), "name", AttributeValue.fromS("Ann"),
                "lockVersion", AttributeValue.fromN("4")))).as("someone else's version").isEqualTo(WriteOperation.Applied.NO);
        assertThat(save.appliedIn(Map.of("name", AttributeValue.fromS("Ann"), "nickname", AttributeValue.fromS("A"),
                "lockVersion", AttributeValue.fromN("3")))).isEqualTo(WriteOperation.Applied.NO);

        UpdateItemOperation add = UpdateItemOperation.of("t", KEY, List.of(
                UpdateAction.of(Kind.ADD, "credits", AttributeValue.fromN("1"))), Guard.stored("id", null, 0, List.of()),
                () -> "User 'u-1'");
        assertThat(add.appliedIn(Map.of("credits", AttributeValue.fromN("7")))).as("an ADD looks like any other")
                .isEqualTo(WriteOperation.Applied.UNKNOWN);

        DeleteItemOperation delete = DeleteItemOperation.of("t", KEY, "User 'u-1'");
        assertThat(delete.appliedIn(null)).isEqualTo(WriteOperation.Applied.YES);
        assertThat(delete.appliedIn(item)).isEqualTo(WriteOperation.Applied.NO);
    }
}
