package dev.dynarecord.lifecycle;

import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.query.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A condition on a write: the item must hold it when the write arrives, or nothing is written and
 * a {@link dev.dynarecord.exception.ConditionFailedException} says which condition failed. The
 * conditions use the string form of queries ({@code "rank.gt"}, {@code "status"},
 * {@code "nickname.null"}, see {@code docs/querying.md}) and are all ANDed.
 *
 * <pre>{@code
 * // Spend credits only when there are enough: no read, no race.
 * User.find.update(Key.of(id), WriteCondition.where("credits.gte", 5), u -> u.decrement("credits", 5));
 * // Claim a job only while it is open and unassigned.
 * Job.find.update(Key.of(jobId), WriteCondition.where("status", "OPEN").andUnlessExists("worker"),
 *         j -> j.set("status", "TAKEN").set("worker", me));
 * // Set an email only once.
 * User.find.upsert(Key.of(id), WriteCondition.unlessExists("email"), u -> u.set("email", email));
 * }</pre>
 *
 * <p>A condition holds only its raw parts; fields and values are checked against a model when it
 * is used, before any request: an undeclared field, an operator
 * the type does not support or a value of the wrong type is an {@link InvalidQueryException}.
 * Conditions are immutable and thread-safe: keep them in constants.
 */
public final class WriteCondition {

    private static final WriteCondition NONE = new WriteCondition(List.of());

    /**
     * One part of a condition, as given: a where expression and its value, or a field that must
     * (not) exist.
     *
     * @param expression a where expression ({@code "rank.gt"}) or, for existence, a field name
     * @param value the value compared with, or null for existence
     * @param existence {@link Operator#EXISTS} or {@link Operator#NOT_EXISTS}, or null for a comparison
     */
    public record Part(String expression, Object value, Operator existence) {

        @Override
        public String toString() {
            if (existence != null) {
                return expression + (existence == Operator.EXISTS ? " exists" : " not_exists");
            }
            return expression + " " + (value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value));
        }
    }

    private final List<Part> parts;

    private WriteCondition(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** @return the empty condition: the write happens whatever the item holds */
    public static WriteCondition none() {
        return NONE;
    }

    /**
     * A condition in the string form of queries.
     *
     * @param expression the field and, after a dot, the operator: {@code "rank.gt"}, {@code "status"} (eq),
     *     {@code "nickname.null"} (with {@code true})
     * @param value the value, as in {@code where(...)} of a query
     * @return the condition
     */
    public static WriteCondition where(String expression, Object value) {
        return NONE.and(expression, value);
    }

    /**
     * Each field must be absent from the item ({@code attribute_not_exists}).
     *
     * @param fields Java field or attribute names, at least one
     * @return the condition
     */
    public static WriteCondition unlessExists(String... fields) {
        return NONE.andUnlessExists(fields);
    }

    /**
     * Each field must be present in the item ({@code attribute_exists}).
     *
     * @param fields Java field or attribute names, at least one
     * @return the condition
     */
    public static WriteCondition ifExists(String... fields) {
        return NONE.andIfExists(fields);
    }

    /**
     * This condition and another, in the string form of queries.
     *
     * @param expression the field and, after a dot, the operator
     * @param value the value
     * @return a new condition
     */
    public WriteCondition and(String expression, Object value) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidQueryException("a write condition needs a field, as in WriteCondition.where(\"status\", \"OPEN\")");
        }
        return with(List.of(new Part(expression, value, null)));
    }

    /**
     * This condition, and each field absent from the item.
     *
     * @param fields Java field or attribute names, at least one
     * @return a new condition
     */
    public WriteCondition andUnlessExists(String... fields) {
        return with(existence("unlessExists", Operator.NOT_EXISTS, fields));
    }

    /**
     * This condition, and each field present in the item.
     *
     * @param fields Java field or attribute names, at least one
     * @return a new condition
     */
    public WriteCondition andIfExists(String... fields) {
        return with(existence("ifExists", Operator.EXISTS, fields));
    }

    /** @return whether there is no condition at all */
    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** @return the parts, in the order given; each is checked against a model when the condition is used */
    public List<Part> parts() {
        return parts;
    }

    private WriteCondition with(List<Part> more) {
        List<Part> all = new ArrayList<>(parts);
        all.addAll(more);
        return new WriteCondition(all);
    }

    private static List<Part> existence(String method, Operator operator, String[] fields) {
        if (fields == null || fields.length == 0) {
            throw new InvalidQueryException(method + "(...) needs at least one field");
        }
        List<Part> out = new ArrayList<>(fields.length);
        for (String f : fields) {
            if (f == null || f.isBlank()) {
                throw new InvalidQueryException(method + Arrays.toString(fields) + ": a field name is missing");
            }
            out.add(new Part(f, null, operator));
        }
        return out;
    }

    /** @return the raw conditions joined with AND, e.g. {@code rank.gt 5 AND nickname not_exists} */
    @Override
    public String toString() {
        if (parts.isEmpty()) {
            return "(no condition)";
        }
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            sb.append(sb.length() == 0 ? "" : " AND ").append(p);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WriteCondition w && w.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }
}
