package dev.dynarecord.internal.schema;

import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.AttributeType;
import java.lang.invoke.MethodHandle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stores an embedded document (a record, a class with {@code @Field}s, or a bean) as a DynamoDB
 * map, one entry per field, each through the field's own converter. Null fields are left out of the
 * map, as null attributes are left out of an item; a missing or NULL entry reads as null (zero for a
 * primitive). Built once per document class, naming and session ({@link Documents}); thread-safe.
 */
final class DocumentConverter implements AttributeConverter<Object> {

    private final Class<?> type;
    private final List<DocumentField> fields;
    private final Map<String, DocumentField> byName = new LinkedHashMap<>();
    /** {@code () Object} for classes; {@code (Object[]) Object} spreading into the canonical constructor for records. */
    private final MethodHandle constructor;
    private final boolean record;
    private final int depth;
    /** The code dynarecord-processor generated for a record, with its fields; null for method handles. */
    private final DocumentFields generated;

    DocumentConverter(Class<?> type, List<DocumentField> fields, MethodHandle constructor, boolean record, int depth) {
        this.type = type;
        this.fields = List.copyOf(fields);
        for (DocumentField f : fields) {
            byName.put(f.name(), f);
        }
        this.constructor = constructor;
        this.record = record;
        this.depth = depth;
        this.generated = record ? DocumentFields.of(type, this.fields) : null;
    }

    @Override
    public AttributeType attributeType() {
        return AttributeType.M;
    }

    /** @return whether the code dynarecord-processor generated makes and stores the documents */
    boolean generated() {
        return generated != null;
    }

    /** @return the document class */
    Class<?> type() {
        return type;
    }

    /** @return how many maps and lists deep its values go, its own map included */
    int depth() {
        return depth;
    }

    /** @return the stored fields, in declaration order */
    List<DocumentField> fields() {
        return fields;
    }

    /**
     * @param name a stored name or a Java field name
     * @return the field
     */
    Optional<DocumentField> field(String name) {
        DocumentField f = byName.get(name);
        if (f != null) {
            return Optional.of(f);
        }
        return fields.stream().filter(x -> x.fieldName().equals(name)).findFirst();
    }

    /** @return the Java names of its fields, for messages */
    List<String> fieldNames() {
        return fields.stream().map(DocumentField::fieldName).toList();
    }

    @Override
    public AttributeValue toAttributeValue(Object value) {
        if (!type.isInstance(value)) {
            throw new ClassCastException(value.getClass().getName() + " is not a " + type.getName());
        }
        Map<String, AttributeValue> map = new LinkedHashMap<>(fields.size() * 2);
        if (generated != null) {
            try {
                generated.write(value, map);
                return AttributeValue.createM(map);
            } catch (RuntimeException | LinkageError e) {
                map.clear(); // the way below meets the same failure and says which field, as without generated code
            }
        }
        for (DocumentField f : fields) {
            Object v = f.get(value);
            if (v == null) {
                continue;
            }
            AttributeValue stored;
            try {
                stored = f.converter().toAttributeValue(v);
            } catch (ConversionException e) {
                throw new ConversionException(where(f) + ": " + e.getMessage(), e);
            } catch (ClassCastException e) {
                throw new ConversionException(where(f) + " holds " + f.genericType().getTypeName() + " values; got "
                        + v.getClass().getName(), e);
            }
            if (stored != null) {
                map.put(f.name(), stored);
            }
        }
        return AttributeValue.createM(map);
    }

    @Override
    public Object fromAttributeValue(AttributeValue value) {
        if (value.type() != AttributeValue.Type.M) {
            throw new ConversionException(type.getSimpleName() + " is an embedded document, stored as a map (M); the"
                    + " stored value is " + value.type());
        }
        Map<String, AttributeValue> map = value.m();
        if (generated != null) {
            try {
                return generated.read(map);
            } catch (RuntimeException | LinkageError e) {
                // the way below meets the same failure and says which field (or widens what Java widens)
            }
        }
        try {
            if (record) {
                Object[] args = new Object[fields.size()];
                for (int i = 0; i < args.length; i++) {
                    DocumentField f = fields.get(i);
                    Object v = read(f, map.get(f.name()));
                    args[i] = v == null ? Primitives.zero(f.rawType()) : v;
                }
                return (Object) constructor.invokeExact(args);
            }
            Object document = (Object) constructor.invokeExact();
            for (DocumentField f : fields) {
                f.set(document, read(f, map.get(f.name())));
            }
            return document;
        } catch (Throwable t) {
            throw DocumentField.failed(t);
        }
    }

    private Object read(DocumentField f, AttributeValue stored) {
        if (stored == null || Boolean.TRUE.equals(stored.nul())) {
            return null;
        }
        try {
            return f.converter().fromAttributeValue(stored);
        } catch (ConversionException e) {
            throw new ConversionException(where(f) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ConversionException(where(f) + ": cannot read the stored value " + stored + ": " + e, e);
        }
    }

    private String where(DocumentField f) {
        return type.getSimpleName() + "." + f.fieldName();
    }


    @Override
    public String toString() {
        return "DocumentConverter[" + type.getSimpleName() + " " + fields.stream().map(DocumentField::name).toList() + "]";
    }
}
