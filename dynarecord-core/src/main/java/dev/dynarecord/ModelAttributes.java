package dev.dynarecord;

import dev.dynarecord.internal.persist.Assignment;
import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.schema.Schemas;
import dev.dynarecord.internal.state.DirtyTracking;
import dev.dynarecord.internal.state.RecordState;
import dev.dynarecord.lifecycle.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The attribute side of {@link Model}: dirty tracking, mass assignment and attributes by name. Not
 * used on its own; every method is part of {@code Model}'s API.
 *
 * @param <T> the model class itself
 */
abstract class ModelAttributes<T extends Model<T>> {

    ModelAttributes() {
    }

    // ---- Dirty tracking ----

    /** @return the names of the attributes changed since the record was loaded or last saved, in declaration order */
    public List<String> changed() {
        return new ArrayList<>(changes().keySet());
    }

    /** @return whether any attribute changed since the record was loaded or last saved */
    public boolean hasChanges() {
        return !changes().isEmpty();
    }

    /** @return each changed attribute's value as loaded or last saved, and now */
    public Map<String, Change> changes() {
        return DirtyTracking.changes(converting(), record());
    }

    /**
     * @param name a field or attribute name
     * @return whether it changed since the record was loaded or last saved
     */
    public boolean attributeChanged(String name) {
        return changes().containsKey(attribute(name).name());
    }

    /**
     * @param name a field or attribute name
     * @return its value as loaded or last saved (null when absent, or for a new record)
     */
    public Object attributeWas(String name) {
        ModelSchema<?> schema = converting();
        AttributeSchema a = Assignment.attribute(schema, name);
        AttributeValue was = DirtyTracking.baseline(schema, record()).get(a.name());
        return was == null ? null : a.fromAttributeValue(was);
    }

    /** @return the changes the last save wrote (empty before any save) */
    public Map<String, Change> previousChanges() {
        return RecordState.of(record()).previousChanges(converting());
    }

    /**
     * Sets every changed attribute back to its value as loaded or last saved.
     *
     * @return this record
     */
    public T restoreAttributes() {
        DirtyTracking.restore(converting(), record());
        return self();
    }

    private AttributeSchema attribute(String name) {
        return Assignment.attribute(schema(), name);
    }

    // ---- Mass assignment and attributes by name ----

    /**
     * Mass assignment (ActiveModel's {@code assign_attributes}): sets fields from a map of field (or
     * attribute) names to untyped values, such as a parsed JSON body. Values are converted to each
     * field's type ({@code "2026-11-21"} to a {@code LocalDate}, {@code 7} to a {@code long}); lossy
     * conversions are refused. Protected fields (keys, timestamps, the lock version, {@code @Protected}
     * fields) are refused. Every key is checked and every value converted before any field is set: on
     * an error nothing is assigned. Nothing is saved.
     *
     * <pre>{@code user.assign(Map.of("name", "Ada", "birthday", "1815-12-10")).save();}</pre>
     *
     * @param attributes field or attribute names to values
     * @return this record
     * @throws dev.dynarecord.exception.UnknownAttributeException when a key is not a declared field
     * @throws dev.dynarecord.exception.ProtectedAttributeException when a key is protected
     * @throws dev.dynarecord.exception.ConversionException when a value cannot be converted to its field's type
     */
    public T assign(Map<String, ?> attributes) {
        return assign(attributes, new String[0]);
    }

    /**
     * Mass assignment that also allows the protected fields named in {@code permitted}, for values
     * the caller trusts.
     *
     * <pre>{@code user.assign(Map.of("name", "Ada", "admin", true), "admin");}</pre>
     *
     * @param attributes field or attribute names to values
     * @param permitted protected fields allowed in this call, by field or attribute name
     * @return this record
     * @throws dev.dynarecord.exception.UnknownAttributeException when a key is not a declared field
     * @throws dev.dynarecord.exception.ProtectedAttributeException when a key is protected and not permitted
     * @throws dev.dynarecord.exception.ConversionException when a value cannot be converted to its field's type
     */
    public T assign(Map<String, ?> attributes, String... permitted) {
        Assignment.assign(record().session().engine().state(), record(), attributes, permitted);
        return self();
    }

    /**
     * Mass-assigns and saves: {@link #assign(Map)} then {@link #save()}.
     *
     * <pre>{@code boolean saved = user.update(Map.of("name", "Jo", "rank", 3));}</pre>
     *
     * @param attributes field or attribute names to values
     * @return {@code true} when saved
     */
    public boolean update(Map<String, ?> attributes) {
        assign(attributes);
        return record().save();
    }

    /**
     * Mass-assigns and saves, or throws: {@link #assign(Map)} then {@link #saveOrThrow()}.
     *
     * <pre>{@code user.updateOrThrow(Map.of("name", "Jo"));}</pre>
     *
     * @param attributes field or attribute names to values
     * @return this record
     */
    public T updateOrThrow(Map<String, ?> attributes) {
        assign(attributes);
        record().saveOrThrow();
        return self();
    }

    /**
     * A field's value by field or attribute name (ActiveModel's {@code read_attribute}).
     *
     * <pre>{@code Object rank = user.readAttribute("rank");   // Integer}</pre>
     *
     * @param name a field or attribute name
     * @return the value, boxed; null when unset
     * @throws dev.dynarecord.exception.UnknownAttributeException when the model declares no such field
     */
    public Object readAttribute(String name) {
        return Assignment.attribute(schema(), name).get(record());
    }

    /**
     * Sets one field by field or attribute name (ActiveModel's {@code write_attribute}), converting
     * the value like {@link #assign(Map)}. Protected fields may be written: naming one here is explicit.
     * Nothing is saved.
     *
     * <pre>{@code user.writeAttribute("joinedAt", "2026-11-21T09:30:00Z");}</pre>
     *
     * @param name a field or attribute name
     * @param value the value, or null
     * @return this record
     * @throws dev.dynarecord.exception.UnknownAttributeException when the model declares no such field
     * @throws dev.dynarecord.exception.ConversionException when the value cannot be converted to the field's type
     */
    public T writeAttribute(String name, Object value) {
        Assignment.write(schema(), record(), name, value);
        return self();
    }

    /**
     * Every declared attribute's value by attribute name, in declaration order, nulls included
     * (ActiveModel's {@code attributes}); the magic {@code id}, {@code createdAt} and {@code updatedAt}
     * too when the model has them.
     *
     * <pre>{@code Map<String, Object> json = user.toMap();   // {id=..., name=Ada, rank=3, ..., createdAt=...}}</pre>
     *
     * @return an unmodifiable snapshot
     */
    public Map<String, Object> toMap() {
        return Assignment.toMap(schema(), record());
    }

    /**
     * Adds 1 to a number field atomically in the stored item (an UpdateItem {@code ADD}, no read) and
     * sets the field to the new stored value, so concurrent increments are never lost.
     *
     * <p>As ActiveRecord's {@code increment!}: {@code updatedAt} is not changed, and the lock
     * version is neither checked nor bumped (a counter moving does not make other copies of the
     * record stale). Other unsaved changes of this record stay unsaved.
     *
     * <pre>{@code
     * post.increment("views");
     * account.decrement("credits", 5);
     * }</pre>
     *
     * @param field the Java field or attribute name of a number field
     * @return this record
     * @throws dev.dynarecord.exception.RecordNotSavedException when the record is new (save it first) or destroyed
     * @throws dev.dynarecord.exception.RecordNotFoundException when the item was deleted since
     * @throws dev.dynarecord.exception.InvalidUpdateException when the field is not a number
     */
    public T increment(String field) {
        return increment(field, 1);
    }

    /**
     * Adds to a number field atomically (see {@link #increment(String)}).
     *
     * @param field the Java field or attribute name of a number field
     * @param by the amount, of a type the field can hold
     * @return this record
     */
    public T increment(String field, Number by) {
        record().session().increment(self(), field, by, false);
        return self();
    }

    /**
     * Subtracts 1 from a number field atomically (see {@link #increment(String)}).
     *
     * @param field the Java field or attribute name of a number field
     * @return this record
     */
    public T decrement(String field) {
        return decrement(field, 1);
    }

    /**
     * Subtracts from a number field atomically (see {@link #increment(String)}).
     *
     * @param field the Java field or attribute name of a number field
     * @param by the amount to subtract
     * @return this record
     */
    public T decrement(String field, Number by) {
        record().session().increment(self(), field, by, true);
        return self();
    }

    @Override
    public final boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || other.getClass() != getClass()) {
            return false;
        }
        ModelSchema<?> schema = schema();
        Object hash = schema.hashKey().get(this);
        if (hash == null) {
            return false;
        }
        Model<?> that = (Model<?>) other;
        if (!hash.equals(schema.hashKey().get(that))) {
            return false;
        }
        return schema.rangeKey().map(r -> Objects.equals(r.get(this), r.get(that))).orElse(true);
    }

    @Override
    public final int hashCode() {
        ModelSchema<?> schema = schema();
        Object hash = schema.hashKey().get(this);
        if (hash == null) {
            return System.identityHashCode(this);
        }
        return Objects.hash(getClass(), hash, schema.rangeKey().map(r -> r.get(this)).orElse(null));
    }

    /** @return the class name and every attribute's value */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('{');
        boolean first = true;
        for (AttributeSchema a : schema().attributes()) {
            Object v = a.get(this);
            if (v != null) {
                sb.append(first ? "" : ", ").append(a.name()).append('=').append(v instanceof byte[] b ? b.length + " bytes" : v);
                first = false;
            }
        }
        return sb.append('}').toString();
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    private Model<?> record() {
        return (Model<?>) this;
    }

    /** The class's structure: fields and keys, no converters (what needs no session). */
    private ModelSchema<?> schema() {
        return Schemas.structure(getClass());
    }

    /** The schema the record's session converts its values with (the baseline of dirty tracking is in its form). */
    private ModelSchema<?> converting() {
        return record().session().engine().state().schema(getClass());
    }
}
