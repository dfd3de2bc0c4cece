package dev.dynarecord.internal.schema;

import dev.dynarecord.annotation.AttributeNaming;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.ConverterOptions;
import dev.dynarecord.types.Converters;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * The schemas of model classes built with one set of converters: the global registry's
 * ({@link Schemas#of(Class)}), or a session's own converters before the global ones
 * ({@link Schemas#forSession(Map, SessionConventions)}). Each class's schema is built on first use from its
 * {@linkplain Schemas#structure(Class) structure}, whose reflection is done once per class, and
 * rebuilt when {@link Converters#register} changed the global registry since. Thread-safe.
 */
public final class SchemaSet implements Binding {

    private final BaseClass base;
    private final Map<Class<?>, AttributeConverter<?>> converters;
    private final SessionConventions conventions;
    /** The embedded document converters, built once per document class and naming with these converters. */
    private final Documents documents;
    private final ClassValue<Slot> slots = new ClassValue<>() {
        @Override
        protected Slot computeValue(Class<?> type) {
            return new Slot();
        }
    };


    /** One class's schema in this set; replaced when the global registry changed. */
    private static final class Slot {
        volatile ModelSchema<?> schema;
    }

    SchemaSet(BaseClass base, Map<Class<?>, AttributeConverter<?>> converters, SessionConventions conventions) {
        this.base = base;
        this.converters = Map.copyOf(converters);
        this.conventions = conventions;
        this.documents = new Documents(base.type(), this.converters);
    }

    /**
     * The schema of a model class with these converters: cached, so the same object until the
     * global registry changes. Allocation-free once built: it is asked for on every save and load.
     *
     * @param type a model class
     * @return its schema
     * @throws ModelDefinitionException when the class is not a model or cannot be mapped
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> ModelSchema<T> schema(Class<T> type) {
        Slot slot = slots.get(type);
        ModelSchema<?> schema = slot.schema;
        if (schema == null || schema.version() != Converters.version()) {
            schema = build(slot, type);
        }
        return (ModelSchema<T>) schema;
    }

    private ModelSchema<?> build(Slot slot, Class<?> type) {
        synchronized (slot) {
            ModelSchema<?> schema = slot.schema;
            if (schema == null || schema.version() != Converters.version()) {
                Schemas.checkModel(type);
                Hierarchy.of(type).ifPresent(Hierarchy::checkTable);
                schema = new SchemaBuilder<>(type, base).build(Schemas.reflected(type), this);
                slot.schema = schema;
            }
            return schema;
        }
    }

    @Override
    public AttributeConverter<?> resolve(Type type, ConverterOptions options) {
        return documents.resolve(type, options, conventions.naming());
    }

    @Override
    public AttributeConverter<?> resolve(Type type, ConverterOptions options, AttributeNaming naming) {
        return documents.resolve(type, options, naming);
    }

    @Override
    public SessionConventions conventions() {
        return conventions;
    }

    @Override
    public int version() {
        return Converters.version();
    }

    @Override
    public String toString() {
        return "SchemaSet" + (converters.isEmpty() ? "(global)" : converters.keySet().stream().map(Class::getSimpleName).toList())
                + (conventions.equals(SessionConventions.DEFAULT) ? "" : conventions);
    }
}
