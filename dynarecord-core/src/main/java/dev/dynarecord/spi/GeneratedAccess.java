package dev.dynarecord.spi;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Direct access to the fields and the no-arg constructor of one class, written as plain Java by
 * {@code dynarecord-processor} at compile time: what a model's schema uses in place of method
 * handles when it is there. Not for hand-written implementations.
 *
 * <p>The processor names the class after the one it serves, in the same package:
 * {@code com.example.User} gets {@code com.example.User_DynarecordAccess}, a nested
 * {@code com.example.Shop.Item} gets {@code com.example.Shop_Item_DynarecordAccess}. It covers the
 * fields that code in that package may read and write (not private, not final, not static, of types
 * visible there); the schema reaches any other field by a method handle, as without the processor.
 *
 * <p>For a record that a model holds (an embedded document), the processor writes the same class,
 * whose fields are the record's components: read by their accessors, and given to the canonical
 * constructor by {@link #readDocument}.
 *
 * <p>It also moves whole items in and out of those fields ({@link #readItem}, {@link #writeItem}),
 * one field after another, each through its own call to its converter: the JVM then sees one
 * converter at each call and inlines it, where a loop over the attributes calls every converter
 * from the same place.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface GeneratedAccess {

    /** The suffix of a generated class's name. */
    String SUFFIX = "_DynarecordAccess";

    /** @return the class whose fields this accesses */
    Class<?> type();

    /**
     * @param field a field's name
     * @return the index that {@link #get} and {@link #set} take for it, or -1 when this class
     *     declares no such field that generated code may access
     */
    int index(String field);

    /**
     * Reads a field.
     *
     * @param index the field's {@link #index(String) index}
     * @param instance an instance of {@link #type()}
     * @return the value, boxed when the field is primitive
     */
    Object get(int index, Object instance);

    /**
     * Writes a field.
     *
     * @param index the field's {@link #index(String) index}
     * @param instance an instance of {@link #type()}
     * @param value the value, of the field's (boxed) type; not null for a primitive field
     * @throws ClassCastException when the value is not of the field's type
     */
    void set(int index, Object instance, Object value);

    /** @return whether {@link #newInstance()} can make instances: the class is concrete, with an accessible no-arg constructor */
    boolean instantiable();

    /**
     * @return a new instance, made by the no-arg constructor
     * @throws UnsupportedOperationException when not {@link #instantiable()}
     */
    Object newInstance();

    /**
     * @return whether {@link #readItem} and {@link #writeItem} are there: false for a class written
     *     by an earlier processor, whose items the schema moves attribute by attribute
     */
    default boolean mapsItems() {
        return false;
    }

    /**
     * Sets every covered field that {@code fields} stores from its attribute in the item, converted;
     * what the direct code does not take (an absent or NULL attribute, a value of another type) is
     * left to {@link ItemFields#read}.
     *
     * @param instance an instance of {@link #type()}
     * @param item the item
     * @param fields the schema's attributes for these fields
     * @throws RuntimeException what a converter throws, as it throws it
     */
    default void readItem(Object instance, Map<String, AttributeValue> item, ItemFields fields) {
        throw new UnsupportedOperationException(type().getName() + ": generated without item code");
    }

    /**
     * Puts into the item every covered field that {@code fields} stores and whose value is not null,
     * converted.
     *
     * @param instance an instance of {@link #type()}
     * @param item the item to add to
     * @param fields the schema's attributes for these fields
     * @throws RuntimeException what a converter throws, as it throws it
     */
    default void writeItem(Object instance, Map<String, AttributeValue> item, ItemFields fields) {
        throw new UnsupportedOperationException(type().getName() + ": generated without item code");
    }

    /**
     * @return whether this serves a record held by a model, an embedded document, that
     *     {@link #readDocument} makes and {@link #writeItem} stores
     */
    default boolean readsDocuments() {
        return false;
    }

    /**
     * Makes an embedded document (a record) from its stored map: each component converted by its
     * own converter call, an absent or NULL entry null (a primitive's zero), all given to the
     * canonical constructor.
     *
     * @param item the stored map
     * @param fields the document's stored fields, by component index
     * @return the new record
     * @throws RuntimeException what a converter or the constructor throws, and a
     *     {@link ClassCastException} for a converted value of another type
     */
    default Object readDocument(Map<String, AttributeValue> item, ItemFields fields) {
        throw new UnsupportedOperationException(type().getName() + ": generated without document code");
    }
}
