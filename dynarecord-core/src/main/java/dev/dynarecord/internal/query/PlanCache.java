package dev.dynarecord.internal.query;

import dev.dynarecord.internal.schema.IndexSchema;
import dev.dynarecord.query.Condition;
import dev.dynarecord.query.Operator;
import dev.dynarecord.query.Order;
import dev.dynarecord.query.QueryPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plans of a model's queries by shape: which fields and operators the conditions have (not
 * their values), and the query's options. A where-chain run again with other values has the same
 * plan but for the values, so the planner's choice, its reasons and its checks of the conditions'
 * shape are made once per shape; what depends on values (a key condition's value, the moment TTLs
 * are compared with) is checked or set on every plan. A failed plan is not kept. At most
 * {@value #MAX_SHAPES} shapes per schema are kept; past that, plans are made afresh. Thread-safe.
 */
final class PlanCache {

    static final int MAX_SHAPES = 512;

    /** One condition's shape: an attribute (or path), an operator and how many values it has; what plans and expression texts depend on. */
    record ConditionShape(String attribute, Operator operator, int values) {

        /** @return the shapes of these conditions, in their order */
        static List<ConditionShape> of(List<Condition> conditions) {
            ConditionShape[] shapes = new ConditionShape[conditions.size()];
            for (int i = 0; i < shapes.length; i++) {
                Condition c = conditions.get(i);
                shapes[i] = new ConditionShape(c.attribute(), c.operator(), c.attributeValues().size());
            }
            return List.of(shapes);
        }
    }

    /** What decides a plan, values aside. */
    record Shape(String table, List<ConditionShape> conditions, String useIndex, Order order, boolean consistent,
            List<String> projection, List<String> alsoNeeded, List<String> required, String ttl) {

        static Shape of(String table, List<Condition> conditions, String useIndex, Order order, boolean consistent,
                List<String> projection, List<String> alsoNeeded, List<String> required, String ttl) {
            return new Shape(table, ConditionShape.of(conditions), useIndex, order, consistent, projection, alsoNeeded, required, ttl);
        }
    }

    /** A plan with its conditions replaced by their positions in the query's list. */
    record Template(QueryPlan.Operation operation, Optional<IndexSchema> index, int[] keys, int[] filters,
            List<String> projection, boolean fetches, boolean consistent, Order order, String reason, List<String> warnings) {

        /** @return the template of a plan made for these conditions, or null when a condition is not found by identity */
        static Template of(Plan plan, List<Condition> conditions) {
            int[] keys = positions(plan.keyConditions(), conditions);
            int[] filters = positions(plan.filters(), conditions);
            return keys == null || filters == null ? null : new Template(plan.operation(), plan.index(), keys, filters,
                    plan.projection(), plan.fetchesFromTable(), plan.consistent(), plan.order(), plan.reason(), plan.warnings());
        }

        private static int[] positions(List<Condition> part, List<Condition> conditions) {
            int[] out = new int[part.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = -1;
                for (int j = 0; j < conditions.size(); j++) {
                    if (conditions.get(j) == part.get(i)) {
                        out[i] = j;
                        break;
                    }
                }
                if (out[i] < 0) {
                    return null;
                }
            }
            return out;
        }

        /** @return the plan for a query of this shape with these conditions */
        Plan bind(String table, List<Condition> conditions) {
            return new Plan(operation, table, index, pick(keys, conditions), pick(filters, conditions), projection, fetches,
                    consistent, order, reason, warnings);
        }

        private static List<Condition> pick(int[] positions, List<Condition> conditions) {
            if (positions.length == conditions.size() && inOrder(positions)) {
                return conditions;
            }
            Condition[] out = new Condition[positions.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = conditions.get(positions[i]);
            }
            return List.of(out);
        }
    }

    private static boolean inOrder(int[] positions) {
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] != i) {
                return false;
            }
        }
        return true;
    }

    private final Map<Shape, Template> templates = new ConcurrentHashMap<>();

    Template get(Shape shape) {
        return templates.get(shape);
    }

    void put(Shape shape, Template template) {
        if (template != null && templates.size() < MAX_SHAPES) {
            templates.putIfAbsent(shape, template);
        }
    }
}
