package dev.dynarecord.internal.query;

import dev.dynarecord.internal.operation.ExpressionNames;
import dev.dynarecord.query.Condition;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Renders one condition into expression syntax, with placeholders for every name and value. */
final class ConditionRenderer {

    private ConditionRenderer() {
    }

    static String render(Condition c, ExpressionNames p) {
        String a = p.name(c.attribute());
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
}
