package dev.dynarecord.internal.schema;

import dev.dynarecord.spi.GeneratedAccess;
import dev.dynarecord.spi.ItemFields;
import dev.dynarecord.types.AttributeConverter;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stored fields of an embedded record by the indexes of the code dynarecord-processor
 * generated for it, and that code: what {@link DocumentConverter} uses in place of method handles
 * and its loop over the fields. Immutable.
 */
final class DocumentFields implements ItemFields {

    private final GeneratedAccess access;
    private final String[] names;
    private final AttributeConverter<Object>[] converters;

    @SuppressWarnings("unchecked")
    private DocumentFields(GeneratedAccess access, int size) {
        this.access = access;
        this.names = new String[size];
        this.converters = new AttributeConverter[size];
    }

    /**
     * @param type the record
     * @param fields its stored fields, one per component
     * @return the generated code with the fields, or null when there is none that covers every component
     *     (or the mode is reflective)
     */
    static DocumentFields of(Class<?> type, List<DocumentField> fields) {
        if (!GeneratedAccessors.enabled()) {
            return null;
        }
        GeneratedAccess access = GeneratedAccessors.of(type).filter(GeneratedAccess::readsDocuments).orElse(null);
        if (access == null) {
            return null;
        }
        DocumentFields made = new DocumentFields(access, fields.size());
        for (DocumentField f : fields) {
            int index = access.index(f.fieldName());
            if (index < 0 || index >= fields.size() || made.names[index] != null) {
                return null; // not the code of this record as it is now: method handles, which see the class itself
            }
            made.names[index] = f.name();
            made.converters[index] = f.converter();
        }
        return made;
    }

    /** @return a new record from its stored map */
    Object read(Map<String, AttributeValue> map) {
        return access.readDocument(map, this);
    }

    /** Puts the record's non-null components into the map. */
    void write(Object record, Map<String, AttributeValue> map) {
        access.writeItem(record, map, this);
    }

    @Override
    public String attribute(int index) {
        return names[index];
    }

    @Override
    public AttributeConverter<Object> converter(int index) {
        return converters[index];
    }

    @Override
    public boolean direct(int index) {
        return true; // the model's attribute checks the whole map once
    }

    @Override
    public void read(int index, Object instance, AttributeValue value) {
        throw new UnsupportedOperationException("a record's components are given to its constructor");
    }

    @Override
    public AttributeValue write(int index, Object value) {
        return converters[index].toAttributeValue(value);
    }
}
