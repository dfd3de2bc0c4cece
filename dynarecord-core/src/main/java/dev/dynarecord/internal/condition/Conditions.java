package dev.dynarecord.internal.condition;

import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.DocumentPaths;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.query.Condition;
import dev.dynarecord.query.Operator;
import dev.dynarecord.types.AttributeType;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds {@link Condition}s: finds the attribute, checks that the operator suits its type and that
 * the values have the field's type, and converts them. Every mistake is an
 * {@link InvalidQueryException} saying what to change, raised before any request.
 */
public final class Conditions {

    /** DynamoDB's limit on the values of one IN. */
    public static final int MAX_IN_VALUES = 100;

    private Conditions() {
    }

    /**
     * The condition that keeps a subclass of a single-table hierarchy to its own items and its
     * subclasses': {@code type = 'Car'}, or {@code type in ('Car', 'SportsCar')}.
     *
     * @param schema a model's schema
     * @return the condition; empty for a model outside a hierarchy and for a hierarchy's root, which reads every item
     */
    public static java.util.Optional<Condition> typeCondition(ModelSchema<?> schema) {
        return schema.discriminator().filter(d -> d.restricts()).map(d -> of(schema, d.attribute(),
                d.admitted().size() == 1 ? Operator.EQ : Operator.IN, d.admitted()));
    }

    /**
     * Parses the string form: {@code "rank.gte"}, {@code "name"} (eq), {@code "nickname.null"}.
     * With {@code exists}, {@code not_exists}, {@code null} and {@code not_null} the value is a
     * boolean that may turn the test around ({@code where("nickname.null", false)} = exists).
     * {@code between} takes a two-element collection or array, {@code in} a collection or array.
     * A null value with eq means not_exists, with ne exists.
     *
     * @param schema the model's schema
     * @param expression the field and, after a dot, the operator
     * @param value the value
     * @return the condition
     */
    public static Condition parse(ModelSchema<?> schema, String expression, Object value) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidQueryException(schema.modelName() + ": where(...) needs a field name, as in where(\"city\", \"Chicago\")");
        }
        Map<String, Parsed> parsed = schema.cache(Parsed.Cache.class, Parsed.Cache::new).byExpression;
        Parsed known = parsed.get(expression);
        if (known != null) {
            return known.condition(schema, expression, value);
        }
        Parsed read = Parsed.read(schema, expression);
        Condition condition = read.condition(schema, expression, value);
        if (parsed.size() < Parsed.MAX_EXPRESSIONS) {
            parsed.putIfAbsent(expression, read); // once it gave a condition: a mistyped field is not kept
        }
        return condition;
    }

    /**
     * How an expression string reads, values aside: the field (or document path) and the operator
     * it names, and whether its value is the boolean of an existence test. Kept per schema, so a
     * where-chain run again splits and looks up its strings once.
     */
    private record Parsed(String field, Operator operator, boolean existence) {

        static final int MAX_EXPRESSIONS = 1024;

        /** The parsed expressions of one schema. */
        static final class Cache {
            final Map<String, Parsed> byExpression = new java.util.concurrent.ConcurrentHashMap<>();
        }

        static Parsed read(ModelSchema<?> schema, String expression) {
            int dot = expression.lastIndexOf('.');
            String token = dot > 0 ? expression.substring(dot + 1) : null;
            // home.city is a document path; home.city.gt and rank.gte end with an operator
            boolean path = dot > 0 && Operator.fromToken(token).isEmpty() && DocumentPaths.startsInDocument(schema, expression)
                    && DocumentPaths.resolve(schema, expression).isPresent();
            if (dot > 0 && !path && schema.attributeOrField(expression).isEmpty()) {
                Operator operator = Operator.fromToken(token).orElseThrow(() -> unknownOperatorOrField(schema, expression, token));
                boolean existence = token.equalsIgnoreCase("null") || token.equalsIgnoreCase("not_null")
                        || operator == Operator.EXISTS || operator == Operator.NOT_EXISTS;
                return new Parsed(expression.substring(0, dot), operator, existence);
            }
            return new Parsed(expression, Operator.EQ, false);
        }

        Condition condition(ModelSchema<?> schema, String expression, Object value) {
            if (existence) {
                if (!(value instanceof Boolean b)) {
                    throw new InvalidQueryException(schema.modelName() + ": where(\"" + expression
                            + "\", ...) takes true or false; got " + value);
                }
                Operator negated = operator == Operator.EXISTS ? Operator.NOT_EXISTS : Operator.EXISTS;
                return of(schema, field, b ? operator : negated, List.of());
            }
            if (value == null && (operator == Operator.EQ || operator == Operator.NE)) {
                return of(schema, field, operator == Operator.EQ ? Operator.NOT_EXISTS : Operator.EXISTS, List.of());
            }
            return of(schema, field, operator, operator.arity() == 1 ? java.util.Collections.singletonList(value) : spread(value));
        }
    }

    /**
     * Builds a condition from its parts.
     *
     * @param schema the model's schema
     * @param field the Java field or attribute name
     * @param operator the comparison
     * @param values its values: none for exists/not_exists, two for between, one or more for in
     * @return the condition
     */
    public static Condition of(ModelSchema<?> schema, String field, Operator operator, List<?> values) {
        Optional<AttributeSchema> declared = schema.attributeOrField(field);
        Optional<DocumentPaths.DocumentPath> path = declared.isPresent() ? Optional.empty() : DocumentPaths.resolve(schema, field);
        AttributeSchema a = declared.or(() -> path.map(DocumentPaths.DocumentPath::leaf)).orElseThrow(() -> new InvalidQueryException(
                schema.modelName() + " has no field '" + field + "'; query one of " + fieldNames(schema)));
        String where = schema.modelName() + "." + a.fieldName();
        checkArity(where, operator, values);
        AttributeType type = a.attributeType();
        checkOperator(where, a, operator);
        List<AttributeValue> converted = new ArrayList<>(values.size());
        for (Object v : values) {
            if (v == null) {
                throw new InvalidQueryException(where + " " + operator.token() + " null: null is not a value in DynamoDB;"
                        + " use notExists() (or where(\"" + a.fieldName() + ".null\", true)) to find records without it");
            }
            converted.add(convert(where, a, operator, type, v));
        }
        if (operator == Operator.BETWEEN && compare(converted.get(0), converted.get(1)) > 0) {
            throw new InvalidQueryException(where + " between " + values.get(0) + " and " + values.get(1) + ": the low bound"
                    + " is above the high bound, which DynamoDB refuses; swap them");
        }
        return new Condition(path.map(DocumentPaths.DocumentPath::encoded).orElse(a.name()), a.fieldName(), operator,
                new ArrayList<>(values), converted);
    }

    /** DynamoDB's order: numbers by value, strings by their UTF-8 bytes, binary by unsigned bytes. */
    private static int compare(AttributeValue low, AttributeValue high) {
        if (low.n() != null && high.n() != null) {
            return new BigDecimal(low.n()).compareTo(new BigDecimal(high.n()));
        }
        byte[] l = bytes(low);
        byte[] h = bytes(high);
        return l == null || h == null ? 0 : Arrays.compareUnsigned(l, h);
    }

    private static byte[] bytes(AttributeValue v) {
        return v.s() != null ? v.s().getBytes(StandardCharsets.UTF_8) : v.b() != null ? v.b().asByteArray() : null;
    }

    private static void checkArity(String where, Operator operator, List<?> values) {
        int n = values.size();
        boolean ok = operator.arity() < 0 ? n >= 1 && n <= MAX_IN_VALUES : n == operator.arity();
        if (!ok) {
            String wanted = switch (operator.arity()) {
                case 0 -> "no value";
                case 1 -> "one value";
                case 2 -> "two values (low and high, both included)";
                default -> "between 1 and " + MAX_IN_VALUES + " values";
            };
            throw new InvalidQueryException(where + " " + operator.token() + " takes " + wanted + "; got " + n);
        }
    }

    private static void checkOperator(String where, AttributeSchema a, Operator operator) {
        AttributeType type = a.attributeType();
        boolean scalar = type == AttributeType.S || type == AttributeType.N || type == AttributeType.B;
        boolean ok = switch (operator) {
            case EQ, NE, EXISTS, NOT_EXISTS -> true;
            case GT, GTE, LT, LTE, BETWEEN -> scalar;
            case BEGINS_WITH -> type == AttributeType.S || type == AttributeType.B;
            case IN -> scalar || type == AttributeType.BOOL;
            case CONTAINS, NOT_CONTAINS -> type == AttributeType.S || type == AttributeType.SS || type == AttributeType.NS
                    || type == AttributeType.BS || type == AttributeType.L;
        };
        if (!ok) {
            String hint = switch (operator) {
                case GT, GTE, LT, LTE, BETWEEN -> "DynamoDB orders strings, numbers and binary only";
                case BEGINS_WITH -> "begins_with works on strings and binary only";
                case IN -> "in works on strings, numbers, binary and booleans only; use eq for one value";
                default -> "contains works on strings (substring), sets and lists (element) only";
            };
            throw new InvalidQueryException(where + " is stored as " + type + " (" + a.genericType().getTypeName()
                    + "); operator " + operator.token() + " is not supported there: " + hint);
        }
    }

    private static AttributeValue convert(String where, AttributeSchema a, Operator operator, AttributeType type, Object v) {
        try {
            if ((operator == Operator.BEGINS_WITH || operator == Operator.CONTAINS || operator == Operator.NOT_CONTAINS)
                    && type == AttributeType.S) {
                if (!(v instanceof CharSequence s)) {
                    throw new InvalidQueryException(where + " " + operator.token() + " takes a String (the stored text);"
                            + " got " + v.getClass().getSimpleName() + " '" + v + "'");
                }
                return AttributeValue.fromS(s.toString());
            }
            if (operator == Operator.BEGINS_WITH && type == AttributeType.B) {
                return AttributeValue.fromB(v instanceof byte[] bytes ? SdkBytes.fromByteArray(bytes) : (SdkBytes) v);
            }
            if (operator == Operator.CONTAINS || operator == Operator.NOT_CONTAINS) {
                return element(where, a, v);
            }
            AttributeValue converted = a.toAttributeValue(a.coerce(fromText(where, a, v)));
            if (converted == null) {
                throw new InvalidQueryException(where + " " + operator.token() + " " + v + ": the value converts to nothing"
                        + " (DynamoDB stores no empty sets); use notExists() to find records without it");
            }
            return converted;
        } catch (InvalidQueryException e) {
            throw e;
        } catch (ClassCastException e) {
            throw new InvalidQueryException(where + " " + operator.token() + ": " + v.getClass().getSimpleName() + " '" + v
                    + "' is not of the expected type", e);
        } catch (DynarecordException e) {
            throw new InvalidQueryException("cannot compare " + where + " with " + v + ": " + e.getMessage(), e);
        }
    }

    /** Text for an enum or UUID field, as a request parameter gives it: the constant's name, the UUID's text. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object fromText(String where, AttributeSchema a, Object v) {
        if (!(v instanceof String text)) {
            return v;
        }
        Class<?> type = a.javaType();
        if (type.isEnum()) {
            try {
                return Enum.valueOf((Class<? extends Enum>) type, text);
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException(where + " is one of " + java.util.Arrays.toString(type.getEnumConstants())
                        + "; '" + text + "' is none of them", e);
            }
        }
        if (type == java.util.UUID.class) {
            try {
                return java.util.UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException(where + " holds UUIDs; '" + text + "' is not one", e);
            }
        }
        return v;
    }

    private static AttributeValue element(String where, AttributeSchema a, Object v) {
        try {
            return a.elementToAttributeValue(v);
        } catch (DynarecordException e) {
            throw new InvalidQueryException(where + " contains " + v + ": " + e.getMessage(), e);
        }
    }

    private static List<Object> spread(Object value) {
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (value != null && value.getClass().isArray() && !(value instanceof byte[])) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                out.add(Array.get(value, i));
            }
            return out;
        }
        if (value instanceof Map<?, ?>) {
            throw new InvalidQueryException("between and in take a collection or an array of values, not a map");
        }
        return java.util.Collections.singletonList(value);
    }

    /** {@code nosuch.city}: the first name is no field, which says more than "unknown operator 'city'". */
    private static InvalidQueryException unknownOperatorOrField(ModelSchema<?> schema, String expression, String token) {
        String first = expression.split("[.\\[]", 2)[0];
        if (schema.attributeOrField(first).isEmpty()) {
            return new InvalidQueryException(schema.modelName() + " has no field '" + first + "' in where(\"" + expression
                    + "\", ...); query one of " + fieldNames(schema));
        }
        return new InvalidQueryException(schema.modelName() + ": unknown operator '" + token + "' in where(\"" + expression
                + "\", ...); use one of " + tokens());
    }

    private static List<String> fieldNames(ModelSchema<?> schema) {
        return schema.attributes().stream().map(AttributeSchema::fieldName).sorted().toList();
    }

    private static List<String> tokens() {
        List<String> t = new ArrayList<>();
        for (Operator o : Operator.values()) {
            t.add(o.token());
        }
        t.add("null");
        t.add("not_null");
        return t;
    }
}
