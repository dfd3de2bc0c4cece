package dev.dynarecord.internal.schema;

import dev.dynarecord.annotation.Protected;
import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.AttributeType;
import dev.dynarecord.types.ConverterOptions;
import dev.dynarecord.types.Converters;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One persisted attribute of a model: its DynamoDB name, Java field, converter and key role.
 * Immutable and thread-safe; built with the model's schema, whose converters it uses (for its
 * elements, too).
 */
public final class AttributeSchema {

    private final String modelName;
    private final String name;
    private final String fieldName;
    private final Class<?> rawType;
    private final Type genericType;
    private final boolean protectedField;
    private final Class<?> boxedType;
    private final AttributeConverter<Object> converter;
    private final KeyRole keyRole;
    private final Supplier<Object> defaultValue;
    /** Null for an attribute no instance holds (a path into a document, a join table's key). */
    private final FieldAccessor access;
    private final Object zero;
    private final Binding binding;
    /** The class declaring the Java field that holds it; null for an attribute no field of the model holds. */
    private final Class<?> declaringClass;
    /** Whether values are maps or lists, whose nesting and keys DynamoDB limits (see {@link DocumentLimits}). */
    private final boolean document;

    AttributeSchema(String modelName, String name, java.lang.reflect.Field field, AttributeConverter<Object> converter,
            KeyRole keyRole, Supplier<Object> defaultValue, FieldAccessor access, Binding binding) {
        this(modelName, name, field.getName(), field.getType(), field.getGenericType(), field.isAnnotationPresent(Protected.class),
                converter, keyRole, defaultValue, access, binding, field.getDeclaringClass());
    }

    /**
     * An attribute that no Java field of the model declares, such as a belongs_to foreign key kept by
     * the association: its accessor reaches the value wherever it lives.
     */
    AttributeSchema(String modelName, String name, String fieldName, Class<?> rawType, Type genericType, boolean protectedField,
            AttributeConverter<Object> converter, KeyRole keyRole, Supplier<Object> defaultValue, FieldAccessor access,
            Binding binding) {
        this(modelName, name, fieldName, rawType, genericType, protectedField, converter, keyRole, defaultValue, access, binding, null);
    }

    private AttributeSchema(String modelName, String name, String fieldName, Class<?> rawType, Type genericType,
            boolean protectedField, AttributeConverter<Object> converter, KeyRole keyRole, Supplier<Object> defaultValue,
            FieldAccessor access, Binding binding, Class<?> declaringClass) {
        this.modelName = modelName;
        this.name = name;
        this.fieldName = fieldName;
        this.rawType = rawType;
        this.genericType = genericType;
        this.protectedField = protectedField;
        this.boxedType = Primitives.box(rawType);
        this.converter = converter;
        this.keyRole = keyRole;
        this.defaultValue = defaultValue;
        this.access = access;
        this.declaringClass = declaringClass;
        this.zero = Primitives.zero(rawType);
        this.binding = binding;
        this.document = converter.attributeType() == AttributeType.M || converter.attributeType() == AttributeType.L;
    }

    /**
     * A string key attribute of a join table, which no model declares.
     *
     * @param name the attribute name
     * @return the attribute, without accessors
     */
    @SuppressWarnings("unchecked")
    static AttributeSchema joinKey(String name) {
        return new AttributeSchema("join table", name, name, String.class, String.class, true,
                (AttributeConverter<Object>) Converters.resolve(String.class, ConverterOptions.DEFAULT), KeyRole.NONE, null, null,
                Schemas.global());
    }

    /** @return the attribute name in DynamoDB */
    public String name() {
        return name;
    }

    /** @return the Java field's name */
    public String fieldName() {
        return fieldName;
    }

    /** @return the Java field's type, boxed if primitive */
    public Class<?> javaType() {
        return boxedType;
    }

    /** @return the Java field's generic type */
    public Type genericType() {
        return genericType;
    }

    /** @return the converter, for walking into an embedded document ({@link DocumentPaths}) */
    AttributeConverter<Object> converter() {
        return converter;
    }

    /** @return the converters it was built with */
    Binding binding() {
        return binding;
    }

    /** @return the DynamoDB type the converter stores */
    public AttributeType attributeType() {
        return converter.attributeType();
    }

    /** @return the attribute's part in the primary key */
    public KeyRole keyRole() {
        return keyRole;
    }

    /** @return whether the field holds a primitive, which is never null */
    public boolean isPrimitive() {
        return rawType.isPrimitive();
    }

    /** @return whether the field is marked {@code @Protected}: kept out of mass assignment unless permitted */
    public boolean isProtected() {
        return protectedField;
    }

    /** @return how the field is reached */
    FieldAccessor accessor() {
        return access;
    }

    /** @return whether what the converter makes is checked before it is stored: a map or a list */
    boolean checksDocuments() {
        return document;
    }

    /** @return whether its value is an embedded record that the code dynarecord-processor generated makes and stores */
    public boolean generatedDocument() {
        return converter instanceof DocumentConverter d && d.generated();
    }

    /** @return whether generated code reads and writes it, rather than method handles */
    boolean generatedAccess() {
        return access instanceof FieldAccessor.Generated;
    }

    /** @return the class declaring the Java field that holds it; null when no field does (a belongs_to's foreign key, a discriminator) */
    Class<?> declaringClass() {
        return declaringClass;
    }

    /** @return whether a {@code @Default} is declared */
    public boolean hasDefault() {
        return defaultValue != null;
    }

    /**
     * Reads the field.
     *
     * @param model the model instance
     * @return the value, boxed; {@code null} when unset
     */
    public Object get(Object model) {
        return access.get(model);
    }

    /**
     * Writes the field. {@code null} into a primitive field stores its zero.
     *
     * @param model the model instance
     * @param value the value, of the field's (boxed) type
     */
    public void set(Object model, Object value) {
        try {
            access.set(model, value == null ? zero : value);
        } catch (ClassCastException e) {
            // generated code casts to the field's box; a method handle widened what Java widens (a Short into an int)
            Object widened = rawType.isPrimitive() && value != null ? Primitives.widenPrimitive(value, rawType) : null;
            if (widened == null) {
                throw wrongType(value);
            }
            access.set(model, widened); // the field's own box: the cast holds
        }
    }

    /**
     * Sets the declared default, if any.
     *
     * @param model the model instance
     */
    public void applyDefault(Object model) {
        if (defaultValue != null) {
            set(model, defaultValue.get());
        }
    }

    /**
     * Converts the field's current value for storage.
     *
     * @param model the model instance
     * @return the attribute value, or {@code null} when the attribute must be absent
     * @throws ConversionException naming the model and attribute when the value cannot be stored
     */
    public AttributeValue read(Object model) {
        Object value = get(model);
        return value == null ? null : toAttributeValue(value);
    }

    /**
     * Converts a Java value of this attribute's type for storage.
     *
     * @param value the value, not null
     * @return the attribute value, or {@code null} for "absent" (an empty set)
     * @throws ConversionException when the value cannot be converted, or DynamoDB cannot store what it converts to
     */
    public AttributeValue toAttributeValue(Object value) {
        AttributeValue converted;
        try {
            converted = converter.toAttributeValue(value);
        } catch (ClassCastException e) {
            throw wrongType(value);
        } catch (ConversionException e) {
            throw new ConversionException(where() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ConversionException(where() + ": the converter failed on '" + value + "': " + e, e);
        }
        return document && converted != null ? checkDocument(converted) : converted;
    }

    /**
     * Checks a map or list value for this attribute against what DynamoDB stores: at most
     * {@value DocumentLimits#MAX_NESTED} maps and lists inside one another, no empty map key.
     * {@link #toAttributeValue(Object)} checks what it converts; an update checks a list it appends.
     *
     * @param value the value as it would be stored
     * @return the same value
     * @throws ConversionException naming the model, the field and what to change
     */
    public AttributeValue checkDocument(AttributeValue value) {
        String problem = DocumentLimits.problem(value, fieldName);
        if (problem != null) {
            throw new ConversionException(where() + ": " + problem);
        }
        return value;
    }

    /**
     * Stores an item's attribute value into the field; a missing or NULL value stores the default
     * (if declared) or null.
     *
     * @param model the model instance
     * @param value the stored value, or {@code null} when the item lacks the attribute
     */
    public void write(Object model, AttributeValue value) {
        if (value == null || Boolean.TRUE.equals(value.nul())) {
            set(model, defaultValue != null ? defaultValue.get() : null);
            return;
        }
        set(model, fromAttributeValue(value));
    }

    /**
     * Converts a stored value to the field's Java type.
     *
     * @param value the stored value, not null
     * @return the Java value
     */
    public Object fromAttributeValue(AttributeValue value) {
        try {
            return converter.fromAttributeValue(value);
        } catch (ConversionException e) {
            throw new ConversionException(where() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ConversionException(where() + ": cannot read the stored value " + value + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that a value given for this attribute (a key in {@code byId}) has its type, widening
     * numbers where no precision is lost.
     *
     * @param value the value
     * @return the value, of the field's boxed type
     * @throws ConversionException saying which type is expected
     */
    public Object coerce(Object value) {
        if (value == null || boxedType.isInstance(value)) {
            return value;
        }
        if (value instanceof Number n) {
            Object widened = Primitives.widen(n, boxedType);
            if (widened != null) {
                return widened;
            }
            checkFinite(n);
        }
        throw wrongType(value);
    }

    private void checkFinite(Number n) {
        if (Primitives.nonFinite(n)) {
            throw new ConversionException(where() + ": DynamoDB numbers have no NaN or infinity; give a finite number"
                    + " (got " + n + ")");
        }
    }

    /**
     * Converts one element of a set, list or array attribute, as {@code contains} conditions and
     * {@code addToSet} / {@code append} updates need it: the element type's converter (default
     * options, among the converters this schema was built with) is used, and a number is widened
     * to the element type where no precision is lost.
     *
     * @param element the element, not null
     * @return the element in DynamoDB form: S, N or B for the elements of SS, NS and BS
     * @throws ConversionException when the attribute has no elements, or the value is not one of them
     */
    public AttributeValue elementToAttributeValue(Object element) {
        Type elementType = elementType(genericType);
        if (elementType == null) {
            throw new ConversionException(where() + " holds " + genericType.getTypeName()
                    + " values, which have no elements");
        }
        if (element == null) {
            throw new ConversionException(where() + ": null is not an element of " + genericType.getTypeName());
        }
        AttributeConverter<Object> elementConverter = elementConverter(elementType);
        Object value = element;
        if (elementType instanceof Class<?> c && !Primitives.box(c).isInstance(element) && element instanceof Number n) {
            Object widened = Primitives.widen(n, Primitives.box(c));
            if (widened == null && Number.class.isAssignableFrom(Primitives.box(c))) {
                checkFinite(n);
                throw notAnElement(element, null); // 0.5 for a Set<Long>: refused, never truncated
            }
            value = widened != null ? widened : element;
        }
        AttributeValue converted;
        try {
            converted = elementConverter.toAttributeValue(value);
        } catch (ClassCastException e) {
            throw notAnElement(element, e);
        } catch (ConversionException e) {
            throw new ConversionException(where() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw notAnElement(element, e);
        }
        AttributeType kind = attributeType();
        // A set's elements are stored as scalars of the set's kind: S for SS, N for NS, B for BS.
        if (converted == null || kind == AttributeType.SS && converted.s() == null || kind == AttributeType.NS && converted.n() == null
                || kind == AttributeType.BS && converted.b() == null) {
            throw notAnElement(element, null);
        }
        return converted;
    }

    private ConversionException notAnElement(Object element, Throwable cause) {
        return new ConversionException(where() + ": " + element.getClass().getName() + " '" + element + "' is not an element of "
                + genericType.getTypeName(), cause);
    }

    @SuppressWarnings("unchecked")
    private AttributeConverter<Object> elementConverter(Type elementType) {
        AttributeConverter<Object> own = converter.attributeType() == AttributeType.L ? Converters.elementConverter(converter)
                : Converters.setElementConverter(converter);
        if (own != null) {
            return own; // the list's or set's own: the field's timeFormat, its documents named as the model names them
        }
        return (AttributeConverter<Object>) binding.resolve(elementType, ConverterOptions.DEFAULT);
    }

    private static Type elementType(Type t) {
        if (t instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            return args.length == 1 ? args[0] : null;
        }
        if (t instanceof GenericArrayType g) {
            return g.getGenericComponentType();
        }
        if (t instanceof Class<?> c && c.isArray() && c != byte[].class) {
            return c.getComponentType();
        }
        return null;
    }

    private ConversionException wrongType(Object value) {
        return new ConversionException(where() + " holds " + genericType.getTypeName() + " values; got "
                + value.getClass().getName() + " '" + value + "': pass a " + boxedType.getSimpleName());
    }

    private String where() {
        return modelName + "." + fieldName + (name.equals(fieldName) ? "" : " (attribute " + name + ")");
    }

    @Override
    public String toString() {
        return name + ":" + attributeType() + (keyRole == KeyRole.NONE ? "" : "(" + keyRole + ")");
    }
}
