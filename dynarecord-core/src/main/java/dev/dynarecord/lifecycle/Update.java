package dev.dynarecord.lifecycle;

import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.InvalidUpdateException;
import dev.dynarecord.exception.UnknownAttributeException;

/**
 * The changes of one atomic update: sent as a single UpdateItem, without loading the record, so
 * concurrent writers never lose each other's changes. {@code find.update(...)} and
 * {@code find.upsert(...)} hand one to a lambda:
 *
 * <pre>{@code
 * User u = User.find.update(id, x -> x.increment("rank").set("city", "Oslo").addToSet("tags", "admin"));
 * User.find.update(id, x -> x.decrement("credits", 5).remove("nickname"));
 * User.find.upsert(id, x -> x.setIfNotExists("joinedAt", Instant.now()).increment("visits"));
 * User.find.update(Key.of(id), WriteCondition.where("credits.gte", 5), x -> x.decrement("credits", 5));
 * Post.find.update(postId, x -> x.append("comments", "first!").removeFromSet("tags", "draft"));
 * }</pre>
 *
 * <table>
 *   <caption>Operations</caption>
 *   <tr><th>Method</th><th>DynamoDB</th><th>Fields</th></tr>
 *   <tr><td>{@code set(f, v)}</td><td>{@code SET f = v} ({@code REMOVE f} when v is null)</td><td>any</td></tr>
 *   <tr><td>{@code setIfNotExists(f, v)}</td><td>{@code SET f = if_not_exists(f, v)}</td><td>any</td></tr>
 *   <tr><td>{@code add}, {@code increment}, {@code decrement}</td><td>{@code ADD f n} (a missing f counts as 0)</td><td>numbers</td></tr>
 *   <tr><td>{@code addToSet(f, e...)} / {@code removeFromSet(f, e...)}</td><td>{@code ADD f {e}} / {@code DELETE f {e}}</td><td>sets (SS, NS, BS)</td></tr>
 *   <tr><td>{@code remove(f)}</td><td>{@code REMOVE f}</td><td>any</td></tr>
 *   <tr><td>{@code append(f, e...)} / {@code prepend(f, e...)}</td><td>{@code SET f = list_append(if_not_exists(f, []), [e])}</td><td>lists and arrays</td></tr>
 * </table>
 *
 * <p>Fields are named by Java field or attribute name. Every call is checked at once against the
 * model's schema, so a mistake is an exception before any request: an undeclared field is an
 * {@link UnknownAttributeException}; a key field an {@link InvalidKeyException} (keys cannot
 * change); an operation the field's type does not support, a field changed twice (DynamoDB refuses
 * overlapping paths) or {@code createdAt} / {@code updatedAt} (kept by Dynarecord) an
 * {@link InvalidUpdateException}; a value of the wrong type a {@link ConversionException}.
 *
 * <p>Validations and callbacks do not run: no record is loaded. An update is built for one call and
 * is not thread-safe.
 */
public interface Update {

    /**
     * Sets a field; {@code null} removes the attribute (nulls are never stored), as does an empty set.
     *
     * @param field the Java field or attribute name
     * @param value the new value, of the field's type (numbers are widened where nothing is lost)
     * @return this update
     */
    Update set(String field, Object value);

    /**
     * Sets a field unless the item already has it ({@code if_not_exists}).
     *
     * @param field the Java field or attribute name
     * @param value the value, not null
     * @return this update
     */
    Update setIfNotExists(String field, Object value);

    /**
     * Adds to a number field atomically ({@code ADD}); an item without the attribute counts it as 0.
     *
     * @param field the Java field or attribute name of a number field
     * @param by the amount, of a type the field can hold (an {@code int} field takes no 0.5)
     * @return this update
     */
    Update add(String field, Number by);

    /**
     * Adds 1 to a number field atomically.
     *
     * @param field the Java field or attribute name of a number field
     * @return this update
     */
    Update increment(String field);

    /**
     * Adds to a number field atomically.
     *
     * @param field the Java field or attribute name of a number field
     * @param by the amount
     * @return this update
     */
    Update increment(String field, Number by);

    /**
     * Subtracts 1 from a number field atomically.
     *
     * @param field the Java field or attribute name of a number field
     * @return this update
     */
    Update decrement(String field);

    /**
     * Subtracts from a number field atomically (an {@code ADD} of the negated amount).
     *
     * @param field the Java field or attribute name of a number field
     * @param by the amount to subtract
     * @return this update
     */
    Update decrement(String field, Number by);

    /**
     * Adds elements to a set field ({@code ADD}); elements already there stay once.
     *
     * @param field the Java field or attribute name of a set field
     * @param elements at least one element, of the set's element type
     * @return this update
     */
    Update addToSet(String field, Object... elements);

    /**
     * Removes elements from a set field ({@code DELETE}); elements not there are ignored. DynamoDB
     * removes the attribute when the set becomes empty.
     *
     * @param field the Java field or attribute name of a set field
     * @param elements at least one element, of the set's element type
     * @return this update
     */
    Update removeFromSet(String field, Object... elements);

    /**
     * Removes an attribute ({@code REMOVE}): the field reads as null (or its zero, or its default).
     *
     * @param field the Java field or attribute name
     * @return this update
     */
    Update remove(String field);

    /**
     * Appends elements to a list (or array) field; a missing attribute starts as an empty list.
     *
     * @param field the Java field or attribute name of a list field
     * @param elements at least one element, of the list's element type
     * @return this update
     */
    Update append(String field, Object... elements);

    /**
     * Puts elements in front of a list (or array) field, in the order given; a missing attribute
     * starts as an empty list.
     *
     * @param field the Java field or attribute name of a list field
     * @param elements at least one element, of the list's element type
     * @return this update
     */
    Update prepend(String field, Object... elements);

    /** @return whether no change was given */
    boolean isEmpty();
}
