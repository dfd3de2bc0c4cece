package dev.dynarecord.internal.dynamo;


import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.internal.dynamo.CallContext;
import dev.dynarecord.internal.dynamo.DynamoDbGateway;
import dev.dynarecord.internal.dynamo.UpdateAction.Kind;
import dev.dynarecord.query.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Changes one item in place, without reading it first: a single UpdateItem whose SET / ADD /
 * DELETE / REMOVE clauses and condition use placeholders for every name and value.
 *
 * <p>When the item must exist and the caller has conditions of its own, a failed check is told
 * apart with {@code ReturnValuesOnConditionCheckFailure = ALL_OLD}: DynamoDB then returns the item
 * it refused to change, and none when there was no item.
 */
public final class AtomicUpdateOperation {

    /**
     * One change.
     *
     * @param op what it does
     * @param attribute the attribute name
     * @param value its value; null for REMOVE
     */
    public record Change(Kind op, String attribute, AttributeValue value) {

        /**
         * @param op what it does
         * @param attribute the attribute name
         * @param value its value; null for REMOVE
         */
        public Change {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(attribute, "attribute");
            if (op != Kind.REMOVE) {
                Objects.requireNonNull(value, "value");
            }
        }
    }

    /**
     * One update.
     *
     * @param table the full table name
     * @param key the item's key
     * @param changes the changes, each attribute at most once
     * @param mustExist whether the item must exist ({@code attribute_exists} on the hash key)
     * @param conditions the caller's conditions, ANDed
     * @param returnValues what to return: ALL_NEW or UPDATED_NEW
     * @param what the record, for messages ("User 'u-1'")
     * @param absent the exception when the item does not exist although it must
     * @param conditionFalse the exception when the caller's conditions did not hold
     */
    public record Request(String table, Map<String, AttributeValue> key, List<Change> changes, boolean mustExist,
            List<Condition> conditions, ReturnValue returnValues, String what, Supplier<? extends DynarecordException> absent,
            Supplier<? extends DynarecordException> conditionFalse) {

        /** Copies the lists. */
        public Request {
            changes = List.copyOf(changes);
            conditions = List.copyOf(conditions);
        }
    }

    private AtomicUpdateOperation() {
    }

    /**
     * Builds the UpdateItem request (exposed for tests and {@code explain}-style printing).
     *
     * @param r the update
     * @return the SDK request
     */
    public static UpdateItemRequest request(Request r) {
        ExpressionNames p = new ExpressionNames();
        List<String> set = new ArrayList<>();
        List<String> add = new ArrayList<>();
        List<String> delete = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        for (Change c : r.changes()) {
            String a = p.name(c.attribute());
            switch (c.op()) {
                case SET -> set.add(a + " = " + p.value(c.value()));
                case SET_IF_NOT_EXISTS -> set.add(a + " = if_not_exists(" + a + ", " + p.value(c.value()) + ")");
                case APPEND -> set.add(a + " = list_append(if_not_exists(" + a + ", " + p.value(AttributeValue.fromL(List.of()))
                        + "), " + p.value(c.value()) + ")");
                case PREPEND -> set.add(a + " = list_append(" + p.value(c.value()) + ", if_not_exists(" + a + ", "
                        + p.value(AttributeValue.fromL(List.of())) + "))");
                case ADD -> add.add(a + " " + p.value(c.value()));
                case DELETE -> delete.add(a + " " + p.value(c.value()));
                case REMOVE -> remove.add(a);
            }
        }
        StringBuilder expression = new StringBuilder();
        clause(expression, "SET", set);
        clause(expression, "ADD", add);
        clause(expression, "DELETE", delete);
        clause(expression, "REMOVE", remove);

        List<String> condition = new ArrayList<>();
        if (r.mustExist()) {
            condition.add("attribute_exists(" + p.name(r.key().keySet().iterator().next()) + ")");
        }
        String user = ConditionExpressions.render(r.conditions(), p);
        if (user != null) {
            condition.add(user);
        }
        boolean tellApart = r.mustExist() && user != null;
        return UpdateItemRequest.builder().tableName(r.table()).key(r.key())
                // No change at all (nothing to SET, no bookkeeping): DynamoDB refuses an empty expression,
                // and without one it still checks the condition and creates the item for an upsert.
                .updateExpression(expression.length() == 0 ? null : expression.toString())
                .conditionExpression(condition.isEmpty() ? null : String.join(" AND ", condition))
                .expressionAttributeNames(p.names().isEmpty() ? null : p.names())
                .expressionAttributeValues(p.valuesOrNull())
                .returnValues(r.returnValues())
                .returnValuesOnConditionCheckFailure(tellApart ? ReturnValuesOnConditionCheckFailure.ALL_OLD : null)
                .build();
    }

    /**
     * Sends the update.
     *
     * @param gateway the adapter layer
     * @param r the update
     * @return the attributes DynamoDB returned (all of the new item for ALL_NEW)
     * @throws DynarecordException {@code r.absent()} when the item must exist and does not;
     *     {@code r.conditionFalse()} when the caller's conditions did not hold; nothing is written either way
     */
    public static Map<String, AttributeValue> execute(DynamoDbGateway gateway, Request r) {
        UpdateItemRequest request = request(r);
        boolean hasConditions = !r.conditions().isEmpty();
        CallContext context = CallContext.inspecting("updating " + r.what(), r.table(), failed -> {
            if (!r.mustExist()) {
                return r.conditionFalse().get();
            }
            if (!hasConditions) {
                return r.absent().get();
            }
            return existed(failed) ? r.conditionFalse().get() : r.absent().get();
        });
        UpdateItemResponse response = gateway.updateItem(request, context);
        return response.hasAttributes() ? response.attributes() : Map.of();
    }

    /** Whether the refused item existed: with ALL_OLD, DynamoDB returns it, and nothing when there was none. */
    private static boolean existed(ConditionalCheckFailedException failed) {
        return failed.hasItem() && !failed.item().isEmpty();
    }

    private static void clause(StringBuilder expression, String keyword, List<String> parts) {
        if (!parts.isEmpty()) {
            expression.append(expression.length() == 0 ? "" : " ").append(keyword).append(' ').append(String.join(", ", parts));
        }
    }
}
