package dev.dynarecord;

import dev.dynarecord.query.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The typed form of a condition on one field, next to the string form: {@code where("rank").between(1, 10)}
 * is {@code where("rank.between", List.of(1, 10))}. Each method returns the query with the condition
 * added. Immutable.
 *
 * @param <T> the model type
 */
public final class Where<T extends Model<?>> {

    private final Query<T> query;
    private final String field;

    Where(Query<T> query, String field) {
        this.query = query;
        this.field = field;
    }

    /** @param value the value; null means {@link #notExists()} @return the query with {@code field = value} */
    public Query<T> eq(Object value) {
        return value == null ? notExists() : add(Operator.EQ, value);
    }

    /** @param value the value; null means {@link #exists()} @return the query with {@code field <> value} */
    public Query<T> ne(Object value) {
        return value == null ? exists() : add(Operator.NE, value);
    }

    /** @param value the value @return the query with {@code field > value} */
    public Query<T> gt(Object value) {
        return add(Operator.GT, value);
    }

    /** @param value the value @return the query with {@code field >= value} */
    public Query<T> gte(Object value) {
        return add(Operator.GTE, value);
    }

    /** @param value the value @return the query with {@code field < value} */
    public Query<T> lt(Object value) {
        return add(Operator.LT, value);
    }

    /** @param value the value @return the query with {@code field <= value} */
    public Query<T> lte(Object value) {
        return add(Operator.LTE, value);
    }

    /**
     * @param low the lowest value, included
     * @param high the highest value, included
     * @return the query with {@code field BETWEEN low AND high}
     */
    public Query<T> between(Object low, Object high) {
        return query.with(field, Operator.BETWEEN, Arrays.asList(low, high));
    }

    /** @param prefix a string (or binary) prefix @return the query with {@code begins_with(field, prefix)} */
    public Query<T> beginsWith(Object prefix) {
        return add(Operator.BEGINS_WITH, prefix);
    }

    /** @param values one to 100 values @return the query with {@code field IN (values)} */
    public Query<T> in(Object... values) {
        return query.with(field, Operator.IN, Arrays.asList(values));
    }

    /** @param values one to 100 values @return the query with {@code field IN (values)} */
    public Query<T> in(Collection<?> values) {
        return query.with(field, Operator.IN, new ArrayList<>(values)); // not List.copyOf: a null is refused with a message
    }

    /** @param value a substring, or an element of a set or list @return the query with {@code contains(field, value)} */
    public Query<T> contains(Object value) {
        return add(Operator.CONTAINS, value);
    }

    /** @param value a substring, or an element @return the query with {@code NOT contains(field, value)} */
    public Query<T> notContains(Object value) {
        return add(Operator.NOT_CONTAINS, value);
    }

    /** @return the query with {@code attribute_exists(field)}: the field is not null */
    public Query<T> exists() {
        return query.with(field, Operator.EXISTS, List.of());
    }

    /** @return the query with {@code attribute_not_exists(field)}: the field is null */
    public Query<T> notExists() {
        return query.with(field, Operator.NOT_EXISTS, List.of());
    }

    /** @return the same as {@link #notExists()} */
    public Query<T> isNull() {
        return notExists();
    }

    /** @return the same as {@link #exists()} */
    public Query<T> notNull() {
        return exists();
    }

    private Query<T> add(Operator operator, Object value) {
        return query.with(field, operator, java.util.Collections.singletonList(value));
    }
}
