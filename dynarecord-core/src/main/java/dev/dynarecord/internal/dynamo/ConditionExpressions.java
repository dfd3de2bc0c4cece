package dev.dynarecord.internal.dynamo;

import dev.dynarecord.query.Condition;
import java.math.BigDecimal;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Renders conditions into expression syntax (key conditions, filters, write conditions), with
 * placeholders for every name and value: no user text ever becomes part of an expression.
 */
public final class ConditionExpressions {

    private ConditionExpressions() {
    }

    /**
     * Renders conditions joined with AND.
     *
     * @param conditions the conditions, checked and converted
     * @param p the request's placeholders
     * @return the expression, or null when there are no conditions
     */
    public static String render(List<Condition> conditions, ExpressionNames p) {
        if (conditions.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Condition c : conditions) {
            out.append(out.length() == 0 ? "" : " AND ").append(render(c, p));
        }
        return out.toString();
    }

    /**
     * Renders one condition.
     *
     * @param c the condition
     * @param p the request's placeholders
     * @return the expression
     */
    public static String render(Condition c, ExpressionNames p) {
        String a = p.path(c.attribute());
        List<AttributeValue> v = c.attributeValues();
        return switch (c.operator()) {
            case EQ -> a + " = " + p.value(v.get(0));
            case NE -> a + " <> " + p.value(v.get(0));
            case GT -> a + " > " + p.value(v.get(0));
            case GTE -> a + " >= " + p.value(v.get(0));
            case LT -> a + " < " + p.value(v.get(0));
            case LTE -> a + " <= " + p.value(v.get(0));
            case BETWEEN -> a + " BETWEEN " + p.value(v.get(0)) + " AND " + p.value(v.get(1));
            case BEGINS_WITH -> "begins_with(" + a + ", " + p.value(v.get(0)) + ")";
            case IN -> {
                StringBuilder in = new StringBuilder(a).append(" IN (");
                for (int i = 0; i < v.size(); i++) {
                    in.append(i == 0 ? "" : ", ").append(p.value(v.get(i)));
                }
                yield in.append(')').toString();
            }
            case CONTAINS -> "contains(" + a + ", " + p.value(v.get(0)) + ")";
            case NOT_CONTAINS -> "NOT contains(" + a + ", " + p.value(v.get(0)) + ")";
            case EXISTS -> "attribute_exists(" + a + ")";
            case NOT_EXISTS -> "attribute_not_exists(" + a + ")";
        };
    }

    /**
     * The filter that hides items whose TTL has passed: {@code (attribute_not_exists(#a) OR #a > :now)}.
     *
     * @param attribute the TTL attribute
     * @param now the moment, epoch seconds
     * @param p the request's placeholders
     * @return the expression, in parentheses so that it can be joined with AND
     */
    public static String notExpired(String attribute, BigDecimal now, ExpressionNames p) {
        String a = p.name(attribute);
        return "(attribute_not_exists(" + a + ") OR " + a + " > " + p.value(AttributeValue.fromN(now.toPlainString())) + ")";
    }
}
