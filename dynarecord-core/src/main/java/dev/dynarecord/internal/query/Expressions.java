package dev.dynarecord.internal.query;

import dev.dynarecord.internal.dynamo.ConditionExpressions;
import dev.dynarecord.internal.dynamo.ExpressionNames;
import dev.dynarecord.query.Condition;
import dev.dynarecord.query.QueryPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The expressions of a Query or Scan, rendered once per shape: a key condition, a filter and a
 * projection name the same attributes with the same operators, in the same order, whatever the
 * values, so their text and their name placeholders are kept, and only the values are bound on
 * each read. Values take {@code :v0}, {@code :v1}... in the order rendering meets them: the shard,
 * the key conditions', the filters', then the moment TTLs are compared with. At most
 * {@value #MAX_SHAPES} shapes are kept; past that, expressions are rendered afresh. Thread-safe.
 *
 * @param keyExpression the key condition, or null for a Scan
 * @param filterExpression the filter, or null
 * @param projectionExpression the projection, or null for every attribute
 * @param names the name placeholders of all three, or null when there are none
 * @param countNames those of the key condition and the filter only (Select COUNT has no projection), or null
 */
record Expressions(String keyExpression, String filterExpression, String projectionExpression, Map<String, String> names,
        Map<String, String> countNames) {

    static final int MAX_SHAPES = 1024;
    private static final String[] VALUES = new String[64];
    private static final Map<Shape, Expressions> RENDERED = new ConcurrentHashMap<>();

    static {
        for (int i = 0; i < VALUES.length; i++) {
            VALUES[i] = ":v" + i;
        }
    }

    /** What the text depends on. */
    private record Shape(List<PlanCache.ConditionShape> keys, List<PlanCache.ConditionShape> filters, String shard,
            List<String> projection, String expiry) {
    }

    /**
     * @param plan the plan
     * @param shard for a sharded index, the shard attribute's name and value; else null
     * @param projection attributes to read, or empty for all
     * @return the expressions for queries of this plan's shape
     */
    static Expressions of(Plan plan, Map.Entry<String, AttributeValue> shard, Collection<String> projection) {
        String expiry = plan.expiry().filter(QueryPlan.Expiry::filtered).map(QueryPlan.Expiry::attribute).orElse(null);
        Shape shape = new Shape(PlanCache.ConditionShape.of(plan.keyConditions()), PlanCache.ConditionShape.of(plan.filters()),
                shard == null ? null : shard.getKey(), List.copyOf(projection), expiry);
        Expressions known = RENDERED.get(shape);
        if (known != null) {
            return known;
        }
        Expressions rendered = render(plan, shard, projection);
        if (RENDERED.size() < MAX_SHAPES) {
            RENDERED.putIfAbsent(shape, rendered);
        }
        return rendered;
    }

    private static Expressions render(Plan plan, Map.Entry<String, AttributeValue> shard, Collection<String> projection) {
        ExpressionNames placeholders = new ExpressionNames();
        StringBuilder key = new StringBuilder();
        if (shard != null) {
            key.append(placeholders.name(shard.getKey())).append(" = ").append(placeholders.value(shard.getValue()));
        }
        for (Condition c : plan.keyConditions()) {
            key.append(key.length() == 0 ? "" : " AND ").append(ConditionExpressions.render(c, placeholders));
        }
        String filters = ConditionExpressions.render(plan.filters(), placeholders);
        String notExpired = plan.expiry().filter(QueryPlan.Expiry::filtered)
                .map(e -> ConditionExpressions.notExpired(e.attribute(), e.now(), placeholders)).orElse(null);
        String filter = notExpired == null ? filters : filters == null ? notExpired : filters + " AND " + notExpired;
        // Select COUNT sends no projection, and DynamoDB refuses names no expression uses.
        Map<String, String> countNames = placeholders.names().isEmpty() ? null : Map.copyOf(placeholders.names());
        String projected = placeholders.projection(projection);
        Map<String, String> names = placeholders.names().isEmpty() ? null : Map.copyOf(placeholders.names());
        return new Expressions(key.length() == 0 ? null : key.toString(), filter, projected, names, countNames);
    }

    /**
     * The values of a query of this shape, bound to the placeholders in the order rendering gave them.
     *
     * @param plan the plan, of the shape these expressions were rendered for
     * @param shard the shard attribute and value, or null
     * @return the values, or null when there are none
     */
    static Map<String, AttributeValue> values(Plan plan, Map.Entry<String, AttributeValue> shard) {
        List<AttributeValue> ordered = new ArrayList<>(8);
        if (shard != null) {
            ordered.add(shard.getValue());
        }
        for (Condition c : plan.keyConditions()) {
            ordered.addAll(c.attributeValues());
        }
        for (Condition c : plan.filters()) {
            ordered.addAll(c.attributeValues());
        }
        plan.expiry().filter(QueryPlan.Expiry::filtered).ifPresent(e -> ordered.add(AttributeValue.fromN(e.now().toPlainString())));
        if (ordered.isEmpty()) {
            return null;
        }
        Map<String, AttributeValue> values = new HashMap<>((int) (ordered.size() / 0.75f) + 1);
        for (int i = 0; i < ordered.size(); i++) {
            values.put(i < VALUES.length ? VALUES[i] : ":v" + i, ordered.get(i));
        }
        return Collections.unmodifiableMap(values);
    }
}
