package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.DynarecordException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Changes one item in place: a saved record's changed attributes, an atomic update, a touch. One
 * UpdateItem whose SET / ADD / DELETE / REMOVE clauses and condition use placeholders for every
 * name and value. Attributes not named are left as they are, so nothing written by others is lost.
 *
 * @param table the full table name
 * @param key the item's key
 * @param actions the changes, each attribute at most once, in order
 * @param guard what the stored item must be
 * @param returnValues what DynamoDB returns (ALL_NEW, UPDATED_NEW), or null for nothing
 * @param after the whole item as it will be, for the 400 KB check when it is known (a saved record); or null
 * @param describer the record, for messages, computed on demand
 * @param whenAbsent the exception when the item must exist and does not, or null for the default
 * @param bumped the lock version attribute an atomic update adds 1 to, or null: bookkeeping, not the caller's change
 */
public record UpdateItemOperation(String table, Map<String, AttributeValue> key, List<UpdateAction> actions, Guard guard,
        ReturnValue returnValues, Map<String, AttributeValue> after, Supplier<String> describer,
        Supplier<? extends DynarecordException> whenAbsent, String bumped) implements WriteOperation {

    private static final AttributeValue EMPTY_LIST = AttributeValue.fromL(List.of());

    /**
     * @throws dev.dynarecord.exception.ItemTooLargeException when the item after the update is known and over 400 KB
     */
    public UpdateItemOperation {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        actions = List.copyOf(actions);
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(describer, "describer");
        if (after != null) {
            ItemSize.check(after, describer);
        }
    }

    /**
     * @param table the full table name
     * @param key the item's key
     * @param actions the changes
     * @param guard what the stored item must be
     * @param describer the record, for messages
     * @return an update returning nothing, with the default message for a missing item
     */
    public static UpdateItemOperation of(String table, Map<String, AttributeValue> key, List<UpdateAction> actions, Guard guard,
            Supplier<String> describer) {
        return new UpdateItemOperation(table, key, actions, guard, null, null, describer, null, null);
    }

    /** @param values what DynamoDB returns @return a copy returning them */
    public UpdateItemOperation returning(ReturnValue values) {
        return new UpdateItemOperation(table, key, actions, guard, values, after, describer, whenAbsent, bumped);
    }

    /** @param item the whole item as it will be @return a copy whose size is checked against it */
    public UpdateItemOperation sizedAs(Map<String, AttributeValue> item) {
        return new UpdateItemOperation(table, key, actions, guard, returnValues, item, describer, whenAbsent, bumped);
    }

    /** @param absent the exception when the item does not exist @return a copy throwing it */
    public UpdateItemOperation whenAbsent(Supplier<? extends DynarecordException> absent) {
        return new UpdateItemOperation(table, key, actions, guard, returnValues, after, describer, absent, bumped);
    }

    /**
     * @param lock the lock version attribute the update adds 1 to
     * @return a copy that does not count that addition as the caller's change when it looks for its own
     *     earlier attempt in the stored item
     */
    public UpdateItemOperation bumping(String lock) {
        return new UpdateItemOperation(table, key, actions, guard, returnValues, after, describer, whenAbsent, lock);
    }

    @Override
    public String operation() {
        return "UpdateItem";
    }

    @Override
    public Applied appliedIn(Map<String, AttributeValue> stored) {
        if (stored == null) {
            return Applied.NO;
        }
        boolean relative = false;
        for (UpdateAction a : actions) {
            switch (a.kind()) {
                case SET -> {
                    if (!a.value().equals(stored.get(a.attribute()))) {
                        return Applied.NO;
                    }
                }
                case REMOVE -> {
                    if (stored.containsKey(a.attribute())) {
                        return Applied.NO;
                    }
                }
                case SET_IF_NOT_EXISTS -> {
                    if (!stored.containsKey(a.attribute())) {
                        return Applied.NO;
                    }
                }
                case ADD -> relative |= !a.attribute().equals(bumped);
                case DELETE, APPEND, PREPEND -> relative = true;
            }
        }
        return relative ? Applied.UNKNOWN : Applied.YES;
    }

    @Override
    public String what() {
        return describer.get();
    }

    @Override
    public String description() {
        return (after != null ? "saving " : "updating ") + what();
    }

    @Override
    public DynarecordException absent() {
        return whenAbsent == null ? WriteOperation.super.absent() : whenAbsent.get();
    }

    /** @return whether the update can make the item larger than its actions' values say (appending to what is stored) */
    boolean grows() {
        return after == null && actions.stream().anyMatch(a -> a.kind() != UpdateAction.Kind.REMOVE
                && a.kind() != UpdateAction.Kind.DELETE);
    }

    /** @return the UpdateItem request */
    public UpdateItemRequest request() {
        ExpressionNames p = new ExpressionNames();
        String expression = expression(p);
        String condition = guard.expression(p);
        return UpdateItemRequest.builder().tableName(table).key(key)
                // Nothing to change (a key-only model without locking): DynamoDB refuses an empty expression,
                // and without one it still checks the condition and, for an upsert, creates the item.
                .updateExpression(expression).conditionExpression(condition)
                .expressionAttributeNames(p.namesOrNull()).expressionAttributeValues(p.valuesOrNull())
                .returnValues(returnValues).build();
    }

    @Override
    public TransactWriteItem transactItem() {
        ExpressionNames p = new ExpressionNames();
        String expression = expression(p);
        String condition = guard.expression(p);
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key).updateExpression(expression)
                .conditionExpression(condition).expressionAttributeNames(p.namesOrNull())
                .expressionAttributeValues(p.valuesOrNull()).build()).build();
    }

    @Override
    public Map<String, AttributeValue> exchange(DynamoDbGateway gateway, CallContext context) {
        UpdateItemResponse response = gateway.updateItem(request(), context);
        return response.hasAttributes() ? response.attributes() : Map.of();
    }

    /** The UPDATE expression: the one place where changes become SET / ADD / DELETE / REMOVE clauses. */
    private String expression(ExpressionNames p) {
        if (actions.isEmpty()) {
            return null;
        }
        StringBuilder set = new StringBuilder();
        StringBuilder add = new StringBuilder();
        StringBuilder delete = new StringBuilder();
        StringBuilder remove = new StringBuilder();
        for (UpdateAction c : actions) {
            String a = p.path(c.attribute());
            switch (c.kind()) {
                case SET -> item(set).append(a).append(" = ").append(p.value(c.value()));
                case SET_IF_NOT_EXISTS -> item(set).append(a).append(" = if_not_exists(").append(a).append(", ")
                        .append(p.value(c.value())).append(')');
                case APPEND -> item(set).append(a).append(" = list_append(if_not_exists(").append(a).append(", ")
                        .append(p.value(EMPTY_LIST)).append("), ").append(p.value(c.value())).append(')');
                case PREPEND -> item(set).append(a).append(" = list_append(").append(p.value(c.value()))
                        .append(", if_not_exists(").append(a).append(", ").append(p.value(EMPTY_LIST)).append("))");
                case ADD -> item(add).append(a).append(' ').append(p.value(c.value()));
                case DELETE -> item(delete).append(a).append(' ').append(p.value(c.value()));
                case REMOVE -> item(remove).append(a);
            }
        }
        StringBuilder out = new StringBuilder(set.length() + add.length() + delete.length() + remove.length() + 24);
        clause(out, "SET", set);
        clause(out, "ADD", add);
        clause(out, "DELETE", delete);
        clause(out, "REMOVE", remove);
        return out.toString();
    }

    private static StringBuilder item(StringBuilder clause) {
        return clause.length() == 0 ? clause : clause.append(", ");
    }

    private static void clause(StringBuilder out, String keyword, StringBuilder items) {
        if (items.length() > 0) {
            out.append(out.length() == 0 ? "" : " ").append(keyword).append(' ').append(items);
        }
    }
}
