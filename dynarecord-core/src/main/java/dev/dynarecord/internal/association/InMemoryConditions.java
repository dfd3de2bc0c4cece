package dev.dynarecord.internal.association;

import dev.dynarecord.internal.condition.Conditions;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.condition.AttributeOrder;
import dev.dynarecord.query.AttributePath;
import dev.dynarecord.query.Condition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Conditions tested on records in memory, with DynamoDB's comparison rules (numbers by value,
 * strings and binary by their bytes): how the loaded records of a has-and-belongs-to-many are
 * narrowed, since their keys come from a join table rather than from one query.
 */
public final class InMemoryConditions {

    private InMemoryConditions() {
    }

    public static <T> List<T> filter(ModelSchema<T> schema, List<T> records, String expression, Object value) {
        Condition condition = Conditions.parse(schema, expression, value);
        List<T> out = new ArrayList<>();
        for (T record : records) {
            if (holds(condition, schema.toItem(record))) {
                out.add(record);
            }
        }
        return out;
    }

    /** The value at an attribute or a document path; null when the item has nothing there. */
    private static AttributeValue at(Map<String, AttributeValue> item, String path) {
        AttributeValue v = item.get(AttributePath.attribute(path));
        for (Object segment : AttributePath.segments(path)) {
            if (v == null) {
                return null;
            }
            if (segment instanceof Integer i) {
                v = v.hasL() && i < v.l().size() ? v.l().get(i) : null;
            } else {
                v = v.hasM() ? v.m().get((String) segment) : null;
            }
        }
        return v;
    }

    public static boolean holds(Condition c, Map<String, AttributeValue> item) {
        AttributeValue v = at(item, c.attribute());
        List<AttributeValue> args = c.attributeValues();
        return switch (c.operator()) {
            case EXISTS -> v != null;
            case NOT_EXISTS -> v == null;
            case EQ -> v != null && compare(v, args.get(0)) == 0;
            case NE -> v == null || compare(v, args.get(0)) != 0;
            case GT -> v != null && comparable(v, args.get(0)) && compare(v, args.get(0)) > 0;
            case GTE -> v != null && comparable(v, args.get(0)) && compare(v, args.get(0)) >= 0;
            case LT -> v != null && comparable(v, args.get(0)) && compare(v, args.get(0)) < 0;
            case LTE -> v != null && comparable(v, args.get(0)) && compare(v, args.get(0)) <= 0;
            case BETWEEN -> v != null && comparable(v, args.get(0)) && compare(v, args.get(0)) >= 0 && compare(v, args.get(1)) <= 0;
            case BEGINS_WITH -> v != null && v.s() != null && args.get(0).s() != null && v.s().startsWith(args.get(0).s());
            case IN -> v != null && args.stream().anyMatch(a -> compare(v, a) == 0);
            case CONTAINS -> v != null && contains(v, args.get(0));
            case NOT_CONTAINS -> v == null || !contains(v, args.get(0));
        };
    }

    private static boolean comparable(AttributeValue a, AttributeValue b) {
        return AttributeOrder.comparable(a, b);
    }

    /** DynamoDB's order for two numbers, two strings or two binaries; other pairs are only equal or not. */
    private static int compare(AttributeValue a, AttributeValue b) {
        if (comparable(a, b)) {
            return AttributeOrder.INSTANCE.compare(a, b);
        }
        return a.equals(b) ? 0 : 1;
    }

    private static boolean contains(AttributeValue v, AttributeValue element) {
        if (v.s() != null) {
            return element.s() != null && v.s().contains(element.s());
        }
        if (v.hasSs()) {
            return element.s() != null && v.ss().contains(element.s());
        }
        if (v.hasNs()) {
            return element.n() != null && v.ns().stream().anyMatch(n -> new BigDecimal(n).compareTo(new BigDecimal(element.n())) == 0);
        }
        if (v.hasBs()) {
            return element.b() != null && v.bs().contains(element.b());
        }
        if (v.hasL()) {
            return v.l().stream().anyMatch(e -> comparable(e, element) && compare(e, element) == 0 || e.equals(element));
        }
        return false;
    }
}
